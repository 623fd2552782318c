using System.Collections.Immutable;
using ComplaintFlow.Outcomes;

namespace ComplaintFlow.Reports;

/// <summary>
/// The CFPB response summary of the complaints received in a period, as at an instant: how many of each response type
/// (see <see cref="CfpbResponses"/>), and how many answered in time.
/// </summary>
public sealed record CfpbSummary(ReportPeriod Period, DateTimeOffset AsOf, ImmutableDictionary<CfpbResponseType, long> ByType, long AwaitingResponse)
{
    /// <summary>Responses that were not untimely.</summary>
    public long Timely => ByType.Where(t => t.Key != CfpbResponseType.UntimelyResponse).Sum(t => t.Value);

    /// <summary>Untimely responses.</summary>
    public long Untimely => ByType.GetValueOrDefault(CfpbResponseType.UntimelyResponse);

    /// <summary>Timely ÷ (timely + untimely); <see langword="null"/> when nothing was due.</summary>
    public double? TimelyShare => Timely + Untimely == 0 ? null : (double)Timely / (Timely + Untimely);
}
