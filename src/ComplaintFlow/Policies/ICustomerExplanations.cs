using System.Globalization;
using ComplaintFlow.Policies.BuiltIn;

namespace ComplaintFlow.Policies;

/// <summary>
/// The customer-facing texts of the built-in escalation policies (PR-11): what the customer is told when their case
/// goes to someone more senior. Replace it to use your own words or languages, with
/// <c>AddComplaintFlow().UseCustomerExplanations&lt;T&gt;()</c>; the culture is the case's
/// <see cref="ComplaintCase.CustomerLanguage"/>, or <see cref="ComplaintFlowOptions.DefaultCustomerCulture"/>.
/// </summary>
public interface ICustomerExplanations
{
    /// <summary>
    /// The library's own texts, in English, for every key; an app's source can fall back to them for the languages or
    /// keys it does not cover.
    /// </summary>
    static ICustomerExplanations BuiltIn => BuiltInCustomerExplanations.Instance;

    /// <summary>The text for one of the <see cref="CustomerExplanationKeys"/> in the culture; never null or blank.</summary>
    string GetText(string key, CultureInfo culture);
}
