namespace ComplaintFlow.Steps;

/// <summary>The kinds of answer a <see cref="StepCheck"/> gives.</summary>
public enum StepCheckKind
{
    /// <summary>The step may be completed.</summary>
    Pass,
    /// <summary>The input is invalid.</summary>
    Invalid,
    /// <summary>The actor lacks authority.</summary>
    Unauthorized,
    /// <summary>The case does not meet the step's rule yet.</summary>
    NotYet,
}
