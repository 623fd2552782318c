using System.Collections.Frozen;
using System.Globalization;
using ComplaintFlow.Time;

namespace ComplaintFlow.Outcomes;

/// <summary>
/// What the end of a case must satisfy, from the options: the outcome taxonomies, the preset's communication rules and
/// referral rights, and the redress ledger's agreement. One answer for the commands that check it, for the guard that
/// keeps a case from closing, and for available actions (through that guard).
/// </summary>
internal sealed class CaseEndRules
{
    private readonly FrozenDictionary<string, OutcomeCode> _products;
    private readonly FrozenDictionary<string, OutcomeCode> _causes;
    private readonly KeyValuePair<string, string>[] _productByCategory;
    private readonly CommunicationRule[] _rules;

    public CaseEndRules(ComplaintFlowOptions options)
    {
        _products = options.Outcomes.Products.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        _causes = options.Outcomes.RootCauses.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        _productByCategory = [.. options.Outcomes.ProductByCategory];
        _rules = [.. options.Clocks.Communications];
        Referral = options.Clocks.Referral;
    }

    /// <summary>No rules at all: for the calendar-only uses of the pipeline in tests.</summary>
    public static CaseEndRules None { get; } = new(new ComplaintFlowOptions { Clocks = new ClockSettings(ClockPresets.DefaultCalendar, []) });

    public ReferralRights? Referral { get; }

    /// <summary>
    /// The communication a final answer is under the preset: a final response (UK), an IDR response (Australia) or a
    /// response through the CFPB portal (United States); a final response when the preset names none.
    /// </summary>
    public CommunicationKind FinalAnswer => _rules.FirstOrDefault(r => r.Need == CommunicationNeed.BeforeClose && IsFinalAnswer(r.Kind))?.Kind ?? CommunicationKind.FinalResponse;

    /// <summary>True for the kinds that state the outcome to the customer, once a round.</summary>
    public static bool IsFinalAnswer(CommunicationKind kind) => kind is CommunicationKind.FinalResponse or CommunicationKind.IdrResponse or CommunicationKind.CfpbResponse;

    public IReadOnlyList<CommunicationRule> Rules => _rules;

    public OutcomeCode? Product(string? code) => code is not null && _products.TryGetValue(code, out var found) ? found : null;

    public OutcomeCode? RootCause(string? code) => code is not null && _causes.TryGetValue(code, out var found) ? found : null;

    /// <summary>The outcome's product: the one it names, checked against the taxonomy, or the one mapped from the case's first mapped category.</summary>
    public string? ProductFor(ComplaintCase complaint, string? named, string field)
    {
        if (named is not null)
        {
            return _products.Count == 0 || _products.ContainsKey(named) ? named
                : throw new ComplaintValidationException(field, $"'{named}' is not one of the configured products ({string.Join(", ", _products.Keys)}).");
        }

        foreach (var category in complaint.Categories.IsDefault ? [] : complaint.Categories)
        {
            foreach (var (mapped, product) in _productByCategory)
            {
                if (mapped == category)
                {
                    return product;
                }
            }
        }

        return null;
    }

    public string? RootCauseFor(string? named, string field) =>
        named is null || _causes.Count == 0 || _causes.ContainsKey(named) ? named
        : throw new ComplaintValidationException(field, $"'{named}' is not one of the configured root causes ({string.Join(", ", _causes.Keys)}).");

    /// <summary>
    /// Why the communication cannot be recorded on the case at <paramref name="sentAt"/>, or <see langword="null"/>: a
    /// final response needs an outcome and is sent once a round; a communication allowed only until a deadline is
    /// refused after it.
    /// </summary>
    public string? RefusalToSend(ComplaintCase complaint, CommunicationKind kind, DateTimeOffset sentAt)
    {
        if (IsFinalAnswer(kind))
        {
            if (complaint.Outcome is null)
            {
                return $"{WithArticle(kind)} states the outcome, and case {complaint.Id} has none; record it first (record-outcome).";
            }

            if (complaint.CommunicationsThisRound.FirstOrDefault(c => IsFinalAnswer(c.Kind)) is { } sent)
            {
                return $"{WithArticle(sent.Kind)} was already sent in this round of case {complaint.Id}; a second final answer needs the case reopened first.";
            }

            // Another regime's final answer would count as this round's one and leave the one the rules require unsendable.
            if (kind != FinalAnswer)
            {
                return $"{WithArticle(kind)} is not the final answer under the configured rules, which require {WithArticle(FinalAnswer)}; record that instead.";
            }
        }

        foreach (var rule in _rules)
        {
            if (rule.Need == CommunicationNeed.OnlyUntil && rule.Kind == kind && DeadlineOf(complaint, rule.Clock!) is { } until && sentAt > until)
            {
                return $"{rule.Description} is allowed only until {until.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}; it is now too late for one.";
            }
        }

        return null;
    }

