using ComplaintFlow.Events;
using ComplaintFlow.Outcomes;

namespace ComplaintFlow;

/// <summary>How a closing case records its end: one event, with the reason that says how it ended.</summary>
internal static class CaseClosing
{
    /// <summary>
    /// The close event: the follow-up's own reason, or <see cref="CloseReason.AfterFinalResponse"/> when the round ended
    /// with a final answer (a final response, IDR response or CFPB response) sent without the customer's agreement.
    /// </summary>
    public static ComplaintClosed Close(in CommandContext context, CloseReason usual)
    {
        var complaint = context.Case;
        context.Draft.ClosedAt = context.Now;
        var afterFinalResponse = complaint.AcceptedProposal is null && complaint.CommunicationsThisRound.Any(c => CaseEndRules.IsFinalAnswer(c.Kind));
        return new ComplaintClosed(afterFinalResponse ? CloseReason.AfterFinalResponse : usual);
    }
}
