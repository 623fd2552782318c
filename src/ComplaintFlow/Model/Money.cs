using System.Globalization;

namespace ComplaintFlow;

/// <summary>An amount in an ISO 4217 currency.</summary>
/// <param name="Amount">The amount; positive for remedies.</param>
/// <param name="Currency">The upper-case ISO 4217 code, for example <c>GBP</c>.</param>
public readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>Formats the amount with its currency code, for example <c>GBP 25.00</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Currency} {Amount:0.00##}");
}
