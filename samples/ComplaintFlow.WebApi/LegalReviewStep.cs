using ComplaintFlow.Process;
using ComplaintFlow.Steps;

namespace ComplaintFlow.WebApi;

/// <summary>What legal records when it approves a large remedy.</summary>
/// <param name="Reference">The legal file.</param>
public sealed record LegalOpinion(string Reference);

/// <summary>
/// Before a remedy over GBP 1,000 is carried out, someone with the <c>legal</c> role approves it or sends the case
/// back to seek another resolution (PR-10: stay within authority; PR-17: be fair to both sides).
/// </summary>
public sealed class LegalReviewStep() : ComplaintStep<LegalOpinion>(
    "legal-review",
    "approve-legal-review",
    new StepGuidance("Legal review", "A lawyer checks a large agreed remedy before it is carried out.", ["Check the remedy against the contract's liability terms."], ["PR-10", "PR-17"]))
{
    /// <inheritdoc />
    public override StepFacts Facts { get; } = StepFacts.None
        .AppliesOnlyWhen("the agreed remedy is over GBP 1,000", c => c.AgreedOrOffered?.TotalIn("GBP") > 1_000m)
        .PerformedByRoles(["legal"])
        .SendsBackTo(StepIds.SeekResolution, "decline-legal-review", "legal declines the agreed remedy");

    /// <inheritdoc />
    protected override StepCheck Check(ComplaintCase complaint, Actor actor, LegalOpinion input) =>
        string.IsNullOrWhiteSpace(input?.Reference) ? StepCheck.Invalid(nameof(LegalOpinion.Reference), "must name the legal file.") : StepCheck.Pass;

    /// <inheritdoc />
    protected override StepRecordContent Record(LegalOpinion input) =>
        new("Legal approved the remedy", new Dictionary<string, string> { ["reference"] = input.Reference });
}
