namespace ComplaintFlow;

/// <summary>
/// The action cannot be taken in the case's current step, or a rule of the process is not yet met.
/// The message names the step, the action, what is permitted now and which requirement failed.
/// </summary>
public sealed class ActionNotPermittedException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public ActionNotPermittedException(ComplaintId caseId, string step, string action, IReadOnlyList<string> permittedActions, IReadOnlyList<string> unmetRequirements)
        : base(BuildMessage(caseId, step, action, permittedActions, unmetRequirements))
    {
        CaseId = caseId;
        Step = step;
        Action = action;
        PermittedActions = permittedActions;
        UnmetRequirements = unmetRequirements;
    }

    /// <summary>The case.</summary>
    public ComplaintId CaseId { get; }

    /// <summary>The step the case is in.</summary>
    public string Step { get; }

    /// <summary>The action that was refused.</summary>
    public string Action { get; }

    /// <summary>The actions the case's step allows right now.</summary>
    public IReadOnlyList<string> PermittedActions { get; }

    /// <summary>The requirements of the action that the case does not meet yet (empty when the step simply does not offer the action).</summary>
    public IReadOnlyList<string> UnmetRequirements { get; }

    private static string BuildMessage(ComplaintId caseId, string step, string action, IReadOnlyList<string> permitted, IReadOnlyList<string> unmet)
    {
        var allowed = permitted.Count == 0 ? "none" : string.Join(", ", permitted);
        return unmet.Count == 0
            ? $"Case {caseId} is in step '{step}', where '{action}' is not possible. Permitted now: {allowed}."
            : $"Case {caseId} is in step '{step}', but '{action}' needs: {string.Join("; ", unmet)}. Permitted now: {allowed}.";
    }
}
