namespace ComplaintFlow.Policies;

/// <summary>
/// The keys of the library's customer-facing texts (see <see cref="ICustomerExplanations"/>): what the built-in
/// escalation policies tell the customer, and the referral rights the presets' letters carry.
/// </summary>
public static class CustomerExplanationKeys
{
    /// <summary>A remedy needs a colleague with more authority (PR-07).</summary>
    public const string RemedyBeyondAuthority = "remedy-beyond-authority";

    /// <summary>A more senior colleague takes over after repeated rejections (PR-09).</summary>
    public const string RepeatedRejections = "repeated-rejections";

    /// <summary>The customer asked for a manager (PR-11).</summary>
    public const string ManagerRequested = "manager-requested";

    /// <summary>A specialist team takes on a serious case (PR-19).</summary>
    public const string SeriousCase = "serious-case";

    /// <summary>A senior colleague takes on a customer who keeps having to complain (PR-20).</summary>
    public const string RepeatComplainant = "repeat-complainant";

    /// <summary>A service deadline was missed (PR-01, PR-13).</summary>
    public const string ServiceClockBreached = "clock-breach";

    /// <summary>A regulator's deadline was missed.</summary>
    public const string RegulatoryClockBreached = "clock-breach-regulatory";

    /// <summary>UK: the customer's right to take the complaint to the Financial Ombudsman Service, for final responses.</summary>
    public const string ReferralFinancialOmbudsman = "referral-financial-ombudsman";

    /// <summary>Australia: the customer's right to take the complaint to AFCA, for IDR responses.</summary>
    public const string ReferralAfca = "referral-afca";
}
