namespace ComplaintFlow.Process;

/// <summary>
/// Trigger names fed to the state machine. Most equal the public action name; the follow-up action fires one of two
/// triggers so the diagram shows both outcomes.
/// </summary>
internal static class Triggers
{
    public const string FollowUpSatisfied = "record-follow-up (satisfied)";
    public const string FollowUpUnsatisfied = "record-follow-up (not satisfied)";
    public const string FollowUpUnreachable = "record-follow-up-attempt (unreachable)";

    /// <summary>Maps a trigger back to the action an app calls.</summary>
    public static string ToAction(string trigger) => trigger switch
    {
        FollowUpSatisfied or FollowUpUnsatisfied => ComplaintActions.RecordFollowUp,
        FollowUpUnreachable => ComplaintActions.RecordFollowUpAttempt,
        _ => trigger,
    };
}
