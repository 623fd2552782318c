using System.Text.Json.Serialization;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// A request to change an existing case, executed by <see cref="IComplaintDesk.ExecuteAsync"/>. Every command names
/// the case and the actor, and may carry an idempotency key and the version it was decided on.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(AcknowledgeComplaint), "acknowledge")]
[JsonDerivedType(typeof(RecordStatement), "record-statement")]
[JsonDerivedType(typeof(RecordClarification), "record-clarification")]
[JsonDerivedType(typeof(SubmitParaphrase), "submit-paraphrase")]
[JsonDerivedType(typeof(ConfirmParaphrase), "confirm-paraphrase")]
[JsonDerivedType(typeof(CorrectParaphrase), "correct-paraphrase")]
[JsonDerivedType(typeof(CaptureDesiredOutcome), "capture-desired-outcome")]
[JsonDerivedType(typeof(ProposeResolution), "propose")]
[JsonDerivedType(typeof(AcceptProposal), "accept")]
[JsonDerivedType(typeof(RejectProposal), "reject")]
[JsonDerivedType(typeof(RecordFulfilment), "record-fulfilment")]
[JsonDerivedType(typeof(RecordFollowUp), "record-follow-up")]
[JsonDerivedType(typeof(WaiveFollowUp), "waive-follow-up")]
[JsonDerivedType(typeof(ReopenComplaint), "reopen")]
[JsonDerivedType(typeof(WithdrawComplaint), "withdraw")]
[JsonDerivedType(typeof(ReassignComplaint), "reassign")]
[JsonDerivedType(typeof(AddNote), "add-note")]
[JsonDerivedType(typeof(RecordCustomerUpdate), "record-customer-update")]
[JsonDerivedType(typeof(SetSeverity), "set-severity")]
[JsonDerivedType(typeof(SetFlags), "set-flags")]
[JsonDerivedType(typeof(SetCategories), "set-categories")]
[JsonDerivedType(typeof(CompleteStep), "complete-step")]
[JsonDerivedType(typeof(RecordManagerRequest), "record-manager-request")]
[JsonDerivedType(typeof(HandBack), "hand-back")]
[JsonDerivedType(typeof(RecordFollowUpAttempt), "record-follow-up-attempt")]
[JsonDerivedType(typeof(RecordOutcome), "record-outcome")]
[JsonDerivedType(typeof(IssueFinalResponse), "issue-final-response")]
[JsonDerivedType(typeof(RecordRedress), "record-redress")]
[JsonDerivedType(typeof(RecordCommunication), "record-communication")]
public abstract record ComplaintCommand
{
    private protected ComplaintCommand()
    {
    }

    /// <summary>The case to change.</summary>
    public required ComplaintId CaseId { get; init; }

    /// <summary>Who is acting.</summary>
    public required Actor Actor { get; init; }

    /// <summary>
    /// An optional key that makes the command safe to retry: a repeat with the same key returns the first result
    /// without applying twice; the same key with a different command is refused.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// The case version the command was decided on. When set and the case has moved on, the command is refused with
    /// <see cref="ComplaintConcurrencyException"/> instead of acting on a state the user never saw.
    /// </summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>The action's name, as used in errors and permitted-action lists (see <see cref="Process.ComplaintActions"/>).</summary>
    [JsonIgnore]
    public abstract string Action { get; }

    internal void Validate()
    {
        Require.CaseId(CaseId, nameof(CaseId));
        Require.Actor(Actor, nameof(Actor));
        Require.IdempotencyKey(IdempotencyKey);
        if (ExpectedVersion is < 1)
        {
            throw new ComplaintValidationException(nameof(ExpectedVersion), $"must be 1 or more (an existing case's version), but is {ExpectedVersion}.");
        }

        ValidateFields();
    }

    /// <summary>
    /// The state-machine trigger, or <see langword="null"/> for a change that does not move through the process (opening,
    /// recording due clocks); differs from <see cref="Action"/> only where one action has several outcomes.
    /// </summary>
    internal virtual string? TriggerFor(in TriggerContext context) => Action;

    /// <summary>
    /// True when <see cref="TriggerFor"/> reads only the case, never the command's own members: then the available
    /// actions ask a blank command which trigger the case would take, and explain a refusal by that trigger's route.
    /// </summary>
    internal virtual bool CaseChoosesTrigger => false;

    /// <summary>Checks the command's own fields; nothing about the case.</summary>
    private protected abstract void ValidateFields();

    /// <summary>
    /// Takes out of the command's input schema the values the desk refuses on every case under its rules, so the
    /// available actions (and a form built from them) offer none that is then refused; true when it changed anything.
    /// Called on a blank command: it reads only the rules, never the command's members.
    /// </summary>
    internal virtual bool NarrowInputSchema(System.Text.Json.Nodes.JsonObject schema, Outcomes.CaseEndRules ends) => false;

    /// <summary>A hash of everything the command says, for idempotency keys.</summary>
    internal virtual string Fingerprint(Process.ComplaintProcess process) => CommandFingerprint.Of(this);

    /// <summary>For a command that creates its case: the case before its first event (version 0). Others load theirs.</summary>
    internal virtual ComplaintCase? NewCase(Process.ComplaintProcess process, Policies.AuthorityRules authority, DateTimeOffset now) => null;

    /// <summary>What an app's authorization policy sees as the command.</summary>
    internal virtual object AuthorizationSubject => this;

    /// <summary>True for a change that, beaten to a case by another, should be decided again on the fresh case (it is idempotent).</summary>
    internal virtual bool RedecideOnConflict => false;

    /// <summary>True for a change whose events are the clocks' warnings and breaches now due, not a command's effect.</summary>
    internal virtual bool RecordsDueClocks => false;

    /// <summary>Checks the command against the loaded case, after the process and the actor's authority allowed it.</summary>
    internal virtual void CheckAgainst(in CommandContext context)
    {
    }

    /// <summary>
    /// The last checks before applying, which may need the app (a feasibility check) or stop the command in favour of an
    /// escalation: returns the authority shortfall when the command should escalate the case instead of applying
    /// (PR-07). The default has none.
    /// </summary>
    internal virtual ValueTask<Policies.AuthorityShortfall?> PrepareAsync(PreparationContext context, CancellationToken cancellationToken) => default;

    /// <summary>Computes the new snapshot and what happened. Pure: no I/O, no clock but <see cref="CommandContext.Now"/>.</summary>
    internal abstract Applied Apply(in CommandContext context);
}
