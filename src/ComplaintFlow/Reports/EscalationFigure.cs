namespace ComplaintFlow.Reports;

/// <summary>Escalations for one cause in the period, against the complaints received in it.</summary>
public sealed record EscalationFigure(string Cause, long Count, long Received)
{
    /// <summary>Count ÷ received; <see langword="null"/> when nothing was received.</summary>
    public double? Rate => Received == 0 ? null : (double)Count / Received;
}
