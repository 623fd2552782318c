namespace ComplaintFlow;

/// <summary>
/// Recording the clock warnings and breaches now due on a case, as a change the one decision pipeline runs: by the
/// library itself, not a move through the process, its events come from the clocks. Two workers may reach one case;
/// the loser of the version race decides again and finds nothing left to record.
/// </summary>
internal sealed record RecordDueClocks : ComplaintCommand
{
    public const string DueAction = "record-due-clocks";

    public override string Action => DueAction;

    internal override string? TriggerFor(in TriggerContext context) => null;

    internal override bool RedecideOnConflict => true;

    internal override bool RecordsDueClocks => true;

    private protected override void ValidateFields()
    {
    }

    internal override Applied Apply(in CommandContext context) => default;
}
