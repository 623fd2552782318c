namespace ComplaintFlow;

/// <summary>A recorded decision to close without a follow-up, made by an authorised tier (PR-14).</summary>
/// <param name="Reason">Why no follow-up is needed or possible.</param>
/// <param name="WaivedBy">Who waived it.</param>
/// <param name="WaivedAt">When.</param>
public sealed record FollowUpWaiver(string Reason, Actor WaivedBy, DateTimeOffset WaivedAt);
