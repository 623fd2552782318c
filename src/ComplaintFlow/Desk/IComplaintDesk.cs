using System.Globalization;
using ComplaintFlow.Events;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Storage;

namespace ComplaintFlow;

/// <summary>
/// The front door of ComplaintFlow: opens cases, executes commands on them and answers questions about them.
/// Every command loads the case, checks the process allows it and the actor may do it, applies it, records its events
/// and saves with the version it read, then returns the new snapshot. A refused command changes nothing.
/// </summary>
public interface IComplaintDesk
{
    /// <summary>The process definition this desk runs.</summary>
    ComplaintProcess Process { get; }

    /// <summary>Opens a new case in the process's first step (acknowledge).</summary>
    /// <exception cref="ComplaintValidationException">A field is invalid.</exception>
    /// <exception cref="ComplaintAuthorizationException">The actor's tier is not configured.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The idempotency key was used for a different command.</exception>
    ValueTask<ComplaintCase> OpenAsync(OpenComplaint command, CancellationToken cancellationToken = default);

    /// <summary>Executes a command on an existing case and returns the new snapshot.</summary>
    /// <exception cref="ComplaintValidationException">A field is invalid.</exception>
    /// <exception cref="ComplaintNotFoundException">The case does not exist.</exception>
    /// <exception cref="ActionNotPermittedException">The case's step does not allow the action, or a rule is not met yet.</exception>
    /// <exception cref="ComplaintAuthorizationException">The actor lacks the authority the action needs.</exception>
    /// <exception cref="RemedyNotFeasibleException">The app's feasibility check refused a proposal.</exception>
    /// <exception cref="ComplaintConcurrencyException">The case changed since it was read.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The idempotency key was used for a different command.</exception>
    /// <exception cref="ComplaintDataException">The stored case cannot be used with this process.</exception>
    ValueTask<ComplaintCase> ExecuteAsync(ComplaintCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records every clock warning and breach that is due on the case now, and lets the escalation policies react
    /// (PR-01, PR-13). Safe to call from several workers at once: each warning and breach is recorded once. The deadline
    /// worker calls this; apps that schedule their own jobs may too.
    /// </summary>
    /// <returns>The case, changed or not.</returns>
    ValueTask<ComplaintCase> RecordDueClocksAsync(ComplaintId caseId, CancellationToken cancellationToken = default);

    /// <summary>The case's clocks with the time left to each deadline, in business time where the clock counts it.</summary>
    ValueTask<IReadOnlyList<ClockReading>> GetClocksAsync(ComplaintId caseId, CancellationToken cancellationToken = default);

    /// <summary>Loads a case.</summary>
    /// <exception cref="ComplaintNotFoundException">The case does not exist.</exception>
    ValueTask<ComplaintCase> GetAsync(ComplaintId caseId, CancellationToken cancellationToken = default);

    /// <summary>Loads a case's full history, oldest event first.</summary>
    /// <exception cref="ComplaintNotFoundException">The case does not exist.</exception>
    ValueTask<IReadOnlyList<ComplaintEvent>> GetHistoryAsync(ComplaintId caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists cases by step, owner, customer or category, a page at a time. A case whose stored data cannot be read is
    /// reported on the page (<see cref="ComplaintPage.Unreadable"/>) instead of failing the listing.
    /// </summary>
    /// <exception cref="ComplaintValidationException">The query's limit is out of range.</exception>
    ValueTask<ComplaintPage> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The names of the actions the actor may take on the case now: exactly those <see cref="GetAvailableActionsAsync"/>
    /// reports as available.
    /// </summary>
    /// <exception cref="ComplaintNotFoundException">The case does not exist.</exception>
    /// <exception cref="ComplaintAuthorizationException">The actor's tier is not configured.</exception>
    ValueTask<IReadOnlyList<string>> GetPermittedActionsAsync(ComplaintId caseId, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every action of the process for the actor on the case: its name, command type and input schema, whether it
    /// would pass now (the process's rules, the actor's tier and roles, the step's performers, the escalation
    /// protection and the app's authorization policies, by the same code the command runs, changing nothing) and, if
    /// not, the message the command would be refused with. Checks that depend on the command's own values (amounts
    /// against money limits, a custom step's check of its input, feasibility) are made when the command runs.
    /// </summary>
    /// <exception cref="ComplaintNotFoundException">The case does not exist.</exception>
    /// <exception cref="ComplaintValidationException">The actor is malformed.</exception>
    /// <exception cref="ComplaintAuthorizationException">The actor's tier is not configured.</exception>
    ValueTask<IReadOnlyList<AvailableAction>> GetAvailableActionsAsync(ComplaintId caseId, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>The playbook guidance for the case's current step (PR-18).</summary>
    ValueTask<StepGuidance> GetGuidanceAsync(ComplaintId caseId, CultureInfo? culture = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The model of a letter of the given kind for the case, in the customer's language, carrying every element the
    /// preset requires (the outcome, the offer, the referral rights and their time limit, the deadlines...), for the
    /// app's own template; record the letter once sent with <see cref="RecordCommunication"/>.
    /// </summary>
    /// <exception cref="ComplaintNotFoundException">No case has the id.</exception>
    /// <exception cref="ComplaintValidationException">The letter would lack a required element, such as an outcome; the message names it.</exception>
    ValueTask<Outcomes.CustomerLetter> GetLetterAsync(ComplaintId caseId, Outcomes.CommunicationKind kind, CancellationToken cancellationToken = default);
}
