namespace ComplaintFlow.Outcomes;

/// <summary>
/// The reporting groups regulators' returns use, to put in <see cref="OutcomeCode.ReportingGroup"/>. The lists are the
/// group names only; map each of your products and causes onto one, and check them against the return you file.
/// </summary>
public static class OutcomeTaxonomies
{
    /// <summary>The UK FCA complaints return's product groups (DISP 1 Annex 1R).</summary>
    public static IReadOnlyList<string> FcaProductGroups { get; } =
        ["Banking and credit cards", "Home finance", "Insurance & pure protection", "Decumulation & pensions", "Investments"];

    /// <summary>The UK FCA complaints return's cause groups (DISP 1 Annex 1R).</summary>
    public static IReadOnlyList<string> FcaCauseGroups { get; } =
        ["Arrears related", "Advising, selling and arranging", "Terms and disputed sums/charges", "General admin/customer service", "Other"];
}
