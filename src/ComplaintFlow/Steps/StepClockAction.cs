namespace ComplaintFlow.Steps;

/// <summary>What a step's clock rule does to its clock.</summary>
public enum StepClockAction
{
    /// <summary>Starts the clock if it is not running.</summary>
    Start,
    /// <summary>Stops the clock if it is running or paused.</summary>
    Stop,
    /// <summary>Restarts a running or paused clock from now, with its full time.</summary>
    Reset,
}
