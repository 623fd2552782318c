using ComplaintFlow.Outbox;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Storage;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Stores.Tests.BadInput;

/// <summary>
/// Every kind of bad input the desk accepts from an app, one row each: every command, opening, every query and the
/// options. Each row runs against a case waiting in seek-resolution with the desired outcome captured and a keyed note.
/// </summary>
internal static class BadInputTable
{
    private static readonly Actor Agent = new("a-001", "Sam Agent", "agent");
    private static readonly Actor Supervisor = new("s-001", "Pat Supervisor", "supervisor");
    private static readonly Actor Lawyer = new("l-001", "Jo Counsel", null) { Roles = ["legal"] };

    private const string Invisible = "\u200B\uFEFF\u2060";
    private const string TooLong = "limit is 10000";
    private const string NotPermitted = "is not possible";

    public static IReadOnlyDictionary<string, BadInputRow> Rows { get; } = Build().ToDictionary(r => r.Name);

    private static IEnumerable<BadInputRow> Build()
    {
        // Text rules, on the note (PR-23: only clearly bad input is refused).
        yield return Row("null note text", c => Note(c, null!), "Text: is required");
        yield return Row("empty note text", c => Note(c, string.Empty), "Text: must contain text");
        yield return Row("whitespace note text", c => Note(c, " \t\n "), "Text: must contain text");
        yield return Row("oversized note text", c => Note(c, new string('x', 10_001)), "10001 characters long; the limit is 10000");
        yield return Row("note of only zero-width spaces", c => Note(c, "\u200B\u200B\u200B"), "Text: must contain text");
        yield return Row("note of only byte-order marks and joiners", c => Note(c, "\uFEFF\u2060\u200D"), "Text: must contain text");
        yield return Row("note of only combining marks", c => Note(c, "\u0301\u0308"), "Text: must contain text");
        yield return Row("note of only Hangul fillers", c => Note(c, "\u3164\u3164"), "Text: must contain text");
        yield return Row("note with a NUL character", c => Note(c, "abc\u0000def"), "Text: contains the control character U+0000 at position 3");
        yield return Row("note with an escape character", c => Note(c, "\u001B[31mred"), "Text: contains the control character U+001B at position 0");
        yield return Row("note with a C1 control character", c => Note(c, "ab\u0085"), "Text: contains the control character U+0085 at position 2");
        yield return Row("note with a delete character", c => Note(c, "a\u007Fb"), "Text: contains the control character U+007F at position 1");
        yield return Row("note with a lone high surrogate", c => Note(c, "ok \uD83D then"), "Text: contains a lone surrogate U+D83D at position 3");
        yield return Row("note with a lone low surrogate", c => Note(c, "\uDE00"), "Text: contains a lone surrogate U+DE00 at position 0");
        yield return Row("note ending in a high surrogate", c => Note(c, "end\uD83D"), "Text: contains a lone surrogate U+D83D at position 3");

        // The command envelope.
        yield return Row("unknown case", c => Run(c, new AddNote { CaseId = new ComplaintId(Guid.NewGuid()), Actor = Agent, Text = "hello" }), "No complaint case with id", typeof(ComplaintNotFoundException));
        yield return Row("empty case id", c => Run(c, new AddNote { CaseId = default, Actor = Agent, Text = "hello" }), "CaseId: is the empty id");
        yield return Row("stale version", c => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = "hello", ExpectedVersion = c.Version - 1 }), "not the expected", typeof(ComplaintConcurrencyException));
        yield return Row("future version", c => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = "hello", ExpectedVersion = c.Version + 1 }), "not the expected", typeof(ComplaintConcurrencyException));
        yield return Row("version zero", c => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = "hello", ExpectedVersion = 0 }), "ExpectedVersion: must be 1 or more");
        yield return Row("negative version", c => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = "hello", ExpectedVersion = -3 }), "ExpectedVersion: must be 1 or more (an existing case's version), but is -3");
        yield return Row("idempotency key reused with other data", c => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = "a different note", IdempotencyKey = c.UsedKey }), "was already used for a different command", typeof(IdempotencyKeyReusedException));
        yield return Row("idempotency key reused for another command type", c => Run(c, new SetSeverity { CaseId = c.Id, Actor = Agent, Severity = Severity.High, IdempotencyKey = c.UsedKey }), "was already used for a different command", typeof(IdempotencyKeyReusedException));
        yield return Row("oversized idempotency key", c => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = "x", IdempotencyKey = new string('k', 201) }), "IdempotencyKey: is 201 characters long");
        yield return Row("blank idempotency key", c => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = "x", IdempotencyKey = "  " }), "IdempotencyKey: must contain text");
        yield return Row("invisible idempotency key", c => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = "x", IdempotencyKey = Invisible }), "IdempotencyKey: must contain text");
        yield return Row("null actor", c => Run(c, new AddNote { CaseId = c.Id, Actor = null!, Text = "x" }), "Actor: is required");
        yield return Row("actor without id", c => Run(c, new AddNote { CaseId = c.Id, Actor = new Actor(" ", "Nobody", "agent"), Text = "x" }), "Actor.Id: must contain text");
        yield return Row("actor with an invisible name", c => Run(c, new AddNote { CaseId = c.Id, Actor = new Actor("a-9", Invisible, "agent"), Text = "x" }), "Actor.DisplayName: must contain text");
        yield return Row("actor with a control character in the id", c => Run(c, new AddNote { CaseId = c.Id, Actor = new Actor("a\u00079", "Bell", "agent"), Text = "x" }), "Actor.Id: contains the control character U+0007 at position 1");
        yield return Row("actor without a tier", c => Run(c, new AddNote { CaseId = c.Id, Actor = new Actor("a-9", "Nobody", ""), Text = "x" }), "Actor.Tier: must contain text");
        yield return Row("actor with an oversized id", c => Run(c, new AddNote { CaseId = c.Id, Actor = new Actor(new string('a', 201), "Long", "agent"), Text = "x" }), "Actor.Id: is 201 characters long");
        yield return Row("actor with an unknown tier", c => Run(c, new AddNote { CaseId = c.Id, Actor = new Actor("t-1", "Temp", "contractor"), Text = "x" }), "tier 'contractor' is not one of the configured tiers", typeof(ComplaintAuthorizationException));

        // Acknowledge.
        yield return Row("acknowledge in the wrong step", c => Run(c, new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent }), "'acknowledge' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("acknowledge without an owner", c => Run(c, new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = null! }), "Owner: is required");
        yield return Row("acknowledge with a blank message", c => Run(c, new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = Agent, Message = " " }), "Message: must contain text");
        yield return Row("acknowledge with an owner of an unknown tier", c => Run(c, new AcknowledgeComplaint { CaseId = c.Id, Actor = Agent, Owner = new Actor("o-1", "Owner", "intern") }), "'acknowledge' " + NotPermitted, typeof(ActionNotPermittedException));

        // Listen.
        yield return Row("statement in the wrong step", c => Run(c, new RecordStatement { CaseId = c.Id, Actor = Agent, Text = "more" }), "step 'seek-resolution', where 'record-statement' is not possible", typeof(ActionNotPermittedException));
        yield return Row("statement without text", c => Run(c, new RecordStatement { CaseId = c.Id, Actor = Agent, Text = null! }), "Text: is required");
        yield return Row("statement of only invisible characters", c => Run(c, new RecordStatement { CaseId = c.Id, Actor = Agent, Text = Invisible }), "Text: must contain text");
        yield return Row("statement on an undefined channel", c => Run(c, new RecordStatement { CaseId = c.Id, Actor = Agent, Text = "x", Channel = (Channel)99 }), "Channel: '99' is not a Channel");
        yield return Row("clarification in the wrong step", c => Run(c, new RecordClarification { CaseId = c.Id, Actor = Agent, Question = "Q?", Answer = "A." }), "'record-clarification' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("clarification without a question", c => Run(c, new RecordClarification { CaseId = c.Id, Actor = Agent, Question = "", Answer = "A." }), "Question: must contain text");
        yield return Row("clarification without an answer", c => Run(c, new RecordClarification { CaseId = c.Id, Actor = Agent, Question = "Q?", Answer = null! }), "Answer: is required");
        yield return Row("clarification with an oversized answer", c => Run(c, new RecordClarification { CaseId = c.Id, Actor = Agent, Question = "Q?", Answer = new string('a', 10_001) }), "Answer: is 10001 characters long");
        yield return Row("paraphrase in the wrong step", c => Run(c, new SubmitParaphrase { CaseId = c.Id, Actor = Agent, Text = "You mean..." }), "'submit-paraphrase' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("paraphrase without text", c => Run(c, new SubmitParaphrase { CaseId = c.Id, Actor = Agent, Text = " " }), "Text: must contain text");

        // Validate.
        yield return Row("confirmation in the wrong step", c => Run(c, new ConfirmParaphrase { CaseId = c.Id, Actor = Agent }), "'confirm-paraphrase' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("correction in the wrong step", c => Run(c, new CorrectParaphrase { CaseId = c.Id, Actor = Agent, Correction = "No, it was..." }), "'correct-paraphrase' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("correction without text", c => Run(c, new CorrectParaphrase { CaseId = c.Id, Actor = Agent, Correction = null! }), "Correction: is required");
        yield return Row("correction with a control character", c => Run(c, new CorrectParaphrase { CaseId = c.Id, Actor = Agent, Correction = "x\u0008y" }), "Correction: contains the control character U+0008 at position 1");

        // Seek resolution.
        yield return Row("desired outcome of an undefined kind", c => Run(c, new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = (RemedyKind)40, Details = "x" }), "Kind: '40' is not a RemedyKind");
        yield return Row("desired outcome without details", c => Run(c, new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Refund, Details = "" }), "Details: must contain text");
        yield return Row("desired outcome with oversized details", c => Run(c, new CaptureDesiredOutcome { CaseId = c.Id, Actor = Agent, Kind = RemedyKind.Refund, Details = new string('d', 10_001) }), TooLong);
        yield return Row("zero amount", c => Propose(c, new Remedy(RemedyKind.Credit, "credit", new Money(0m, "GBP"))), "Remedies[0].Amount.Amount: must be more than zero");
        yield return Row("negative amount", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(-5m, "GBP"))), "must be more than zero, but is -5");
        yield return Row("amount over the largest accepted", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(1_000_000_001m, "GBP"))), "the largest amount accepted is 1000000000");
        yield return Row("unknown currency", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(5m, "XYZ"))), "'XYZ' is not an ISO 4217 currency code");
        yield return Row("withdrawn currency", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(5m, "ANG"))), "'ANG' is not an ISO 4217 currency code");
        yield return Row("lower-case currency", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(5m, "gbp"))), "Remedies[0].Amount.Currency");
        yield return Row("null currency", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(5m, null!))), "Remedies[0].Amount.Currency");
        yield return Row("gold as a currency", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(1m, "XAU"))), "'XAU' has no minor unit in ISO 4217");
        yield return Row("amount with five decimals", c => Propose(c, new Remedy(RemedyKind.Credit, "credit", new Money(1.23456m, "GBP"))), "is 1.23456, but GBP has 2 decimal places");
        yield return Row("a thousandth of a yen", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(0.001m, "JPY"))), "JPY has 0 decimal places");
        yield return Row("half a yen", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(100.5m, "JPY"))), "JPY has 0 decimal places");
        yield return Row("a tenth of a penny", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(4.999m, "GBP"))), "GBP has 2 decimal places");
        yield return Row("four decimals of a dinar", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(1.0001m, "KWD"))), "KWD has 3 decimal places");
        yield return Row("a fraction of a Chilean peso", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(10.5m, "CLP"))), "CLP has 0 decimal places");
        yield return Row("five decimals of a Unidad de Fomento", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(1.00001m, "CLF"))), "CLF has 4 decimal places");
        yield return Row("no remedies", c => Propose(c), "Remedies: needs at least one remedy");
        yield return Row("default remedies", c => Run(c, new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = default, Explanation = "x" }), "Remedies: needs at least one remedy");
        yield return Row("null remedy", c => Propose(c, [null!]), "Remedies[0]: is null");
        yield return Row("refund without amount", c => Propose(c, new Remedy(RemedyKind.Refund, "refund")), "Remedies[0].Amount: is required for a refund");
        yield return Row("credit without amount", c => Propose(c, new Remedy(RemedyKind.Credit, "credit")), "Remedies[0].Amount: is required for a credit");
        yield return Row("remedy without description", c => Propose(c, new Remedy(RemedyKind.Apology, " ")), "Remedies[0].Description: must contain text");
        yield return Row("remedy with an oversized description", c => Propose(c, new Remedy(RemedyKind.Apology, new string('s', 501))), "Remedies[0].Description: is 501 characters long; the limit is 500");
        yield return Row("amount no tier may approve", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(100_000m, "GBP"))), "beyond the 'agent' limit of GBP 100.00; no configured tier may commit that much", typeof(ComplaintAuthorizationException));
        yield return Row("amount in a currency no tier holds", c => Propose(c, new Remedy(RemedyKind.Refund, "refund", new Money(5m, "JPY"))), "nothing in JPY", typeof(ComplaintAuthorizationException));
        yield return Row("undefined remedy kind", c => Propose(c, new Remedy((RemedyKind)99, "mystery")), "Remedies[0].Kind: '99' is not a RemedyKind");
        yield return Row("too many remedies", c => Propose(c, [.. Enumerable.Repeat(new Remedy(RemedyKind.Apology, "sorry"), 11)]), "has 11 remedies; the limit is 10");
        yield return Row("bad alternative", c => Run(c, new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Apology, "sorry")], Alternatives = [new Remedy(RemedyKind.Refund, "refund")], Explanation = "x" }), "Alternatives[0].Amount: is required for a refund");
        yield return Row("proposal without explanation", c => Run(c, new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Apology, "sorry")], Explanation = Invisible }), "Explanation: must contain text");

        // Gain agreement.
        yield return Row("accept in the wrong step", c => Run(c, new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1 }), "Permitted now: capture-desired-outcome, propose, issue-final-response, withdraw", typeof(ActionNotPermittedException));
        yield return Row("accept proposal zero", c => Run(c, new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 0 }), "ProposalNumber: must be 1 or more");
        yield return Row("accept on an undefined channel", c => Run(c, new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1, Channel = (Channel)77 }), "Channel: '77' is not a Channel");
        yield return Row("reject in the wrong step", c => Run(c, new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1 }), "'reject' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("reject proposal zero", c => Run(c, new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 0 }), "ProposalNumber: must be 1 or more");
        yield return Row("reject with a blank counter-suggestion", c => Run(c, new RejectProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1, CounterSuggestion = " " }), "CounterSuggestion: must contain text");

        // Fulfil.
        yield return Row("fulfilment in the wrong step", c => Run(c, new RecordFulfilment { CaseId = c.Id, Actor = Agent, Description = "Sent" }), "'record-fulfilment' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("fulfilment without description", c => Run(c, new RecordFulfilment { CaseId = c.Id, Actor = Agent, Description = null! }), "Description: is required");
        yield return Row("fulfilment with an oversized reference", c => Run(c, new RecordFulfilment { CaseId = c.Id, Actor = Agent, Description = "Sent", Reference = new string('r', 201) }), "Reference: is 201 characters long");
        yield return Row("fulfilment with a blank reference", c => Run(c, new RecordFulfilment { CaseId = c.Id, Actor = Agent, Description = "Sent", Reference = "\u200B" }), "Reference: must contain text");

        // Follow up.
        yield return Row("follow-up in the wrong step", c => Run(c, new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true }), "'record-follow-up' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("CSAT zero", c => Run(c, new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 0 }), "Csat: must be from 1 to 5, but is 0");
        yield return Row("CSAT six", c => Run(c, new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 6 }), "Csat: must be from 1 to 5, but is 6");
        yield return Row("follow-up with a blank comment", c => Run(c, new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Comment = "" }), "Comment: must contain text");
        yield return Row("follow-up attempt in the wrong step", c => Run(c, new RecordFollowUpAttempt { CaseId = c.Id, Actor = Agent }), "'record-follow-up-attempt' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("follow-up attempt with an oversized note", c => Run(c, new RecordFollowUpAttempt { CaseId = c.Id, Actor = Agent, Note = new string('n', 10_001) }), TooLong);
        yield return Row("waiver in the wrong step", c => Run(c, new WaiveFollowUp { CaseId = c.Id, Actor = new Actor("s-001", "Pat", "supervisor"), Reason = "asked not to be called" }), "'waive-follow-up' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("waiver without a reason", c => Run(c, new WaiveFollowUp { CaseId = c.Id, Actor = Agent, Reason = null! }), "Reason: is required");

        // Reopen and withdraw.
        yield return Row("reopen an open case", c => Run(c, new ReopenComplaint { CaseId = c.Id, Actor = Agent, Reason = "again" }), "'reopen' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("reopen without a reason", c => Run(c, new ReopenComplaint { CaseId = c.Id, Actor = Agent, Reason = "" }), "Reason: must contain text");
        yield return Row("withdrawal reason of only spaces", c => Run(c, new WithdrawComplaint { CaseId = c.Id, Actor = Agent, Reason = "   " }), "Reason: must contain text");
        yield return Row("withdrawal with an oversized reason", c => Run(c, new WithdrawComplaint { CaseId = c.Id, Actor = Agent, Reason = new string('w', 10_001) }), TooLong);

        // Ownership, notes, updates, severity, flags, categories.
        yield return Row("reassign to the current owner", c => Run(c, new ReassignComplaint { CaseId = c.Id, Actor = Agent, NewOwner = Agent }), "already owns case");
        yield return Row("reassign to nobody", c => Run(c, new ReassignComplaint { CaseId = c.Id, Actor = Agent, NewOwner = null! }), "NewOwner: is required");
        yield return Row("reassign to an owner of an unknown tier", c => Run(c, new ReassignComplaint { CaseId = c.Id, Actor = Agent, NewOwner = new Actor("o-1", "Owner", "intern") }), "NewOwner.Tier: tier 'intern' is not one of the configured tiers");
        yield return Row("reassign to an owner with roles but no tier", c => Run(c, new ReassignComplaint { CaseId = c.Id, Actor = Agent, NewOwner = new Actor("l-1", "Jo", null) { Roles = ["legal"] } }), "NewOwner.Tier: is empty; an owner must be at one of the configured tiers");
        yield return Row("reassign to an owner without a name", c => Run(c, new ReassignComplaint { CaseId = c.Id, Actor = Agent, NewOwner = new Actor("a-5", " ", "agent") }), "NewOwner.DisplayName: must contain text");
        yield return Row("reassign with a blank reason", c => Run(c, new ReassignComplaint { CaseId = c.Id, Actor = Agent, NewOwner = new Actor("a-002", "Kim", "agent"), Reason = "\t" }), "Reason: must contain text");
        yield return Row("update without a message", c => Run(c, new RecordCustomerUpdate { CaseId = c.Id, Actor = Agent, Message = "" }), "Message: must contain text");
        yield return Row("undefined channel", c => Run(c, new RecordCustomerUpdate { CaseId = c.Id, Actor = Agent, Message = "x", Channel = (Channel)42 }), "Channel: '42' is not a Channel");
        yield return Row("next update promised in the past", c => Run(c, new RecordCustomerUpdate { CaseId = c.Id, Actor = Agent, Message = "x", NextUpdateBy = c.Now.AddDays(-1) }), "NextUpdateBy: is ");
        yield return Row("next update promised for now", c => Run(c, new RecordCustomerUpdate { CaseId = c.Id, Actor = Agent, Message = "x", NextUpdateBy = c.Now }), "which is not in the future");
        yield return Row("undefined severity", c => Run(c, new SetSeverity { CaseId = c.Id, Actor = Agent, Severity = (Severity)7 }), "Severity: '7' is not a Severity");
        yield return Row("severity unchanged", c => Run(c, new SetSeverity { CaseId = c.Id, Actor = Agent, Severity = Severity.Medium }), "is already Medium");
        yield return Row("unknown flag bits", c => Run(c, new SetFlags { CaseId = c.Id, Actor = Agent, Flags = (ComplaintFlags)64 }), "Flags: contains unknown flag bits (64)");
        yield return Row("flags unchanged", c => Run(c, new SetFlags { CaseId = c.Id, Actor = Agent, Flags = ComplaintFlags.None }), "already has flags None");
        yield return Row("too many categories", c => Run(c, new SetCategories { CaseId = c.Id, Actor = Agent, Categories = [.. Enumerable.Range(0, 21).Select(i => $"c{i}")] }), "has 21 categories; the limit is 20");
        yield return Row("oversized category", c => Run(c, new SetCategories { CaseId = c.Id, Actor = Agent, Categories = [new string('c', 65)] }), "Categories[0]: is 65 characters long");
        yield return Row("blank category", c => Run(c, new SetCategories { CaseId = c.Id, Actor = Agent, Categories = ["delivery", " "] }), "Categories[1]: must contain text");
        yield return Row("invisible category", c => Run(c, new SetCategories { CaseId = c.Id, Actor = Agent, Categories = [Invisible] }), "Categories[0]: must contain text");
        yield return Row("category with a control character", c => Run(c, new SetCategories { CaseId = c.Id, Actor = Agent, Categories = ["line\u000Bfeed"] }), "Categories[0]: contains the control character U+000B at position 4");
        yield return Row("manager request without the customer's words", c => Run(c, new RecordManagerRequest { CaseId = c.Id, Actor = Agent, CustomerWords = " " }), "CustomerWords: must contain text");
        yield return Row("hand back without a tier", c => Run(c, new HandBack { CaseId = c.Id, Actor = new Actor("s-001", "Pat", "supervisor"), ToTier = "", Reason = "x" }), "ToTier: must contain text");
        yield return Row("hand back without a reason", c => Run(c, new HandBack { CaseId = c.Id, Actor = new Actor("s-001", "Pat", "supervisor"), ToTier = "agent", Reason = null! }), "Reason: is required");
        yield return Row("hand back a case never escalated", c => Run(c, new HandBack { CaseId = c.Id, Actor = new Actor("s-001", "Pat", "supervisor"), ToTier = "agent", Reason = "x" }), "'hand-back' needs: a case escalated above the junior tier", typeof(ActionNotPermittedException));

        // Custom steps.
        yield return Row("unknown custom step", c => Run(c, new CompleteStep { CaseId = c.Id, Actor = Agent, StepId = "triage", Input = new object() }), "'triage' is not a custom step");
        yield return Row("custom step without an id", c => Run(c, new CompleteStep { CaseId = c.Id, Actor = Agent, StepId = " ", Input = new object() }), "StepId: must contain text");
        yield return Row("custom step without input", c => Run(c, new CompleteStep { CaseId = c.Id, Actor = Agent, StepId = "triage", Input = null! }), "Input: is required but was null");

        // Opening.
        yield return Row("open with an empty customer", c => Open(c, new OpenComplaint { CustomerRef = "", Summary = "x", Channel = Channel.Web, Actor = Agent }), "CustomerRef: must contain text");
        yield return Row("open with an invisible customer", c => Open(c, new OpenComplaint { CustomerRef = Invisible, Summary = "x", Channel = Channel.Web, Actor = Agent }), "CustomerRef: must contain text");
        yield return Row("open with an oversized customer", c => Open(c, new OpenComplaint { CustomerRef = new string('c', 201), Summary = "x", Channel = Channel.Web, Actor = Agent }), "CustomerRef: is 201 characters long");
        yield return Row("open without a summary", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = null!, Channel = Channel.Web, Actor = Agent }), "Summary: is required");
        yield return Row("open with an oversized summary", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = new string('s', 501), Channel = Channel.Web, Actor = Agent }), "Summary: is 501 characters long; the limit is 500");
        yield return Row("open with a summary of only invisible characters", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "\u200B\uFEFF", Channel = Channel.Web, Actor = Agent }), "Summary: must contain text");
        yield return Row("open with a summary holding a lone surrogate", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "Broken \uDC00", Channel = Channel.Web, Actor = Agent }), "Summary: contains a lone surrogate U+DC00 at position 7");
        yield return Row("open on an undefined channel", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = (Channel)12, Actor = Agent }), "Channel: '12' is not a Channel");
        yield return Row("open without an actor", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = null! }), "Actor: is required");
        yield return Row("open by an actor of an unknown tier", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = new Actor("b-1", "Bot", "robot") }), "tier 'robot' is not one of the configured tiers", typeof(ComplaintAuthorizationException));
        yield return Row("open with an undefined severity", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Agent, Severity = (Severity)9 }), "Severity: '9' is not a Severity");
        yield return Row("open with unknown flag bits", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Agent, Flags = (ComplaintFlags)128 }), "Flags: contains unknown flag bits (128)");
        yield return Row("open with too many categories", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Agent, Categories = [.. Enumerable.Range(0, 21).Select(i => $"c{i}")] }), "Categories: has 21 categories");
        yield return Row("open with a blank category", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Agent, Categories = [""] }), "Categories[0]: must contain text");
        yield return Row("open received in the future", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Agent, ReceivedAt = c.Now.AddMinutes(1) }), "ReceivedAt: is ");
        yield return Row("open received in year one", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Agent, ReceivedAt = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero) }), "ReceivedAt: is 0001-01-01");
        yield return Row("open received before 1900", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Agent, ReceivedAt = new DateTimeOffset(1899, 12, 31, 23, 0, 0, TimeSpan.Zero) }), "before 1900-01-02 UTC");
        yield return Row("open with an oversized key", c => Open(c, new OpenComplaint { CustomerRef = "c", Summary = "x", Channel = Channel.Web, Actor = Agent, IdempotencyKey = new string('k', 201) }), "IdempotencyKey: is 201 characters long");
        yield return Row("open reusing a key for a different complaint", c => Open(c, new OpenComplaint { CustomerRef = "other", Summary = "x", Channel = Channel.Web, Actor = Agent, IdempotencyKey = c.UsedKey }), "already used for a different command", typeof(IdempotencyKeyReusedException));
        yield return Row("open with a null command", c => c.Desk.OpenAsync(null!).AsTask(), "command", typeof(ArgumentNullException));
        yield return Row("execute a null command", c => c.Desk.ExecuteAsync(null!).AsTask(), "command", typeof(ArgumentNullException));

        // The end of a complaint: outcome, final response, redress and communications (PR-09, PR-17).
        yield return Row("outcome without a decision", c => Run(c, new RecordOutcome { CaseId = c.Id, Actor = Agent, Decision = null, Reasons = "Because" }), "Decision: is required");
        yield return Row("outcome without reasons", c => Run(c, new RecordOutcome { CaseId = c.Id, Actor = Agent, Decision = ComplaintOutcome.Upheld, Reasons = " " }), "Reasons: must contain text");
        yield return Row("outcome with an undefined decision", c => Run(c, new RecordOutcome { CaseId = c.Id, Actor = Agent, Decision = (ComplaintOutcome)7, Reasons = "Because" }), "Decision: '7' is not a ComplaintOutcome");
        yield return Row("outcome upheld yet redress without acceptance", c => Run(c, new RecordOutcome { CaseId = c.Id, Actor = Agent, Decision = ComplaintOutcome.Upheld, RedressWithoutAcceptance = true, Reasons = "Because" }), "RedressWithoutAcceptance: offers redress without accepting the complaint, so the decision is NotUpheld");
        yield return Row("outcome by an actor without authority", c => Run(c, new RecordOutcome { CaseId = c.Id, Actor = Lawyer, Decision = ComplaintOutcome.Upheld, Reasons = "Because" }), "no configured role grants 'record-outcome'", typeof(ComplaintAuthorizationException));
        yield return Row("outcome with a product not configured", c => c.DeskWithOptions(o => o.Outcomes.Products.Add(new OutcomeCode("current-account", "Current account", "Banking and credit cards"))).ExecuteAsync(new RecordOutcome { CaseId = c.Id, Actor = Agent, Decision = ComplaintOutcome.Upheld, Reasons = "Because", Product = "mortgage" }).AsTask(), "Product: 'mortgage' is not one of the configured products (current-account)");
        yield return Row("final response without an outcome", c => Run(c, new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = null, Reasons = "Because", Channel = Channel.Letter }), "Decision: is required");
        yield return Row("final response by an agent", c => Run(c, new IssueFinalResponse { CaseId = c.Id, Actor = Agent, Decision = ComplaintOutcome.NotUpheld, Reasons = "Delivered on time", Channel = Channel.Letter }), "needs tier 'supervisor' or above", typeof(ComplaintAuthorizationException));
        yield return Row("final response offering redress without acceptance but offering nothing", c => Run(c, new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, RedressWithoutAcceptance = true, Reasons = "Goodwill only", Channel = Channel.Letter }), "Offer: is empty, but the response offers redress without accepting");
        yield return Row("final response on an undefined channel", c => Run(c, new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "Delivered on time", Channel = (Channel)40 }), "Channel: '40' is not a Channel");
        yield return Row("second final response", c => Run(c, new RecordCommunication { CaseId = c.Id, Actor = Supervisor, Kind = CommunicationKind.FinalResponse, Channel = Channel.Letter }), "a final response was already sent in this round") with
        {
            Arrange = async c => (c.Desk, (await c.Desk.ExecuteAsync(new IssueFinalResponse { CaseId = c.Id, Actor = Supervisor, Decision = ComplaintOutcome.NotUpheld, Reasons = "Delivered on time", Channel = Channel.Letter })).Id),
        };
        yield return Row("final response recorded before any outcome", c => Run(c, new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.FinalResponse, Channel = Channel.Letter }), "states the outcome, and case");
        yield return Row("redress before anything is agreed", c => Run(c, new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(5m, "GBP"), Description = "Refund" }), "'record-redress' " + NotPermitted, typeof(ActionNotPermittedException));
        yield return Row("redress in a currency the proposal did not use", c => Run(c, new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(5m, "EUR"), Description = "Refund" }), "Amount.Currency: is EUR, but the agreed remedy (proposal 1) is in GBP") with { Arrange = AgreedAsync };
        yield return Row("redress beyond the agreed amount without the authority", c => Run(c, new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RefundOfLoss, Amount = new Money(500m, "GBP"), Description = "Refund" }), "this brings what is paid to GBP 480.00 beyond the agreed GBP 20.00", typeof(ComplaintAuthorizationException)) with { Arrange = AgreedAsync };
        yield return Row("remedial action with an amount", c => Run(c, new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.RemedialAction, Amount = new Money(5m, "GBP"), Description = "Fixed" }), "Amount: must be empty for remedial action") with { Arrange = AgreedAsync };
        yield return Row("redress without an amount", c => Run(c, new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = RedressKind.Interest, Description = "Interest" }), "Amount: is required for Interest") with { Arrange = AgreedAsync };
        yield return Row("redress without a kind", c => Run(c, new RecordRedress { CaseId = c.Id, Actor = Agent, Kind = null, Amount = new Money(5m, "GBP"), Description = "Refund" }), "Kind: is required") with { Arrange = AgreedAsync };
        yield return Row("communication without a kind", c => Run(c, new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = null, Channel = Channel.Letter }), "Kind: is required");
        yield return Row("acknowledgement recorded as a communication", c => Run(c, new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.Acknowledgement, Channel = Channel.Letter }), "Kind: Acknowledgement is recorded by acknowledge");
        yield return Row("communication sent in the future", c => Run(c, new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.DelayLetter, Channel = Channel.Letter, SentAt = c.Now.AddHours(1) }), "SentAt: is ");
        yield return Row("closing an FCA case without its final response", c => c.Desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = Agent, Satisfied = true, Csat = 5 }).AsTask(), "a final response with the outcome, its reasons and the Financial Ombudsman Service's details", typeof(ActionNotPermittedException)) with
        {
            Arrange = async c =>
            {
                var fca = FcaDesk(c);
                var id = (await fca.OpenAsync(new OpenComplaint { CustomerRef = "fca-close", Summary = "Charged twice", Channel = Channel.Phone, Actor = Agent })).Id;
                foreach (var command in Happy(id))
                {
                    await fca.ExecuteAsync(command);
                }

                return (fca, id);
            },
        };
        yield return Row("summary resolution after the third business day", c => c.Desk.ExecuteAsync(new RecordCommunication { CaseId = c.Id, Actor = Agent, Kind = CommunicationKind.SummaryResolution, Channel = Channel.Letter }).AsTask(), "a summary resolution communication (FCA DISP 1.5) is allowed only until 2026-03-05 17:00 UTC") with
        {
            Arrange = async c =>
            {
                var fca = FcaDesk(c);
                var id = (await fca.OpenAsync(new OpenComplaint { CustomerRef = "fca-late", Summary = "Charged twice", Channel = Channel.Phone, Actor = Agent, ReceivedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) })).Id;
                c.Time.Advance(TimeSpan.FromDays(4));
                return (fca, id);
            },
        };

        // Queries.
        yield return Row("query limit zero", c => c.Desk.QueryAsync(new ComplaintQuery { Limit = 0 }).AsTask(), "Limit: must be from 1 to 1000");
        yield return Row("query limit over a thousand", c => c.Desk.QueryAsync(new ComplaintQuery { Limit = 1001 }).AsTask(), "Limit: must be from 1 to 1000, but is 1001");
        yield return Row("query limit negative", c => c.Desk.QueryAsync(new ComplaintQuery { Limit = -1 }).AsTask(), "Limit: must be from 1 to 1000, but is -1");
        yield return Row("null query", c => c.Desk.QueryAsync(null!).AsTask(), "query", typeof(ArgumentNullException));
        // Such filters match no case; PostgreSQL refused the NUL itself, and that read as the store failing.
        yield return Row("query customer filter with a NUL", c => c.Desk.QueryAsync(new ComplaintQuery { CustomerRef = "cust\0" }).AsTask(), "CustomerRef: contains the control character U+0000 at position 4");
        yield return Row("query step filter with a control character", c => c.Desk.QueryAsync(new ComplaintQuery { Step = "listen\u001b" }).AsTask(), "Step: contains the control character U+001B at position 6");
        yield return Row("query owner filter with a lone surrogate", c => c.Desk.QueryAsync(new ComplaintQuery { OwnerId = "a-\ud800" }).AsTask(), "OwnerId: contains a lone surrogate U+D800 at position 2");
        yield return Row("query category filter of only spaces", c => c.Desk.QueryAsync(new ComplaintQuery { Category = "   " }).AsTask(), "Category: must contain text");
        yield return Row("get an unknown case", c => c.Desk.GetAsync(new ComplaintId(Guid.NewGuid())).AsTask(), "No complaint case with id", typeof(ComplaintNotFoundException));
        yield return Row("history of an unknown case", c => c.Desk.GetHistoryAsync(new ComplaintId(Guid.NewGuid())).AsTask(), "No complaint case with id", typeof(ComplaintNotFoundException));
        yield return Row("clocks of an unknown case", c => c.Desk.GetClocksAsync(new ComplaintId(Guid.NewGuid())).AsTask(), "No complaint case with id", typeof(ComplaintNotFoundException));
        yield return Row("guidance of an unknown case", c => c.Desk.GetGuidanceAsync(new ComplaintId(Guid.NewGuid())).AsTask(), "No complaint case with id", typeof(ComplaintNotFoundException));
        yield return Row("permitted actions of an unknown case", c => c.Desk.GetPermittedActionsAsync(new ComplaintId(Guid.NewGuid()), Agent).AsTask(), "No complaint case with id", typeof(ComplaintNotFoundException));
        yield return Row("permitted actions for no actor", c => c.Desk.GetPermittedActionsAsync(c.Id, null!).AsTask(), "actor", typeof(ArgumentNullException));
        yield return Row("permitted actions for an unknown tier", c => c.Desk.GetPermittedActionsAsync(c.Id, new Actor("x", "X", "ghost")).AsTask(), "tier 'ghost' is not one of the configured tiers", typeof(ComplaintAuthorizationException));
        yield return Row("due clocks of an unknown case", c => c.Desk.RecordDueClocksAsync(new ComplaintId(Guid.NewGuid())).AsTask(), "No complaint case with id", typeof(ComplaintNotFoundException));
        yield return Row("outbox listing limit zero", c => c.Outbox.ListAsync(new OutboxQuery { Limit = 0 }), "Limit: must be from 1 to 1000");
        yield return Row("outbox listing limit over a thousand", c => c.Outbox.ListAsync(new OutboxQuery { Limit = 5000 }), "Limit: must be from 1 to 1000, but is 5000");

        // Options: refused when the desk is first resolved, each with a message that names the setting.
        yield return Options("no tiers", o => o.Tiers.Clear(), "Tiers is empty");
        yield return Options("nameless tier", o => o.Tiers.Add(new AuthorityTier()), "Tiers[4] has no name");
        yield return Options("duplicate tier", o => o.Tiers.Add(AuthorityTier.WithLimitInMajorCurrencies("agent", 1)), "Tier 'agent' is configured more than once");
        yield return Options("limit in an unknown currency", o => o.Tiers[0].MoneyLimits["EURO"] = 5, "'EURO', which is not an ISO 4217 currency code");
        yield return Options("negative limit", o => o.Tiers[0].MoneyLimits["GBP"] = -1, "negative limit in GBP");
        yield return Options("minimum tier that is not configured", o => o.MinimumTierByAction["waive-follow-up"] = "boss", "MinimumTierByAction['waive-follow-up'] is 'boss'");
        yield return Options("escalation to an unknown tier", o => o.Escalation.RepeatedRejections.Tier = "boss", "Escalation.RepeatedRejections.Tier is 'boss'");
        yield return Options("rejection threshold zero", o => o.Escalation.RepeatedRejections.Threshold = 0, "Threshold is 0; it must be 1 or more");
        yield return Options("repeat threshold one", o => o.Escalation.RepeatComplainant.Threshold = 1, "it must be 2 or more");
        yield return Options("empty repeat window", o => o.Escalation.RepeatComplainant.Window = TimeSpan.Zero, "Window is 00:00:00; it must be positive");
        yield return Options("endless repeat window", o => o.Escalation.RepeatComplainant.Window = TimeSpan.MaxValue, "Window is 10675199.02:48:05.4775807; it must be positive and at most 36600.00:00:00");
        yield return Options("negative reopen window", o => o.ReopenWindow = TimeSpan.FromDays(-1), "ReopenWindow is -1.00:00:00");
        yield return Options("no follow-up attempts", o => o.MaxUnansweredFollowUps = 0, "MaxUnansweredFollowUps is 0");
        yield return Options("no clocks settings", o => o.Clocks = null!, "Clocks is null");
        yield return Options("duplicate clock", o => o.Clocks.Clocks.Add(o.Clocks.Clocks[0]), "'acknowledge' is configured more than once");
        yield return Options("clock warning at the deadline", o => o.Clocks.Clocks[0] = o.Clocks.Clocks[0] with { WarnAt = 1 }, "warns at 1; use a share between 0 and 1");
        yield return Options("outbox without attempts", o => o.Outbox.MaxAttempts = 0, "Outbox.MaxAttempts is 0");
        yield return Options("outbox retry delay shorter than the first", o => o.Outbox.MaxRetryDelay = TimeSpan.FromSeconds(1), "Outbox.MaxRetryDelay is 00:00:01; it must be at least FirstRetryDelay");
        // Waits past .NET's timer limit (about 49 days) killed the worker at its first idle wait, or in an outage.
        yield return Options("outbox poll interval of sixty days", o => o.Outbox.PollInterval = TimeSpan.FromDays(60), "Outbox.PollInterval is 60.00:00:00; it must be positive and at most 1.00:00:00");
        yield return Options("outbox back-off of a year", o => o.Outbox.FailureBackoff.MaxDelay = TimeSpan.FromDays(365), "Outbox.FailureBackoff.MaxDelay is 365.00:00:00; it must be at least FirstDelay (00:00:01) and at most 1.00:00:00");
        yield return Options("outbox lease of all time", o => o.Outbox.Lease = TimeSpan.MaxValue, "Outbox.Lease is 10675199.02:48:05.4775807; it must be positive and at most 1.00:00:00");
        yield return Options("outbox worker back-off of zero", o => o.Outbox.FailureBackoff.FirstDelay = TimeSpan.Zero, "Outbox.FailureBackoff.FirstDelay is 00:00:00; it must be positive and at most 1.00:00:00");
        yield return Options("outbox worker jitter above one", o => o.Outbox.FailureBackoff.Jitter = 1.5, "Outbox.FailureBackoff.Jitter is 1.5");
    }

    private static BadInputRow Row(string name, Func<BadInputContext, Task> act, string fragment, Type? expected = null) =>
        new(name, act, expected ?? typeof(ComplaintValidationException), fragment);

    private static BadInputRow Options(string name, Action<ComplaintFlowOptions> configure, string fragment) =>
        new($"options: {name}", c => Task.FromResult(c.DeskWithOptions(configure)), typeof(OptionsValidationException), fragment);

    private static Task Note(BadInputContext c, string text) => Run(c, new AddNote { CaseId = c.Id, Actor = Agent, Text = text });

    private static Task Propose(BadInputContext c, params Remedy[] remedies) =>
        Run(c, new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [.. remedies], Explanation = "Because" });

    private static Task Run(BadInputContext c, ComplaintCommand command) => c.Desk.ExecuteAsync(command).AsTask();

    private static Task Open(BadInputContext c, OpenComplaint command) => c.Desk.OpenAsync(command).AsTask();

    /// <summary>The row's case with a £20 credit proposed and accepted: in fulfil.</summary>
    private static async Task<(IComplaintDesk, ComplaintId)> AgreedAsync(BadInputContext c)
    {
        await c.Desk.ExecuteAsync(new ProposeResolution { CaseId = c.Id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Credit, "Credit", new Money(20m, "GBP"))], Explanation = "A credit for the delay" });
        await c.Desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = Agent, ProposalNumber = 1 });
        return (c.Desk, c.Id);
    }

    private static IComplaintDesk FcaDesk(BadInputContext c) =>
        c.DeskWithOptions(o => o.Clocks = Time.ClockPresets.UkFcaDisp(Time.BusinessCalendar.Create("Europe/London").OpenWeekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)).Build()));

    /// <summary>The commands that take a new case to follow-up, agreed and fulfilled.</summary>
    private static IEnumerable<ComplaintCommand> Happy(ComplaintId id) =>
    [
        new AcknowledgeComplaint { CaseId = id, Actor = Agent, Owner = Agent },
        new RecordStatement { CaseId = id, Actor = Agent, Text = "I was charged twice." },
        new SubmitParaphrase { CaseId = id, Actor = Agent, Text = "You were charged twice." },
        new ConfirmParaphrase { CaseId = id, Actor = Agent },
        new CaptureDesiredOutcome { CaseId = id, Actor = Agent, Kind = RemedyKind.Refund, Details = "The second charge back" },
        new ProposeResolution { CaseId = id, Actor = Agent, Remedies = [new Remedy(RemedyKind.Refund, "Refund", new Money(12m, "GBP"))], Explanation = "We refund the second charge" },
        new AcceptProposal { CaseId = id, Actor = Agent, ProposalNumber = 1 },
        new RecordFulfilment { CaseId = id, Actor = Agent, Description = "Refunded" },
    ];
}

/// <summary>One bad input: what to do, the error type expected, and a fragment its message must contain.</summary>
internal sealed record BadInputRow(string Name, Func<BadInputContext, Task> Act, Type Expected, string Fragment)
{
    /// <summary>Brings a case of its own to where the row acts (an agreed case, an FCA case in follow-up), on the desk it returns.</summary>
    public Func<BadInputContext, Task<(IComplaintDesk Desk, ComplaintId Id)>>? Arrange { get; init; }
}

/// <summary>What a row acts on.</summary>
internal sealed record BadInputContext(IComplaintDesk Desk, IComplaintOutbox Outbox, ComplaintId Id, long Version, string UsedKey, DateTimeOffset Now, Func<Action<ComplaintFlowOptions>, IComplaintDesk> DeskWithOptions, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time);
