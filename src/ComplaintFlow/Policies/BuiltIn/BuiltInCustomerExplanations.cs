using System.Collections.Frozen;
using System.Globalization;

namespace ComplaintFlow.Policies.BuiltIn;

/// <summary>The library's own customer-facing texts, in English, written for ComplaintFlow (PR-11, PR-17).</summary>
internal sealed class BuiltInCustomerExplanations : ICustomerExplanations
{
    public static BuiltInCustomerExplanations Instance { get; } = new();

    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CustomerExplanationKeys.RemedyBeyondAuthority] = "What would put this right is more than I can approve on my own, so I have asked a colleague who can. They can see everything you have told us, so you will not need to explain it again.",
        [CustomerExplanationKeys.RepeatedRejections] = "I want to get this right for you, so a more senior colleague with more room to find a fair answer is taking over your case, with everything you have told us.",
        [CustomerExplanationKeys.ManagerRequested] = "You asked for a manager, and one is now looking after your case. They have the full history, so there is no need to start again.",
        [CustomerExplanationKeys.SeriousCase] = "Your complaint deserves particular care, so a team that handles cases like yours every day is taking it on. They have everything you have told us.",
        [CustomerExplanationKeys.RepeatComplainant] = "I can see this is not the first time you have had to contact us about a problem, and I am sorry. A more senior colleague is taking this on to make sure it is put right properly.",
        [CustomerExplanationKeys.ServiceClockBreached] = "We have not been back in touch as quickly as we promised, and I am sorry. A senior colleague is now making sure your case gets the attention it needs.",
        [CustomerExplanationKeys.RegulatoryClockBreached] = "We have not answered you in the time we should have, and I am sorry. Our specialist complaints team is now dealing with your case as a priority.",
        [CustomerExplanationKeys.ReferralFinancialOmbudsman] = "If you are unhappy with our answer, you can ask the Financial Ombudsman Service to look at your complaint. The service is free and independent of us. Contact it within six months of the date of this letter, or it may not be able to consider your complaint: www.financial-ombudsman.org.uk, 0800 023 4567.",
        [CustomerExplanationKeys.ReferralAfca] = "If you are not satisfied with our response, you can take your complaint to the Australian Financial Complaints Authority (AFCA), a free and independent scheme. Contact AFCA within two years of this response: www.afca.org.au, 1800 931 678.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string GetText(string key, CultureInfo culture) =>
        Texts.TryGetValue(key, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(key), key, "Not a key of the built-in customer explanations.");
}
