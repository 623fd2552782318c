using ComplaintFlow.Process;
using ComplaintFlow.Storage;
using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Desk;

/// <summary>
/// Every bad input gets a typed error that names the problem, and the stored data is byte-for-byte unchanged.
/// Each row runs against a case waiting in seek-resolution with the desired outcome captured.
/// </summary>
public sealed class BadInputTests
{
    private const string UsedKey = "note-key-1";

    private static readonly Dictionary<string, BadInput> Rows = new BadInput[]
    {
        new("null note text", c => Note(c, null!), typeof(ComplaintValidationException), "Text: is required"),
        new("empty note text", c => Note(c, string.Empty), typeof(ComplaintValidationException), "Text: must contain text"),
        new("whitespace note text", c => Note(c, " \t\n "), typeof(ComplaintValidationException), "Text: must contain text"),
        new("oversized note text", c => Note(c, new string('x', 10_001)), typeof(ComplaintValidationException), "10001 characters long; the limit is 10000"),
        new("statement in the wrong step", c => Run(c, new RecordStatement { CaseId = c.Id, Actor = Actors.Agent, Text = "more" }), typeof(ActionNotPermittedException), "step 'seek-resolution', where 'record-statement' is not possible"),
        new("zero amount", c => Propose(c, new Remedy(RemedyKind.Credit, "credit", new Money(0m, "GBP"))), typeof(ComplaintValidationException), "Remedies[0].Amount.Amount: must be more than zero"),
        new("negative amount", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(-5m, "GBP"))), typeof(ComplaintValidationException), "must be more than zero, but is -5"),
        new("unknown currency", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(5m, "XYZ"))), typeof(ComplaintValidationException), "'XYZ' is not an ISO 4217 currency code"),
        new("lower-case currency", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(5m, "gbp"))), typeof(ComplaintValidationException), "Remedies[0].Amount.Currency"),
        new("no remedies", c => Propose(c), typeof(ComplaintValidationException), "Remedies: needs at least one remedy"),
        new("refund without amount", c => Propose(c, new Remedy(RemedyKind.Refund, "refund")), typeof(ComplaintValidationException), "Remedies[0].Amount: is required for a refund"),
        new("amount with five decimals", c => Propose(c, new Remedy(RemedyKind.Credit, "credit", new Money(1.23456m, "GBP"))), typeof(ComplaintValidationException), "is 1.23456, but GBP has 2 decimal places"),
        new("amount no tier may approve", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(100_000m, "GBP"))), typeof(ComplaintAuthorizationException), "beyond the 'agent' limit of GBP 100.00; no configured tier may commit that much"),
        new("undefined remedy kind", c => Propose(c, new Remedy((RemedyKind)99, "mystery")), typeof(ComplaintValidationException), "Remedies[0].Kind: '99' is not a RemedyKind"),
        new("too many remedies", c => Propose(c, [.. Enumerable.Repeat(new Remedy(RemedyKind.Apology, "sorry"), 11)]), typeof(ComplaintValidationException), "has 11 remedies; the limit is 10"),
        new("CSAT zero", c => Run(c, new RecordFollowUp { CaseId = c.Id, Actor = Actors.Agent, Satisfied = true, Csat = 0 }), typeof(ComplaintValidationException), "Csat: must be from 1 to 5, but is 0"),
        new("CSAT six", c => Run(c, new RecordFollowUp { CaseId = c.Id, Actor = Actors.Agent, Satisfied = true, Csat = 6 }), typeof(ComplaintValidationException), "Csat: must be from 1 to 5, but is 6"),
        new("unknown case", c => Run(c, new AddNote { CaseId = new ComplaintId(Guid.NewGuid()), Actor = Actors.Agent, Text = "hello" }), typeof(ComplaintNotFoundException), "No complaint case with id"),
        new("empty case id", c => Run(c, new AddNote { CaseId = default, Actor = Actors.Agent, Text = "hello" }), typeof(ComplaintValidationException), "CaseId: is the empty id"),
        new("stale version", c => Run(c, new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "hello", ExpectedVersion = c.Version - 1 }), typeof(ComplaintConcurrencyException), "not the expected"),
        new("version zero", c => Run(c, new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "hello", ExpectedVersion = 0 }), typeof(ComplaintValidationException), "ExpectedVersion: must be 1 or more"),
        new("idempotency key reused with other data", c => Run(c, new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "a different note", IdempotencyKey = UsedKey }), typeof(IdempotencyKeyReusedException), $"'{UsedKey}' was already used for a different command"),
        new("oversized idempotency key", c => Run(c, new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "x", IdempotencyKey = new string('k', 201) }), typeof(ComplaintValidationException), "IdempotencyKey: is 201 characters long"),
        new("null actor", c => Run(c, new AddNote { CaseId = c.Id, Actor = null!, Text = "x" }), typeof(ComplaintValidationException), "Actor: is required"),
        new("actor without id", c => Run(c, new AddNote { CaseId = c.Id, Actor = new Actor(" ", "Nobody", "agent"), Text = "x" }), typeof(ComplaintValidationException), "Actor.Id: must contain text"),
        new("actor with an unknown tier", c => Run(c, new AddNote { CaseId = c.Id, Actor = new Actor("t-1", "Temp", "contractor"), Text = "x" }), typeof(ComplaintAuthorizationException), "tier 'contractor' is not one of the configured tiers"),
        new("undefined channel", c => Run(c, new RecordCustomerUpdate { CaseId = c.Id, Actor = Actors.Agent, Message = "x", Channel = (Channel)42 }), typeof(ComplaintValidationException), "Channel: '42' is not a Channel"),
        new("next update promised in the past", c => Run(c, new RecordCustomerUpdate { CaseId = c.Id, Actor = Actors.Agent, Message = "x", NextUpdateBy = TestDesk.Start.AddDays(-1) }), typeof(ComplaintValidationException), "NextUpdateBy: is 2026-03-01"),
        new("undefined severity", c => Run(c, new SetSeverity { CaseId = c.Id, Actor = Actors.Agent, Severity = (Severity)7 }), typeof(ComplaintValidationException), "Severity: '7' is not a Severity"),
        new("severity unchanged", c => Run(c, new SetSeverity { CaseId = c.Id, Actor = Actors.Agent, Severity = Severity.Medium }), typeof(ComplaintValidationException), "is already Medium"),
        new("unknown flag bits", c => Run(c, new SetFlags { CaseId = c.Id, Actor = Actors.Agent, Flags = (ComplaintFlags)64 }), typeof(ComplaintValidationException), "Flags: contains unknown flag bits (64)"),
        new("too many categories", c => Run(c, new SetCategories { CaseId = c.Id, Actor = Actors.Agent, Categories = [.. Enumerable.Range(0, 21).Select(i => $"c{i}")] }), typeof(ComplaintValidationException), "has 21 categories; the limit is 20"),
        new("oversized category", c => Run(c, new SetCategories { CaseId = c.Id, Actor = Actors.Agent, Categories = [new string('c', 65)] }), typeof(ComplaintValidationException), "Categories[0]: is 65 characters long"),
        new("accept in the wrong step", c => Run(c, new AcceptProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 1 }), typeof(ActionNotPermittedException), "Permitted now: capture-desired-outcome, propose, withdraw"),
        new("proposal number zero", c => Run(c, new RejectProposal { CaseId = c.Id, Actor = Actors.Agent, ProposalNumber = 0 }), typeof(ComplaintValidationException), "ProposalNumber: must be 1 or more"),
        new("reopen an open case", c => Run(c, new ReopenComplaint { CaseId = c.Id, Actor = Actors.Agent, Reason = "again" }), typeof(ActionNotPermittedException), "'reopen' is not possible"),
        new("reassign to the current owner", c => Run(c, new ReassignComplaint { CaseId = c.Id, Actor = Actors.Agent, NewOwner = Actors.Agent }), typeof(ComplaintValidationException), "already owns case"),
        new("withdrawal reason of only spaces", c => Run(c, new WithdrawComplaint { CaseId = c.Id, Actor = Actors.Agent, Reason = "   " }), typeof(ComplaintValidationException), "Reason: must contain text"),
        new("unknown custom step", c => Run(c, new CompleteStep { CaseId = c.Id, Actor = Actors.Agent, StepId = "triage", Input = new object() }), typeof(ComplaintValidationException), "'triage' is not a custom step"),
        new("open with an empty customer", c => Open(c, new OpenComplaint { CustomerRef = "", Summary = "x", Channel = Channel.Web, Actor = Actors.Agent }), typeof(ComplaintValidationException), "CustomerRef: must contain text"),
        new("open with an oversized summary", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = new string('s', 501), Channel = Channel.Web, Actor = Actors.Agent }), typeof(ComplaintValidationException), "Summary: is 501 characters long; the limit is 500"),
        new("open received in the future", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Actors.Agent, ReceivedAt = TestDesk.Start.AddMinutes(1) }), typeof(ComplaintValidationException), "ReceivedAt: is 2026-03-02T09:01:00"),
        new("open reusing a key for a different complaint", c => Open(c, new OpenComplaint { CustomerRef = "other", Summary = "x", Channel = Channel.Web, Actor = Actors.Agent, IdempotencyKey = UsedKey }), typeof(IdempotencyKeyReusedException), "already used for a different command"),
        new("a thousandth of a yen", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(0.001m, "JPY"))), typeof(ComplaintValidationException), "JPY has 0 decimal places"),
        new("half a yen", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(100.5m, "JPY"))), typeof(ComplaintValidationException), "JPY has 0 decimal places"),
        new("a tenth of a penny", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(4.999m, "GBP"))), typeof(ComplaintValidationException), "GBP has 2 decimal places"),
        new("four decimals of a dinar", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(1.0001m, "KWD"))), typeof(ComplaintValidationException), "KWD has 3 decimal places"),
        new("note of only zero-width spaces", c => Note(c, "\u200B\u200B\u200B"), typeof(ComplaintValidationException), "Text: must contain text"),
        new("note of only byte-order marks and joiners", c => Note(c, "\uFEFF\u2060\u200D"), typeof(ComplaintValidationException), "Text: must contain text"),
        new("note with a NUL character", c => Note(c, "abc\u0000def"), typeof(ComplaintValidationException), "Text: contains the control character U+0000 at position 3"),
        new("note with a C1 control character", c => Note(c, "ab\u0085"), typeof(ComplaintValidationException), "Text: contains the control character U+0085 at position 2"),
        new("note with a lone high surrogate", c => Note(c, "ok \uD83D then"), typeof(ComplaintValidationException), "Text: contains a lone surrogate U+D83D at position 3"),
        new("note with a lone low surrogate", c => Note(c, "\uDE00"), typeof(ComplaintValidationException), "Text: contains a lone surrogate U+DE00 at position 0"),
        new("open received in year one", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Actors.Agent, ReceivedAt = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero) }), typeof(ComplaintValidationException), "ReceivedAt: is 0001-01-01"),
        new("open with a summary of only invisible characters", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "\u200B\uFEFF", Channel = Channel.Web, Actor = Actors.Agent }), typeof(ComplaintValidationException), "Summary: must contain text"),
        new("query limit zero", c => c.Desk.QueryAsync(new ComplaintQuery { Limit = 0 }).AsTask(), typeof(ComplaintValidationException), "Limit: must be from 1 to 1000"),
    }.ToDictionary(r => r.Name);

    public static TheoryData<string> Names => [.. Rows.Keys];

    [Fact]
    public void Rows_AreAtLeastThirty() => Rows.Should().HaveCountGreaterThanOrEqualTo(30);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Execute_BadInput_ThrowsTypedErrorNamingTheProblem_AndLeavesStoreUnchanged(string name)
    {
        var row = Rows[name];
        using var t = new TestDesk();
        var c = await t.Desk.DriveToAsync(await t.OpenAsync(), StepIds.SeekResolution);
        c = await t.Desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = Actors.Agent, Kind = RemedyKind.Credit, Details = "Some credit" });
        c = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = "first note", IdempotencyKey = UsedKey });
        var before = await t.StoredStateAsync(c.Id);
        var casesBefore = (await t.Store.QueryAsync(new ComplaintQuery { OpenOnly = false })).Cases.Count;
        var handledBefore = t.Handled.Events.Count;

        var act = () => row.Act(new BadInputContext(t.Desk, c.Id, c.Version));

        var error = (await act.Should().ThrowAsync<ComplaintFlowException>()).Which;
        error.Should().BeOfType(row.Expected);
        error.Message.Should().Contain(row.Fragment);
        (await t.StoredStateAsync(c.Id)).Should().Be(before);
        (await t.Store.QueryAsync(new ComplaintQuery { OpenOnly = false })).Cases.Should().HaveCount(casesBefore);
        t.Handled.Events.Should().HaveCount(handledBefore, "a refused command raises no events");
    }

    [Fact]
    public async Task Execute_NullCommand_IsAProgrammerError()
    {
        using var t = new TestDesk();
        var act = () => t.Desk.ExecuteAsync(null!).AsTask();
        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("command");
    }

    private static Task Note(BadInputContext c, string text) => Run(c, new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = text });

    private static Task Propose(BadInputContext c, params Remedy[] remedies) =>
        Run(c, new ProposeResolution { CaseId = c.Id, Actor = Actors.Agent, Remedies = [.. remedies], Explanation = "Because" });

    private static Task Run(BadInputContext c, ComplaintCommand command) => c.Desk.ExecuteAsync(command).AsTask();

    private static Task Open(BadInputContext c, OpenComplaint command) => c.Desk.OpenAsync(command).AsTask();

    private sealed record BadInput(string Name, Func<BadInputContext, Task> Act, Type Expected, string Fragment);

    private sealed record BadInputContext(IComplaintDesk Desk, ComplaintId Id, long Version);
}
