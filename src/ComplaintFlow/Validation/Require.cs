using System.Collections.Immutable;

namespace ComplaintFlow.Validation;

/// <summary>Field checks shared by every command. Each failure names the field and says what is wrong.</summary>
internal static class Require
{
    public const int IdLength = 200;
    public const int SummaryLength = 500;
    public const int TextLength = 10_000;
    public const int MaxCategories = 20;
    public const int CategoryLength = 64;
    public const int MaxRemedies = 10;
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>
    /// The earliest receipt the clocks accept: calendars answer for dates from 1900 (before it time zones had no standard
    /// rules to count by), and a day later than 1 January UTC so the receipt's local date is in 1900 in every zone
    /// (midnight UTC on 1 January 1900 is 31 December 1899 in New York).
    /// </summary>
    public static readonly DateTimeOffset EarliestInstant = new(1900, 1, 2, 0, 0, 0, TimeSpan.Zero);

    public static void Text(string? value, string field, int maxLength) => Text(value, field, null, maxLength);

    /// <summary>Checks a member's text; the field's name is put together (<c>Actor.Id</c>) only when it is refused.</summary>
    public static void Text(string? value, string field, string? member, int maxLength)
    {
        if (value is null)
        {
            throw new ComplaintValidationException(field + member, "is required but was null.");
        }

        if (value.Length > maxLength)
        {
            throw new ComplaintValidationException(field + member, $"is {value.Length} characters long; the limit is {maxLength}.");
        }

        TextRules.Check(value, field, member);
    }

    public static void OptionalText(string? value, string field, int maxLength)
    {
        if (value is not null)
        {
            Text(value, field, maxLength);
        }
    }

    public static void Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ComplaintValidationException(field, $"'{value}' is not a {typeof(TEnum).Name}; use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    public static void Flags(ComplaintFlags flags, string field)
    {
        if (FlagBits.Unknown(flags) is var unknown and not 0)
        {
            throw new ComplaintValidationException(field, $"contains unknown flag bits ({unknown}).");
        }
    }

    private static readonly string[] RoleMembers = [.. Enumerable.Range(0, 8).Select(i => $".Roles[{i}]")];

    public static void Actor(Actor? actor, string field)
    {
        if (actor is null)
        {
            throw new ComplaintValidationException(field, "is required but was null.");
        }

        Text(actor.Id, field, ".Id", IdLength);
        Text(actor.DisplayName, field, ".DisplayName", IdLength);
        if (actor.Tier is not null || actor.Roles.IsDefaultOrEmpty)
        {
            // An actor outside the tiers acts in roles only, so it needs at least one.
            Text(actor.Tier, field, ".Tier", IdLength);
        }

        if (!actor.Roles.IsDefault)
        {
            for (var i = 0; i < actor.Roles.Length; i++)
            {
                // The member's name is put together only when refused, past the few an actor usually holds.
                Text(actor.Roles[i], field, i < RoleMembers.Length ? RoleMembers[i] : $".Roles[{i}]", IdLength);
            }
        }

        if (actor.Team is not null)
        {
            Text(actor.Team, field, ".Team", IdLength);
        }
    }

    public static void CaseId(ComplaintId id, string field)
    {
        if (id.IsEmpty)
        {
            throw new ComplaintValidationException(field, "is the empty id; pass the id of an existing case.");
        }
    }

    public static void Money(Money money, string field)
    {
        if (money.Currency is null || !Currencies.IsKnown(money.Currency))
        {
            throw new ComplaintValidationException($"{field}.Currency", $"'{money.Currency}' is not an ISO 4217 currency code (use upper case, for example GBP, EUR, USD).");
        }

        if (money.Amount <= 0)
        {
            throw new ComplaintValidationException($"{field}.Amount", $"must be more than zero, but is {money.Amount}.");
        }

        if (money.Amount > MaxAmount)
        {
            throw new ComplaintValidationException($"{field}.Amount", $"is {money.Amount}; the largest amount accepted is {MaxAmount}.");
        }

        if (Currencies.MinorUnits(money.Currency) is not { } decimals)
        {
            throw new ComplaintValidationException($"{field}.Currency", $"'{money.Currency}' has no minor unit in ISO 4217 (it is a metal, a testing code or a unit of account), so it cannot be paid; use a currency such as GBP, EUR or USD.");
        }

        if (decimal.Round(money.Amount, decimals) != money.Amount)
        {
            throw new ComplaintValidationException($"{field}.Amount", $"is {money.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}, but {money.Currency} has {decimals} decimal places, so its amounts are whole {(decimals == 0 ? "units" : $"multiples of {1m / Pow10(decimals)}")}.");
        }
    }

    private static decimal Pow10(int decimals)
    {
        var result = 1m;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10;
        }

        return result;
    }

    public static void Remedies(ImmutableArray<Remedy> remedies, string field, bool allowEmpty)
    {
        if (remedies.IsDefaultOrEmpty)
        {
            if (allowEmpty)
            {
                return;
            }

            throw new ComplaintValidationException(field, "needs at least one remedy.");
        }

        if (remedies.Length > MaxRemedies)
        {
            throw new ComplaintValidationException(field, $"has {remedies.Length} remedies; the limit is {MaxRemedies}.");
        }

        for (var i = 0; i < remedies.Length; i++)
        {
            var path = $"{field}[{i}]";
            var remedy = remedies[i] ?? throw new ComplaintValidationException(path, "is null.");
            Defined(remedy.Kind, $"{path}.Kind");
            Text(remedy.Description, $"{path}.Description", SummaryLength);
            if (remedy.Amount is { } amount)
            {
                Money(amount, $"{path}.Amount");
            }
            else if (remedy.Kind is RemedyKind.Refund or RemedyKind.Credit)
            {
                throw new ComplaintValidationException($"{path}.Amount", $"is required for a {remedy.Kind.ToString().ToLowerInvariant()}.");
            }
        }
    }

    public static ImmutableArray<string> Categories(ImmutableArray<string> categories, string field)
    {
        if (categories.IsDefaultOrEmpty)
        {
            return [];
        }

        if (categories.Length > MaxCategories)
        {
            throw new ComplaintValidationException(field, $"has {categories.Length} categories; the limit is {MaxCategories}.");
        }

        for (var i = 0; i < categories.Length; i++)
        {
            Text(categories[i], $"{field}[{i}]", CategoryLength);
        }

        return [.. categories.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>An optional IETF language tag that .NET knows, such as <c>en-GB</c> or <c>fr</c>.</summary>
    public static void Language(string? tag, string field)
    {
        if (tag is null)
        {
            return;
        }

        Text(tag, field, 35);
        try
        {
            _ = System.Globalization.CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            throw new ComplaintValidationException(field, $"'{tag}' is not a language tag this system knows; use one such as 'en-GB' or 'fr-FR'.");
        }
    }

    public static void IdempotencyKey(string? key)
    {
        OptionalText(key, nameof(ComplaintCommand.IdempotencyKey), IdLength);
    }
}
