namespace ComplaintFlow.Outcomes;

/// <summary>The CFPB's categories of a company's response, as its complaint database reports them.</summary>
public enum CfpbResponseType
{
    /// <summary>Closed with an explanation and no relief.</summary>
    ClosedWithExplanation,

    /// <summary>Closed with money returned or saved for the consumer.</summary>
    ClosedWithMonetaryRelief,

    /// <summary>Closed with other relief: a corrected record, a changed term.</summary>
    ClosedWithNonMonetaryRelief,

    /// <summary>The company said it is still working on it; a final response is due by day 60.</summary>
    InProgress,

    /// <summary>The company missed the 15-day response or the 60-day final response.</summary>
    UntimelyResponse,
}
