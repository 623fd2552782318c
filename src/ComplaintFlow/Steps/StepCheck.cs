namespace ComplaintFlow.Steps;

/// <summary>The answer of a custom step's check: pass, or the typed reason it refuses.</summary>
public sealed class StepCheck
{
    private StepCheck(StepCheckKind kind, string? field, string? reason)
    {
        Kind = kind;
        Field = field;
        Reason = reason;
    }

    /// <summary>The step may be completed.</summary>
    public static StepCheck Pass { get; } = new(StepCheckKind.Pass, null, null);

    /// <summary>The input is invalid; reported as a <see cref="ComplaintValidationException"/>.</summary>
    public static StepCheck Invalid(string field, string reason) => new(StepCheckKind.Invalid, field, reason);

    /// <summary>The actor lacks authority; reported as a <see cref="ComplaintAuthorizationException"/>.</summary>
    public static StepCheck Unauthorized(string missingAuthority) => new(StepCheckKind.Unauthorized, null, missingAuthority);

    /// <summary>The case does not meet the step's rule yet; reported as an <see cref="ActionNotPermittedException"/>.</summary>
    public static StepCheck NotYet(string requirement) => new(StepCheckKind.NotYet, null, requirement);

    /// <summary>What kind of answer this is.</summary>
    public StepCheckKind Kind { get; }

    /// <summary>The invalid field, for <see cref="StepCheckKind.Invalid"/>.</summary>
    public string? Field { get; }

    /// <summary>Why the check refused.</summary>
    public string? Reason { get; }
}
