using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// One command through the public API on the in-memory store (load, authorise, guard, apply, events, save), against
/// one raw Stateless fire on a comparable machine. The command cycle is the full default process, so every kind of
/// step change and guard is paid for; each invocation runs a whole case, reported per command.
/// </summary>
[MemoryDiagnoser]
public class CoreCommandBenchmarks
{
    /// <summary>Commands in one <see cref="FullCase"/> invocation: open, acknowledge, statement, paraphrase, confirm, outcome, propose, accept, fulfil, follow-up.</summary>
    public const int CommandsPerCase = 10;

    private static readonly Actor Agent = new("a-1", "Agent", "agent");
    private static readonly ImmutableArray<Remedy> Remedies = [new Remedy(RemedyKind.Credit, "Credit", new Money(20m, "GBP"))];

    private ServiceProvider? _provider;
    private IComplaintDesk _desk = null!;
    private RawStatelessMachine _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = new RawStatelessMachine();
        NewDesk();
    }

    /// <summary>
    /// Cases per store before the benchmark starts a fresh one, so memory stays flat however long the run: 1,000 cases
    /// is 10,000 commands and about 3 MB of live history. Larger stores add garbage-collection cost for the history the
    /// in-memory store keeps (see docs/performance.md); run the full benchmark with <c>--cases</c> to see it.
    /// </summary>
    public static int CasesPerStore { get; set; } = 1_000;

    private int _casesInStore;

    // Distinct customers, so the repeat-complainant policy sees the usual one or two complaints per customer.
    private readonly string[] _customers = [.. Enumerable.Range(0, 997).Select(i => $"cust-{i}")];

    private void NewDesk()
    {
        _casesInStore = 0;
        _provider?.Dispose();
        _provider = new ServiceCollection().AddComplaintFlow().Services.BuildServiceProvider();
        _desk = _provider.GetRequiredService<IComplaintDesk>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    [Benchmark(OperationsPerInvoke = CommandsPerCase)]
    public async Task<ComplaintCase> FullCase()
    {
        if (++_casesInStore > CasesPerStore)
        {
            NewDesk();
        }

        var c = await _desk.OpenAsync(new OpenComplaint { CustomerRef = _customers[_casesInStore % _customers.Length], Summary = "Late parcel", Channel = Channel.Email, Actor = Agent });
        var id = c.Id;
        await _desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent });
        await _desk.ExecuteAsync(new RecordStatement { CaseId = id, Actor = Agent, Text = "It was two weeks late." });
        await _desk.ExecuteAsync(new SubmitParaphrase { CaseId = id, Actor = Agent, Text = "Your parcel was two weeks late." });
        await _desk.ExecuteAsync(new ConfirmParaphrase { CaseId = id, Actor = Agent });
        await _desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = id, Actor = Agent, Kind = RemedyKind.Credit, Details = "Some credit" });
        await _desk.ExecuteAsync(new ProposeResolution { CaseId = id, Actor = Agent, Remedies = Remedies, Explanation = "Credit for the delay" });
        await _desk.ExecuteAsync(new AcceptProposal { CaseId = id, Actor = Agent, ProposalNumber = 1 });
        await _desk.ExecuteAsync(new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Credited" });
        return await _desk.ExecuteAsync(new RecordFollowUp { CaseId = id, Actor = Agent, Satisfied = true, Csat = 5 });
    }

    /// <summary>Raw fires per invocation, so both benchmarks fill an iteration of the same invocation count.</summary>
    public const int FiresPerInvoke = 16;

    [Benchmark(OperationsPerInvoke = FiresPerInvoke)]
    public async Task<string> RawStatelessFireAsync()
    {
        var state = string.Empty;
        for (var i = 0; i < FiresPerInvoke; i++)
        {
            state = await _raw.FireNextAsync();
        }

        return state;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FiresPerInvoke)]
    public string RawStatelessFire()
    {
        var state = string.Empty;
        for (var i = 0; i < FiresPerInvoke; i++)
        {
            state = _raw.FireNext();
        }

        return state;
    }
}
