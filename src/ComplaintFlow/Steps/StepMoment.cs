namespace ComplaintFlow.Steps;

/// <summary>When a step's clock rule acts.</summary>
public enum StepMoment
{
    /// <summary>When a case arrives in the step (a step that is passed over is not entered).</summary>
    Entering,
    /// <summary>When a case leaves the step by one of the step's own actions: forward, or a send-back.</summary>
    Completing,
}
