namespace ComplaintFlow.Outcomes;

/// <summary>
/// The CFPB response type of a case, derived from what it holds, on the clocks of <see cref="Time.ClockPresets.UsCfpb"/>:
/// a response (in progress or final) by the <c>cfpb-response</c> deadline (15 days), and a final response by the
/// <c>cfpb-final-response</c> deadline (60 days) when the first said more time was needed.
/// </summary>
public static class CfpbResponses
{
    /// <summary>
    /// The type at <paramref name="now"/>: closed with monetary relief when money was paid (goodwill included), with
    /// non-monetary relief when only remedial action was recorded, with an explanation otherwise; in progress while a
    /// timely in-progress response awaits the final one; untimely when a deadline passed first; <see langword="null"/>
    /// while nothing is due yet. Only responses sent by <paramref name="now"/> count; relief counts whenever it was recorded.
    /// Without the CFPB clocks, the deadlines are not checked.
    /// </summary>
    public static CfpbResponseType? TypeOf(ComplaintCase complaint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var first = CaseEndRules.DeadlineOf(complaint, "cfpb-response");
        var final = CaseEndRules.DeadlineOf(complaint, "cfpb-final-response");
        // The CFPB deadlines run from receipt, so the first responses count, whatever round they were in; only those
        // sent by now: a later snapshot asked about an earlier instant answers as the case stood then.
        var inProgress = complaint.Communications.FirstOrDefault(c => c.Kind == CommunicationKind.CfpbInProgress && c.SentAt <= now);
        var response = complaint.Communications.FirstOrDefault(c => c.Kind == CommunicationKind.CfpbResponse && c.SentAt <= now);
        var firstAnswer = new[] { inProgress?.SentAt, response?.SentAt }.Where(t => t is not null).Min();

        if ((firstAnswer ?? now) > first)
        {
            return CfpbResponseType.UntimelyResponse;
        }

        if (response is null)
        {
            return inProgress is null ? null : now > final ? CfpbResponseType.UntimelyResponse : CfpbResponseType.InProgress;
        }

        if (response.SentAt > final)
        {
            return CfpbResponseType.UntimelyResponse;
        }

        return complaint.Redress.Any(r => r.Amount is not null) ? CfpbResponseType.ClosedWithMonetaryRelief
            : complaint.Redress.Any(r => r.Kind == RedressKind.RemedialAction) ? CfpbResponseType.ClosedWithNonMonetaryRelief
            : CfpbResponseType.ClosedWithExplanation;
    }
}
