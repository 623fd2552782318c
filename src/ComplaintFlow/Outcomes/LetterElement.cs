namespace ComplaintFlow.Outcomes;

/// <summary>An element a letter must carry, as a preset requires it for a kind of communication.</summary>
public enum LetterElement
{
    /// <summary>The case's facts: its id, the customer, what they complained about, when it was received.</summary>
    CaseFacts,

    /// <summary>The decision: upheld, partly upheld or not upheld, and whether redress is offered without accepting.</summary>
    Outcome,

    /// <summary>The reasons for the decision.</summary>
    Reasons,

    /// <summary>What is offered (possibly nothing) and what was paid.</summary>
    Offer,

    /// <summary>The body the customer can refer the complaint to.</summary>
    ReferralBody,

    /// <summary>How to reach that body.</summary>
    ReferralContact,

    /// <summary>The time limit for referring, and the text that says it.</summary>
    ReferralTimeLimit,

    /// <summary>The regulator's deadline for the response.</summary>
    ResponseDeadline,
}
