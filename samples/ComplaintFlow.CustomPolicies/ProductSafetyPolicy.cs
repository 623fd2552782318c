using ComplaintFlow.Events;
using ComplaintFlow.Policies;

namespace ComplaintFlow.CustomPolicies;

/// <summary>
/// A house escalation policy: a complaint that mentions a possible safety hazard goes straight to the product-safety
/// team, at the specialist tier, whatever step it is in (PR-19: serious issues go to the people who can act).
/// </summary>
public sealed class ProductSafetyPolicy : IEscalationPolicy
{
    private static readonly string[] HazardWords = ["burn", "fire", "smoke", "spark", "shock", "injur", "cut myself"];

    /// <inheritdoc />
    public string Name => "product-safety";

    /// <inheritdoc />
    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = context.Events.Select(e => e.Data switch
        {
            ComplaintOpened opened => opened.Summary,
            StatementRecorded statement => statement.Text,
            ClarificationRecorded clarification => clarification.Answer,
            _ => null,
        });
        var hazard = words.Any(text => text is not null && HazardWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)));
        return ValueTask.FromResult(hazard
            ? new EscalationRequest(
                "specialist-team",
                "product-safety",
                "product-safety",
                "The customer describes a possible safety hazard.",
                "Because what you describe could be a safety risk, our product-safety team is taking this on today. Please stop using the item until they contact you.")
            : null);
    }
}
