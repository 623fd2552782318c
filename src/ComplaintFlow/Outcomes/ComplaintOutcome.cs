namespace ComplaintFlow.Outcomes;

/// <summary>
/// What the firm decided about the complaint itself (PR-09, PR-17). For reporting, a partly upheld complaint counts as
/// upheld, as the UK regulator's return does; see docs/outcomes-and-final-response.md.
/// </summary>
public enum ComplaintOutcome
{
    /// <summary>The complaint is accepted: the customer was right.</summary>
    Upheld,

    /// <summary>Some of what the customer complained about is accepted, some not.</summary>
    PartlyUpheld,

    /// <summary>The complaint is rejected, with reasons.</summary>
    NotUpheld,
}
