namespace ComplaintFlow.Outcomes;

/// <summary>What a redress entry pays or does (PR-17). Goodwill is kept apart from the redress for the complaint itself.</summary>
public enum RedressKind
{
    /// <summary>Money the customer lost, paid back.</summary>
    RefundOfLoss,

    /// <summary>Compensation for distress and inconvenience.</summary>
    DistressAndInconvenience,

    /// <summary>Interest on money the customer was without.</summary>
    Interest,

    /// <summary>A gesture of goodwill, not redress for the complaint; reported apart.</summary>
    Goodwill,

    /// <summary>Something done rather than paid: a corrected record, a repaired item, a changed term.</summary>
    RemedialAction,
}
