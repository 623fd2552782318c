using ComplaintFlow.Validation;
using Microsoft.Extensions.Options;

namespace ComplaintFlow;

/// <summary>Checks <see cref="ComplaintFlowOptions"/> and says exactly what to fix.</summary>
internal sealed class ComplaintFlowOptionsValidator : IValidateOptions<ComplaintFlowOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplaintFlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.Tiers.Count == 0)
        {
            failures.Add("Tiers is empty: configure at least one authority tier, from most junior to most senior.");
        }

        for (var i = 0; i < options.Tiers.Count; i++)
        {
            var tier = options.Tiers[i];
            if (tier is null || string.IsNullOrWhiteSpace(tier.Name))
            {
                failures.Add($"Tiers[{i}] has no name: give every tier a name such as 'agent'.");
                continue;
            }

            foreach (var (currency, limit) in tier.MoneyLimits)
            {
                if (!Currencies.IsKnown(currency))
                {
                    failures.Add($"Tiers[{i}] ('{tier.Name}') has a limit in '{currency}', which is not an ISO 4217 currency code.");
                }

                if (limit < 0)
                {
                    failures.Add($"Tiers[{i}] ('{tier.Name}') has a negative limit in {currency}; use 0 for no authority.");
                }
            }
        }

        var duplicates = options.Tiers.Where(t => t is not null).GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(d => $"Tier '{d}' is configured more than once; tier names must be unique."));

        var tiers = options.Tiers.Where(t => t is not null).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (action, tier) in options.MinimumTierByAction)
        {
            if (!tiers.Contains(tier))
            {
                failures.Add($"MinimumTierByAction['{action}'] is '{tier}', which is not one of the configured tiers.");
            }
        }

        for (var i = 0; i < options.Roles.Count; i++)
        {
            if (options.Roles[i] is null || string.IsNullOrWhiteSpace(options.Roles[i].Name))
            {
                failures.Add($"Roles[{i}] has no name: give every role a name such as 'legal'.");
            }
            else if (tiers.Contains(options.Roles[i].Name))
            {
                failures.Add($"Role '{options.Roles[i].Name}' has the name of a tier; roles and tiers are told apart by name, so choose another.");
            }
            else if (options.Roles[i].Actions.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"Role '{options.Roles[i].Name}' grants an action with no name; name the actions it grants, such as 'waive-follow-up'.");
            }
        }

        failures.AddRange(options.Roles.Where(r => r is not null).GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"Role '{g.Key}' is configured more than once; role names must be unique."));
        if (options.DefaultCustomerCulture is null)
        {
            failures.Add("DefaultCustomerCulture is null; use a culture such as CultureInfo.GetCultureInfo(\"en-GB\").");
        }

        failures.AddRange(options.Escalation.Validate(tiers));
        if (options.Clocks is null)
        {
            failures.Add("Clocks is null; start from one of ClockPresets.");
        }
        else
        {
            failures.AddRange(options.Clocks.Validate());
        }

        failures.AddRange(OutcomeFailures(options.Outcomes));

        if (options.MaxUnansweredFollowUps < 1)
        {
            failures.Add($"MaxUnansweredFollowUps is {options.MaxUnansweredFollowUps}; it must be 1 or more.");
        }

        if (options.ReopenWindow < TimeSpan.Zero)
        {
            failures.Add($"ReopenWindow is {options.ReopenWindow}; it must be zero (no reopening) or positive.");
        }

        failures.AddRange(Outbox.OutboxOptionsValidation.Check(options.Outbox));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => "ComplaintFlow: " + f));
    }

    private static IEnumerable<string> OutcomeFailures(Outcomes.OutcomeOptions outcomes)
    {
        foreach (var (name, codes) in new[] { ("Products", outcomes.Products), ("RootCauses", outcomes.RootCauses) })
        {
            foreach (var code in codes.Where(c => c is null || string.IsNullOrWhiteSpace(c.Code)))
            {
                yield return $"Outcomes.{name} has an entry without a code.";
            }

            foreach (var group in codes.Where(c => c is not null && !string.IsNullOrWhiteSpace(c.Code)).GroupBy(c => c.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                yield return $"Outcomes.{name}: '{group.Key}' is configured more than once; codes must be unique.";
            }
        }

        foreach (var (category, product) in outcomes.ProductByCategory)
        {
            if (outcomes.Products.Count > 0 && !outcomes.Products.Any(p => p?.Code == product))
            {
                yield return $"Outcomes.ProductByCategory['{category}'] is '{product}', which is not one of Outcomes.Products.";
            }
        }
    }
}
