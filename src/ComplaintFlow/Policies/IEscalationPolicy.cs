namespace ComplaintFlow.Policies;

/// <summary>
/// Decides whether what just happened to a case should send it to a more senior tier or a specialist team
/// (PR-10, PR-11, PR-19). Every registered policy runs after every command, before anything is saved; the most senior
/// target wins, and a cause escalates a case at most once. Register with
/// <c>AddComplaintFlow().AddEscalationPolicy&lt;T&gt;()</c>.
/// </summary>
public interface IEscalationPolicy
{
    /// <summary>A short name for errors, logs and the history, for example <c>vip-first-rejection</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The types of event data after which the policy is worth asking (for example <c>typeof(ProposalRejected)</c>), and
    /// <see cref="AuthorityShortfall"/> for a proposal stopped for lack of authority; <see langword="null"/>, the
    /// default, asks it after every change. The desk skips a policy when nothing in a change is of these types, so
    /// declaring them saves the evaluation on most changes.
    /// </summary>
    IReadOnlyCollection<Type>? ReactsTo => null;

    /// <summary>
    /// Looks at what happened and returns a request to escalate, or <see langword="null"/>. Must not change anything;
    /// a policy that throws fails the command, which then saves nothing.
    /// </summary>
    ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken);
}
