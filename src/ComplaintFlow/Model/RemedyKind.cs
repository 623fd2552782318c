namespace ComplaintFlow;

/// <summary>The kinds of remedy a customer may want or be offered (PR-06).</summary>
public enum RemedyKind
{
    /// <summary>Money paid back.</summary>
    Refund,
    /// <summary>Credit on the customer's account.</summary>
    Credit,
    /// <summary>A price reduction on this or a future purchase.</summary>
    Discount,
    /// <summary>The product or service replaced.</summary>
    Replacement,
    /// <summary>The product repaired or the service put right.</summary>
    Repair,
    /// <summary>An explanation of what happened and why.</summary>
    Explanation,
    /// <summary>A sincere apology.</summary>
    Apology,
    /// <summary>A goodwill gesture beyond the fix itself (PR-17).</summary>
    Goodwill,
    /// <summary>Anything else, described in free text.</summary>
    Other,
}
