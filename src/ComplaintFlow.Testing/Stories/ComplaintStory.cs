namespace ComplaintFlow.Testing;

/// <summary>
/// A complaint told as a story, one line per thing that happens, run in order on a test desk:
/// <code>
/// var told = await desk.Story("cust-1", "Parcel two weeks late", agent)
///     .Acknowledge().Hears("It missed the party.").Paraphrases("So it came two weeks late.").Confirms()
///     .Wants(RemedyKind.Refund, "The delivery charge back.")
///     .Proposes("We refund the delivery.", new Remedy(RemedyKind.Refund, "Delivery refunded", new Money(4.99m, "GBP")))
///     .Accepts().Fulfils("Refund issued").FollowsUp(satisfied: true, csat: 5)
///     .RunAsync();
/// </code>
/// Each line is the desk's own command, so a story a practice forbids fails with the desk's typed error at the line
/// that broke it.
/// </summary>
public sealed class ComplaintStory
{
    private readonly ComplaintFlowTestDesk _desk;
    private readonly string _customerRef;
    private readonly string _summary;
    private readonly List<Line> _lines = [];
    private readonly Actor _actor;

    internal ComplaintStory(ComplaintFlowTestDesk desk, string customerRef, string summary, Actor actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerRef);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        ArgumentNullException.ThrowIfNull(actor);
        _desk = desk;
        _customerRef = customerRef;
        _summary = summary;
        _actor = actor;
    }

    /// <summary>The lines after this one are taken by <paramref name="actor"/>.</summary>
    public ComplaintStory As(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _lines.Add(new Line(null, actor));
        return this;
    }

    /// <summary>The actor acknowledges the complaint and owns it.</summary>
    public ComplaintStory Acknowledge(string? message = null) =>
        Then((c, a) => new AcknowledgeComplaint { CaseId = c.Id, Actor = a, Owner = a, Message = message });

    /// <summary>The customer tells what happened.</summary>
    public ComplaintStory Hears(string statement) => Then((c, a) => new RecordStatement { CaseId = c.Id, Actor = a, Text = statement });

    /// <summary>The actor says back what they understood.</summary>
    public ComplaintStory Paraphrases(string paraphrase) => Then((c, a) => new SubmitParaphrase { CaseId = c.Id, Actor = a, Text = paraphrase });

    /// <summary>The customer confirms the paraphrase.</summary>
    public ComplaintStory Confirms() => Then((c, a) => new ConfirmParaphrase { CaseId = c.Id, Actor = a });

    /// <summary>The customer says what would put it right.</summary>
    public ComplaintStory Wants(RemedyKind kind, string details) => Then((c, a) => new CaptureDesiredOutcome { CaseId = c.Id, Actor = a, Kind = kind, Details = details });

    /// <summary>The actor proposes remedies.</summary>
    public ComplaintStory Proposes(string explanation, params Remedy[] remedies) =>
        Then((c, a) => new ProposeResolution { CaseId = c.Id, Actor = a, Remedies = [.. remedies], Explanation = explanation });

    /// <summary>The customer accepts the latest proposal, or the one numbered.</summary>
    public ComplaintStory Accepts(int? proposalNumber = null) =>
        Then((c, a) => new AcceptProposal { CaseId = c.Id, Actor = a, ProposalNumber = proposalNumber ?? c.Proposals.Length });

    /// <summary>The customer rejects the latest proposal, perhaps suggesting something else.</summary>
    public ComplaintStory Rejects(string? counterSuggestion = null) =>
        Then((c, a) => new RejectProposal { CaseId = c.Id, Actor = a, ProposalNumber = c.Proposals.Length, CounterSuggestion = counterSuggestion });

    /// <summary>The actor records the remedy as done.</summary>
    public ComplaintStory Fulfils(string description) => Then((c, a) => new RecordFulfilment { CaseId = c.Id, Actor = a, Description = description });

    /// <summary>The follow-up: whether the customer is satisfied, and their score.</summary>
    public ComplaintStory FollowsUp(bool satisfied, int? csat = null) =>
        Then((c, a) => new RecordFollowUp { CaseId = c.Id, Actor = a, Satisfied = satisfied, Csat = csat });

    /// <summary>Any other command, built from the case as it is at this line and the current actor.</summary>
    public ComplaintStory Then(Func<ComplaintCase, Actor, ComplaintCommand> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _lines.Add(new Line(async (c, a, ct) => await _desk.Desk.ExecuteAsync(command(c, a), ct).ConfigureAwait(false), null));
        return this;
    }

    /// <summary><paramref name="days"/> business days pass; what falls due is recorded.</summary>
    public ComplaintStory AfterBusinessDays(int days)
    {
        _lines.Add(new Line(async (c, _, ct) =>
        {
            await _desk.Clock.AdvanceBusinessDaysAsync(days, ct).ConfigureAwait(false);
            return await _desk.Desk.GetAsync(c.Id, ct).ConfigureAwait(false);
        }, null));
        return this;
    }

    /// <summary>Opens the complaint and tells the story, line by line.</summary>
    /// <returns>The case as the story left it, and its whole history.</returns>
    public async Task<ToldStory> RunAsync(CancellationToken cancellationToken = default)
    {
        // Who acts is the story's state while it runs, so the same story told twice is told the same way.
        var actor = _actor;
        var c = await _desk.Desk.OpenAsync(new OpenComplaint { CustomerRef = _customerRef, Summary = _summary, Channel = Channel.Email, Actor = actor }, cancellationToken).ConfigureAwait(false);
        foreach (var line in _lines)
        {
            if (line.NextActor is { } next)
            {
                actor = next;
                continue;
            }

            c = await line.Run!(c, actor, cancellationToken).ConfigureAwait(false);
        }

        return new ToldStory(c, await _desk.Desk.GetHistoryAsync(c.Id, cancellationToken).ConfigureAwait(false));
    }

    // A line runs a command or lets time pass, or changes who acts next.
    private sealed record Line(Func<ComplaintCase, Actor, CancellationToken, Task<ComplaintCase>>? Run, Actor? NextActor);
}
