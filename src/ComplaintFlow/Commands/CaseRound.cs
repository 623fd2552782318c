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

        // A new round needs a new decision and a new agreement; the history keeps the old ones, and what was paid stays paid.
        draft.Outcome = null;
        draft.RedressShortfallReason = null;
        SetAsideAgreement(draft);
        draft.ReopenCount++;
        draft.UnansweredFollowUps = 0;
    }

    /// <summary>
    /// Marks the agreed (or finally offered) proposal superseded, so nothing after this point counts it as agreed: not
    /// the fulfilment's guard, the close reason, the letters or redress (PR-08). Its acceptance stays in the history.
    /// </summary>
    /// <returns>The proposal set aside, or <see langword="null"/> when none was agreed.</returns>
    public static Proposal? SetAsideAgreement(CaseDraft draft)
    {
        if (draft.Proposals.Length > 0 && draft.Proposals[^1] is { Status: ProposalStatus.Accepted or ProposalStatus.OfferedInFinalResponse } agreed)
        {
            draft.Proposals = draft.Proposals.SetItem(draft.Proposals.Length - 1, agreed with { Status = ProposalStatus.Superseded });
            return agreed;
        }

        return null;
    }
}
