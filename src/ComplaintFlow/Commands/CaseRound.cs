namespace ComplaintFlow;

/// <summary>
/// A reopened case starts a new round of listening and resolving. The history keeps the earlier round; the snapshot
/// clears what belonged to it so the new round's rules (PR-05, PR-06, PR-08) apply afresh.
/// </summary>
internal static class CaseRound
{
    public static ComplaintCase StartNew(ComplaintCase complaint) => complaint with
    {
        Paraphrase = null,
        DesiredOutcome = null,
        Fulfilment = null,
        FollowUpWaiver = null,
        ClosedAt = null,
        ReopenCount = complaint.ReopenCount + 1,
        UnansweredFollowUps = 0,
    };
}
