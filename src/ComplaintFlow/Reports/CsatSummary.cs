using System.Collections.Immutable;

namespace ComplaintFlow.Reports;

/// <summary>Follow-ups recorded in the period: how many, the mean CSAT score, how many gave each score from 1 to 5, and the share satisfied.</summary>
public sealed record CsatSummary(long Responses, double? Mean, ImmutableArray<long> Distribution, double? SatisfiedShare);
