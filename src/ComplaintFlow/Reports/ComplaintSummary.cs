using System.Collections.Immutable;

namespace ComplaintFlow.Reports;

/// <summary>
/// What a complaint manager asks about a period (PR-20, PR-21): how many complaints came, were acknowledged, resolved,
/// closed, withdrawn and reopened; how many were open at its start and end; how long acknowledging and resolving took;
/// how each clock's service level went; first-contact resolution, reopens, escalations by cause; CSAT; repeat
/// complainants; root causes and categories; the upheld share and the redress paid. docs/reports.md defines each figure.
/// </summary>
public sealed record ComplaintSummary
{
    /// <summary>The period reported on.</summary>
    public required ReportPeriod Period { get; init; }

    /// <summary>The filter applied.</summary>
    public required ReportFilter Filter { get; init; }

    /// <summary>Complaints received in the period.</summary>
    public required long Received { get; init; }

    /// <summary>Complaints acknowledged in the period.</summary>
    public required long Acknowledged { get; init; }

    /// <summary>Resolutions in the period: a fulfilment, or a final answer that offers nothing.</summary>
    public required long Resolved { get; init; }

    /// <summary>Closes in the period.</summary>
    public required long Closed { get; init; }

    /// <summary>Withdrawals in the period.</summary>
    public required long Withdrawn { get; init; }

    /// <summary>Reopenings in the period.</summary>
    public required long Reopened { get; init; }

    /// <summary>Cases open at the period's start.</summary>
    public required long OpenAtStart { get; init; }

    /// <summary>Cases open at the period's end.</summary>
    public required long OpenAtEnd { get; init; }

    /// <summary>From receipt to acknowledgement, for acknowledgements in the period.</summary>
    public required DurationSummary TimeToAcknowledge { get; init; }

    /// <summary>From receipt to resolution, for resolutions in the period.</summary>
    public required DurationSummary TimeToResolve { get; init; }

    /// <summary>Each clock's service level, by clock name.</summary>
    public required ImmutableArray<ServiceLevel> ServiceLevels { get; init; }

    /// <summary>Closes in the period resolved at first contact (never reopened, never escalated, at most one proposal), of all closes.</summary>
    public required RateFigure FirstContactResolution { get; init; }

    /// <summary>Reopenings in the period, of closes in the period.</summary>
    public required RateFigure ReopenRate { get; init; }

    /// <summary>Escalations in the period by cause, each against the complaints received in the period.</summary>
    public required ImmutableArray<EscalationFigure> Escalations { get; init; }

    /// <summary>Follow-ups recorded in the period.</summary>
    public required CsatSummary Csat { get; init; }

    /// <summary>Repeat complainants among the period's complainants.</summary>
    public required RepeatComplainants RepeatComplainants { get; init; }

    /// <summary>The most frequent root causes of complaints received in the period.</summary>
    public required ImmutableArray<RankedCount> TopRootCauses { get; init; }

    /// <summary>The most frequent categories of complaints received in the period.</summary>
    public required ImmutableArray<RankedCount> TopCategories { get; init; }

    /// <summary>Root causes of complaints received in the period, by week or month of receipt.</summary>
    public required ImmutableArray<TrendPoint> RootCauseTrend { get; init; }

    /// <summary>Categories of complaints received in the period, by week or month of receipt.</summary>
    public required ImmutableArray<TrendPoint> CategoryTrend { get; init; }

    /// <summary>Closes in the period upheld or partly upheld, of closes with a decision.</summary>
    public required RateFigure Upheld { get; init; }

    /// <summary>Redress paid in the period, by kind and currency, goodwill apart from the rest.</summary>
    public required ImmutableArray<RedressFigure> Redress { get; init; }
}
