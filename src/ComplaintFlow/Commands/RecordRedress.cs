using ComplaintFlow.Events;
using ComplaintFlow.Outcomes;
using ComplaintFlow.Process;
using ComplaintFlow.Validation;

namespace ComplaintFlow;

/// <summary>
/// Records one thing actually paid or done for the customer, at fulfilment or later: several entries for partial
/// payments, goodwill apart (PR-17). A payment must be in a currency of the agreed (or offered) remedy; paying more
/// than agreed needs the actor's money authority for the excess; paying less needs a reason before the case closes.
/// </summary>
public sealed record RecordRedress : ComplaintCommand
{
    /// <summary>What it is.</summary>
    public required RedressKind? Kind { get; init; }

    /// <summary>What was paid; required for every kind but <see cref="RedressKind.RemedialAction"/>, which pays nothing.</summary>
    public Money? Amount { get; init; }

    /// <summary>What was paid or done, in words.</summary>
    public required string Description { get; init; }

    /// <summary>The app's reference (a payment id).</summary>
    public string? Reference { get; init; }

    /// <summary>Why less than agreed is paid, when it is; needed before the case closes.</summary>
    public string? ShortfallReason { get; init; }

    /// <inheritdoc />
    public override string Action => ComplaintActions.RecordRedress;

    private protected override void ValidateFields()
    {
        if (Kind is not { } kind)
        {
            throw new ComplaintValidationException(nameof(Kind), "is required.");
        }

        Require.Defined(kind, nameof(Kind));
        if (kind == RedressKind.RemedialAction && Amount is not null)
        {
            throw new ComplaintValidationException(nameof(Amount), "must be empty for remedial action, which is done, not paid; record a payment as its own entry.");
        }

        if (kind != RedressKind.RemedialAction)
        {
            Require.Money(Amount ?? throw new ComplaintValidationException(nameof(Amount), $"is required for {kind}."), nameof(Amount));
        }

        Require.Text(Description, nameof(Description), Require.TextLength);
        Require.OptionalText(Reference, nameof(Reference), Require.IdLength);
        Require.OptionalText(ShortfallReason, nameof(ShortfallReason), Require.TextLength);
    }

    internal override void CheckAgainst(in CommandContext context)
    {
        var agreed = context.Case.AgreedOrOffered!;
        if (Amount is not { } amount)
        {
            return;
        }

        var currencies = agreed.Remedies.Where(r => r.Amount is not null).Select(r => r.Amount!.Value.Currency).Distinct().ToList();
        if (!currencies.Contains(amount.Currency))
        {
            throw new ComplaintValidationException($"{nameof(Amount)}.Currency", $"is {amount.Currency}, but the agreed remedy (proposal {agreed.Number}) is in {(currencies.Count == 0 ? "no currency: it pays no money" : string.Join(", ", currencies))}.");
        }

        // Only what goes beyond the agreed total needs authority; but all of it, not this entry's share, or paying in
        // parts would take the total over-payment past any limit, each part within it.
        var paidAfter = RedressTotals.PaidIn(context.Case.Redress, amount.Currency) + amount.Amount;
        var due = agreed.TotalIn(amount.Currency);
        var excess = paidAfter - due;
        if (excess > 0 && context.Authority.FindShortfall(Actor, [new Money(excess, amount.Currency)]) is { } shortfall)
        {
            throw new ComplaintAuthorizationException(Actor.Id, Action, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"this brings what is paid to {amount.Currency} {excess:0.00} beyond the agreed {amount.Currency} {due:0.00}, and {shortfall.Describe()}"));
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        var entry = new RedressEntry(Kind!.Value, Amount, Description, Reference, Actor, context.Now);
        context.Draft.Redress = context.Case.Redress.Add(entry);
        if (ShortfallReason is not null)
        {
            context.Draft.RedressShortfallReason = ShortfallReason;
        }

        return new(new RedressRecorded(entry, ShortfallReason));
    }
}
