namespace ComplaintFlow.Time;

/// <summary>The kinds of complaint ASIC RG 271 gives different response times.</summary>
public enum AsicComplaintKind
{
    /// <summary>Most complaints: 30 calendar days.</summary>
    Standard,
    /// <summary>Complaints about a default notice or a financial-hardship request: 21 calendar days.</summary>
    FinancialHardship,
    /// <summary>Complaints to a superannuation trustee: 45 calendar days.</summary>
    Superannuation,
}
