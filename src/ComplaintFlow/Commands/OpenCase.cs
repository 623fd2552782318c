using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;

namespace ComplaintFlow;

/// <summary>
/// Opening a case, as a change the one decision pipeline runs: it creates its case instead of loading one, is not a
/// move through the process (the case starts in the first step), and fingerprints as the <see cref="OpenComplaint"/>.
/// </summary>
internal sealed record OpenCase : ComplaintCommand
{
    public const string OpenAction = "open";

    public required OpenComplaint Open { get; init; }

    public override string Action => OpenAction;

    internal override object AuthorizationSubject => Open;

    internal override string? TriggerFor(in TriggerContext context) => null;

    internal override string Fingerprint(ComplaintProcess process) => CommandFingerprint.Of(Open);

    private protected override void ValidateFields() => Open.Validate();

    internal override ComplaintCase NewCase(ComplaintProcess process, AuthorityRules authority, DateTimeOffset now) => new()
    {
        Id = CaseId,
        Version = 0,
        ProcessVersion = process.Version,
        Step = process.StepIds[0],
        CustomerRef = Open.CustomerRef,
        CustomerLanguage = Open.CustomerLanguage,
        Channel = Open.Channel,
        Summary = Open.Summary,
        ReceivedAt = Open.ReceivedAt ?? now,
        OpenedAt = now,
        UpdatedAt = now,
        OpenedBy = Actor,
        Proactive = Open.Proactive,
        Severity = Open.Severity,
        Flags = Open.Flags,
        Categories = Open.NormalisedCategories,
        Tier = authority.JuniorTier,
    };

    internal override void CheckAgainst(in CommandContext context)
    {
        if (Open.ReceivedAt > context.Now)
        {
            throw new ComplaintValidationException(nameof(OpenComplaint.ReceivedAt), $"is {Open.ReceivedAt:O}, which is in the future (now is {context.Now:O}).");
        }
    }

    internal override Applied Apply(in CommandContext context)
    {
        var opened = context.Case;
        return new(new ComplaintOpened(opened.CustomerRef, opened.Channel, opened.Summary, opened.ReceivedAt, opened.Severity, opened.Flags, opened.Categories, opened.Proactive));
    }
}
