using ComplaintFlow.Outcomes;

namespace ComplaintFlow.Reports;

/// <summary>Money of one redress kind paid in the period, in one currency.</summary>
public sealed record RedressFigure(RedressKind Kind, Money Paid);
