using ComplaintFlow.Process;
using Spectre.Console;

namespace ComplaintFlow.ConsoleDemo;

/// <summary>The questions the interactive demo asks to build each command it supports.</summary>
internal static class ActionPrompts
{
    private static readonly HashSet<string> Supported =
    [
        ComplaintActions.Acknowledge, ComplaintActions.RecordStatement, ComplaintActions.SubmitParaphrase, ComplaintActions.ConfirmParaphrase,
        ComplaintActions.CaptureDesiredOutcome, ComplaintActions.Propose, ComplaintActions.Accept, ComplaintActions.Reject,
        ComplaintActions.RecordFulfilment, ComplaintActions.RecordFollowUp, ComplaintActions.Withdraw, ComplaintActions.AddNote, ComplaintActions.Reopen,
        ComplaintActions.RecordOutcome, ComplaintActions.IssueFinalResponse, ComplaintActions.RecordCommunication,
    ];

    public static bool Supports(string action) => Supported.Contains(action);

    public static ComplaintCommand Ask(IAnsiConsole console, string action, ComplaintCase c, Actor actor) => action switch
    {
        ComplaintActions.Acknowledge => new AcknowledgeComplaint { CaseId = c.Id, Actor = actor, Owner = actor, Message = Text(console, "Message to the customer:") },
        ComplaintActions.RecordStatement => new RecordStatement { CaseId = c.Id, Actor = actor, Text = Text(console, "What did the customer say?") },
        ComplaintActions.SubmitParaphrase => new SubmitParaphrase { CaseId = c.Id, Actor = actor, Text = Text(console, "Your summary of the complaint, to read back:") },
        ComplaintActions.ConfirmParaphrase => new ConfirmParaphrase { CaseId = c.Id, Actor = actor },
        ComplaintActions.CaptureDesiredOutcome => new CaptureDesiredOutcome { CaseId = c.Id, Actor = actor, Kind = Kind(console), Details = Text(console, "What would put it right for them?") },
        ComplaintActions.Propose => new ProposeResolution
        {
            CaseId = c.Id,
            Actor = actor,
            Remedies = [new Remedy(Kind(console), Text(console, "Describe the remedy:"), Amount(console))],
            Explanation = Text(console, "Why this remedy?"),
        },
        ComplaintActions.Accept => new AcceptProposal { CaseId = c.Id, Actor = actor, ProposalNumber = c.Proposals.Length },
        ComplaintActions.Reject => new RejectProposal { CaseId = c.Id, Actor = actor, ProposalNumber = c.Proposals.Length, CounterSuggestion = Optional(console, "What does the customer suggest instead? (empty for nothing)") },
        ComplaintActions.RecordFulfilment => new RecordFulfilment { CaseId = c.Id, Actor = actor, Description = Text(console, "What was done?") },
        ComplaintActions.RecordFollowUp => new RecordFollowUp { CaseId = c.Id, Actor = actor, Satisfied = console.Confirm("Is the customer satisfied?") },
        ComplaintActions.Withdraw => new WithdrawComplaint { CaseId = c.Id, Actor = actor, Reason = Optional(console, "Why? (empty for no reason)") },
        ComplaintActions.Reopen => new ReopenComplaint { CaseId = c.Id, Actor = actor, Reason = Text(console, "Why reopen it?") },
        ComplaintActions.RecordOutcome => new RecordOutcome { CaseId = c.Id, Actor = actor, Decision = Decision(console), Reasons = Text(console, "The reasons, for the customer:") },
        ComplaintActions.IssueFinalResponse => new IssueFinalResponse { CaseId = c.Id, Actor = actor, Decision = Decision(console), Reasons = Text(console, "The reasons, for the customer:"), Channel = Channel.Email },
        ComplaintActions.RecordCommunication => new RecordCommunication
        {
            CaseId = c.Id,
            Actor = actor,
            Kind = console.Prompt(new SelectionPrompt<Outcomes.CommunicationKind>().Title("What was sent?").AddChoices(Outcomes.CommunicationKind.SummaryResolution, Outcomes.CommunicationKind.FinalResponse, Outcomes.CommunicationKind.DelayLetter)),
            Channel = Channel.Email,
        },
        _ => new AddNote { CaseId = c.Id, Actor = actor, Text = Text(console, "Note:") },
    };

    private static string Text(IAnsiConsole console, string question) =>
        console.Prompt(new TextPrompt<string>(question).Validate(s => !string.IsNullOrWhiteSpace(s), "Please write something."));

    private static string? Optional(IAnsiConsole console, string question)
    {
        var answer = console.Prompt(new TextPrompt<string>(question).AllowEmpty());
        return string.IsNullOrWhiteSpace(answer) ? null : answer;
    }

    private static Outcomes.ComplaintOutcome Decision(IAnsiConsole console) =>
        console.Prompt(new SelectionPrompt<Outcomes.ComplaintOutcome>().Title("The decision on the complaint?").AddChoices(Enum.GetValues<Outcomes.ComplaintOutcome>()));

    private static RemedyKind Kind(IAnsiConsole console) => console.Prompt(new SelectionPrompt<RemedyKind>().Title("Which kind of remedy?").AddChoices(Enum.GetValues<RemedyKind>()));

    private static Money? Amount(IAnsiConsole console)
    {
        var amount = console.Prompt(new TextPrompt<decimal>("Amount in GBP (0 for none):").ValidationErrorMessage("[red]Please type an amount such as 12.50.[/]").Validate(a => a >= 0, "The amount cannot be negative."));
        return amount == 0 ? null : new Money(amount, "GBP");
    }
}
