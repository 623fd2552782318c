namespace ComplaintFlow.Outcomes;

/// <summary>How a <see cref="CommunicationRule"/> applies.</summary>
public enum CommunicationNeed
{
    /// <summary>The communication (or one of its alternatives) must be sent in the case's round before it closes.</summary>
    BeforeClose,

    /// <summary>Required before close only when another communication was not sent by a clock's deadline (a delay letter).</summary>
    IfLate,

    /// <summary>The communication may be sent only until a clock's deadline (a summary resolution within three business days).</summary>
    OnlyUntil,
}
