namespace ComplaintFlow;

/// <summary>
/// A reopened case starts a new round of listening and resolving. The history keeps the earlier round; the snapshot
/// clears what belonged to it so the new round's rules (PR-05, PR-06, PR-08) apply afresh.
/// </summary>
internal static class CaseRound
{
    public static void StartNew(CaseDraft draft)
    {
        draft.Paraphrase = null;
        draft.DesiredOutcome = null;
        draft.Fulfilment = null;
        draft.FollowUpWaiver = null;
        draft.ClosedAt = null;

        // A new round needs a new decision; the history keeps the old one, and what was paid stays paid.
        draft.Outcome = null;
        draft.ReopenCount++;
        draft.UnansweredFollowUps = 0;
    }
}
