using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Benchmarks;

/// <summary>
/// One command through the public API on the in-memory store (load, authorise, guard, apply, events, save), against
/// one raw Stateless fire on a comparable machine. The command cycle is the full default process with the default
/// escalation policies, so every kind of step change, guard and policy is paid for; each invocation runs a whole
/// case, reported per command. <see cref="FullCase"/> leaves the clocks out; <see cref="FullCaseWithClocks"/> runs
/// the same with the default clocks. The budgets of <c>--quick</c> time these methods in interleaved rounds
/// (<see cref="CoreBudgets"/>); a full BenchmarkDotNet run times them one after the other.
/// </summary>
[MemoryDiagnoser]
public class CoreCommandBenchmarks : IDisposable
{
    /// <summary>Commands in one <see cref="FullCase"/> invocation: open, acknowledge, statement, paraphrase, confirm, outcome, propose, accept, fulfil, follow-up.</summary>
    public const int CommandsPerCase = 10;

    private static readonly Actor Agent = new("a-1", "Agent", "agent");
    private static readonly ImmutableArray<Remedy> Remedies = [new Remedy(RemedyKind.Credit, "Credit", new Money(20m, "GBP"))];

    private readonly Store _plain = new(clocks: false);
    private readonly Store _clocked = new(clocks: true);
    private RawStatelessMachine _raw = null!;

    [GlobalSetup]
    public void Setup() => _raw = new RawStatelessMachine();

    /// <summary>
    /// Cases per store before the benchmark starts a fresh one, so memory stays flat however long the run: 1,000 cases
    /// is 10,000 commands. Larger stores add garbage-collection cost for the history the in-memory store keeps (see
    /// docs/performance.md); run the benchmark with <c>--cases</c> to see it.
    /// </summary>
    public static int CasesPerStore { get; set; } = 1_000;

    [GlobalCleanup]
    public void Dispose()
    {
        _plain.Dispose();
        _clocked.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(OperationsPerInvoke = CommandsPerCase)]
    public Task<ComplaintCase> FullCase() => RunCaseAsync(_plain.Next());

    [Benchmark(OperationsPerInvoke = CommandsPerCase)]
    public Task<ComplaintCase> FullCaseWithClocks() => RunCaseAsync(_clocked.Next());

    private static async Task<ComplaintCase> RunCaseAsync((IComplaintDesk Desk, string Customer) at)
    {
        var desk = at.Desk;
        var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = at.Customer, Summary = "Late parcel", Channel = Channel.Email, Actor = Agent });
        var id = c.Id;
        await desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent });
        await desk.ExecuteAsync(new RecordStatement { CaseId = id, Actor = Agent, Text = "It was two weeks late." });
        await desk.ExecuteAsync(new SubmitParaphrase { CaseId = id, Actor = Agent, Text = "Your parcel was two weeks late." });
        await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = id, Actor = Agent });
        await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = id, Actor = Agent, Kind = RemedyKind.Credit, Details = "Some credit" });
        await desk.ExecuteAsync(new ProposeResolution { CaseId = id, Actor = Agent, Remedies = Remedies, Explanation = "Credit for the delay" });
        await desk.ExecuteAsync(new AcceptProposal { CaseId = id, Actor = Agent, ProposalNumber = 1 });
        await desk.ExecuteAsync(new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Credited" });
        return await desk.ExecuteAsync(new RecordFollowUp { CaseId = id, Actor = Agent, Satisfied = true, Csat = 5 });
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

    /// <summary>A desk on a fresh in-memory store, replaced every <see cref="CasesPerStore"/> cases.</summary>
    private sealed class Store(bool clocks) : IDisposable
    {
        // Distinct customers, so the repeat-complainant policy sees the usual one or two complaints per customer.
        private static readonly string[] Customers = [.. Enumerable.Range(0, 997).Select(i => $"cust-{i}")];

        private ServiceProvider? _provider;
        private IComplaintDesk? _desk;
        private int _cases;

        public (IComplaintDesk Desk, string Customer) Next()
        {
            if (_desk is null || ++_cases > CasesPerStore)
            {
                _provider?.Dispose();
                _provider = new ServiceCollection().AddComplaintFlow(o =>
                {
                    if (!clocks)
                    {
                        o.Clocks.Clocks.Clear();
                    }
                }).Services.BuildServiceProvider();
                _desk = _provider.GetRequiredService<IComplaintDesk>();
                _cases = 1;
            }

            return (_desk, Customers[_cases % Customers.Length]);
        }

        public void Dispose() => _provider?.Dispose();
    }
}
