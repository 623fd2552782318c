namespace ComplaintFlow.Process;

/// <summary>
/// Trigger names fed to the state machine. Most equal the public action name; the follow-up actions fire one of two
/// triggers so the diagram shows both outcomes, and the desk itself fires <see cref="PassOver"/> to move a case past a
/// step that does not apply to it.
/// </summary>
internal static class Triggers
{
    public const string FollowUpSatisfied = "record-follow-up (satisfied)";
    public const string FollowUpUnsatisfied = "record-follow-up (not satisfied)";
    public const string FollowUpUnreachable = "record-follow-up-attempt (unreachable)";
    public const string PassOver = "pass-over";
    public const string FinalResponseWithOffer = "issue-final-response (with an offer)";
    public const string FinalResponseWithoutOffer = "issue-final-response (nothing offered)";

    /// <summary>Maps a trigger back to the action an app calls.</summary>
    public static string ToAction(string trigger) => trigger switch
    {
        FollowUpSatisfied or FollowUpUnsatisfied => ComplaintActions.RecordFollowUp,
        FollowUpUnreachable => ComplaintActions.RecordFollowUpAttempt,
        FinalResponseWithOffer or FinalResponseWithoutOffer => ComplaintActions.IssueFinalResponse,
        _ => trigger,
    };

    /// <summary>True for triggers the desk fires itself, which no one may take as an action.</summary>
    public static bool IsInternal(string trigger) => trigger == PassOver;
}
