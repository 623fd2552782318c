namespace ComplaintFlow.Outcomes;

/// <summary>
/// Where a customer who is still unhappy can take the complaint, as a preset states it. The customer-facing text comes
/// from <see cref="Policies.ICustomerExplanations"/> under <see cref="TextKey"/>, so it can be replaced and localised.
/// Check the details against the body's current ones.
/// </summary>
/// <param name="Body">The body's name.</param>
/// <param name="Website">Its website.</param>
/// <param name="Phone">Its phone number.</param>
/// <param name="TimeLimitMonths">How long the customer has to refer the complaint, in months from the final response.</param>
/// <param name="TextKey">The key of the customer-facing text (see <see cref="Policies.CustomerExplanationKeys"/>).</param>
public sealed record ReferralRights(string Body, string Website, string Phone, int TimeLimitMonths, string TextKey);