    /// <summary>What the case still lacks to close now, in the words of the rules; empty when it may close.</summary>
    public List<string> MissingToClose(ComplaintCase complaint, DateTimeOffset now)
    {
        var missing = new List<string>();
        var sent = complaint.CommunicationsThisRound.ToList();
        foreach (var rule in _rules)
        {
            switch (rule.Need)
            {
                case CommunicationNeed.BeforeClose when !sent.Any(c => c.Kind == rule.Kind || rule.Alternatives.Contains(c.Kind)):
                    if (rule.Clock is null || DeadlineOf(complaint, rule.Clock) is not { } waivedUntil || now > waivedUntil)
                    {
                        missing.Add(rule.Description);
                    }

                    break;
                case CommunicationNeed.IfLate when DeadlineOf(complaint, rule.Clock!) is { } deadline:
                    var late = sent.FirstOrDefault(c => c.Kind == rule.LateKind || rule.Alternatives.Contains(c.Kind));
                    if ((late?.SentAt ?? now) > deadline && !sent.Any(c => c.Kind == rule.Kind))
                    {
                        missing.Add(rule.Description);
                    }

                    break;
            }
        }

        if (Shortfall(complaint) is { } shortfall && complaint.RedressShortfallReason is null)
        {
            missing.Add($"a reason for paying less than agreed ({shortfall}), recorded with a redress entry (PR-17)");
        }

        return missing;
    }

    /// <summary>
    /// Where the ledger pays less than the agreed or offered remedy, as text ("GBP 20.00 paid of GBP 50.00 agreed"), or
    /// <see langword="null"/>. A case whose ledger is empty is not checked: the app keeps no ledger.
    /// </summary>
    public static string? Shortfall(ComplaintCase complaint)
    {
        if (complaint.Redress.IsDefaultOrEmpty || complaint.AgreedOrOffered is not { } agreed)
        {
            return null;
        }

        foreach (var currency in agreed.Remedies.Where(r => r.Amount is not null).Select(r => r.Amount!.Value.Currency).Distinct())
        {
            var due = agreed.TotalIn(currency);
            var paid = RedressTotals.PaidIn(complaint.Redress, currency);
            if (paid < due)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{currency} {paid:0.00} paid of {currency} {due:0.00} agreed");
            }
        }

        return null;
    }

    /// <summary>The elements a letter of this kind must carry, as the preset's rules say; the case's facts for kinds they do not name.</summary>
    public IReadOnlyList<LetterElement> ElementsFor(CommunicationKind kind) =>
        _rules.FirstOrDefault(r => r.Kind == kind)?.Elements ?? (IReadOnlyList<LetterElement>)[LetterElement.CaseFacts];

    /// <summary>The due instant of the case's clock of that name, or <see langword="null"/> when the case has no such clock.</summary>
    public static DateTimeOffset? DeadlineOf(ComplaintCase complaint, string clock)
    {
        foreach (var c in complaint.Clocks)
        {
            if (c.Name == clock)
            {
                return c.DueAt;
            }
        }

        return null;
    }

    /// <summary>The kind's name after "a" or "an" ("an IDR response", "a final response"), to start a message with.</summary>
    public static string WithArticle(CommunicationKind kind) => Name(kind) is var name && "aeiouAEIOU".Contains(name[0], StringComparison.Ordinal) ? $"an {name}" : $"a {name}";

    public static string Name(CommunicationKind kind) => kind switch
    {
        CommunicationKind.SummaryResolution => "summary resolution communication",
        CommunicationKind.FinalResponse => "final response",
        CommunicationKind.DelayLetter => "delay letter",
        CommunicationKind.IdrResponse => "IDR response",
        CommunicationKind.IdrDelayNotification => "IDR delay notification",
        CommunicationKind.CfpbInProgress => "CFPB in-progress response",
        CommunicationKind.CfpbResponse => "CFPB final response",
        CommunicationKind.ProgressUpdate => "progress update",
        _ => "acknowledgement",
    };
}
