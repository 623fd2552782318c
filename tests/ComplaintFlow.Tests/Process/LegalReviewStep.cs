using ComplaintFlow.Steps;

namespace ComplaintFlow.Tests.Process;

/// <summary>
/// The step a back office adds before fulfilment: a lawyer reviews an agreed remedy over £1,000 before it is carried
/// out, and may decline it, sending the case back to seek a new resolution. An <c>investigation</c> clock runs while
/// the review does.
/// </summary>
internal sealed class LegalReviewStep() : ComplaintStep<LegalOpinion>(
    Id,
    "approve-legal-review",
    new StepGuidance("Legal review", "A lawyer checks a large agreed remedy before it is paid.", ["Check the remedy against the contract's liability terms."], ["PR-10", "PR-17"]))
{
    public new const string Id = "legal-review";
    public const string Decline = "decline-legal-review";
    public const string Clock = "investigation";
    public const string Role = "legal";

    /// <summary>Adds the <c>investigation</c> clock the step starts and stops: one business day.</summary>
    public static void AddClock(ComplaintFlowOptions options) => options.Clocks.Clocks.Add(new ComplaintFlow.Time.ClockDefinition
    {
        Name = Clock,
        Description = "Legal reviews a large remedy within one business day.",
        StartsOn = ComplaintFlow.Time.ClockTriggers.None,
        StopsOn = ComplaintFlow.Time.ClockTriggers.None,
        Deadline = ComplaintFlow.Time.ClockDeadline.BusinessTime(TimeSpan.FromHours(8)),
    });

    public override StepFacts Facts { get; } = StepFacts.None
        .AppliesOnlyWhen("the agreed remedy is over GBP 1,000", c => c.AgreedOrOffered?.TotalIn("GBP") > 1_000m)
        .PerformedByRoles([Role])
        .SendsBackTo(ComplaintFlow.Process.StepIds.SeekResolution, Decline, "Legal declines the agreed remedy")
        .StartsClock(Clock)
        .StopsClock(Clock);

    protected override StepCheck Check(ComplaintCase complaint, Actor actor, LegalOpinion input) =>
        string.IsNullOrWhiteSpace(input.Reference) ? StepCheck.Invalid(nameof(LegalOpinion.Reference), "must name the legal file.") : StepCheck.Pass;

    protected override StepRecordContent Record(LegalOpinion input) =>
        new("Legal review approved the remedy", new Dictionary<string, string> { ["reference"] = input.Reference });
}

/// <summary>What the lawyer records: the legal file and any conditions.</summary>
internal sealed record LegalOpinion(string Reference, string? Conditions = null);
