namespace ComplaintFlow;

/// <summary>A progress update sent to the customer while the case is open (PR-13).</summary>
/// <param name="Message">What the customer was told.</param>
/// <param name="Channel">How it was sent.</param>
/// <param name="NextUpdateBy">When the customer was promised the next update, if a promise was made.</param>
/// <param name="SentBy">Who sent it.</param>
/// <param name="SentAt">When.</param>
public sealed record CustomerUpdate(string Message, Channel Channel, DateTimeOffset? NextUpdateBy, Actor SentBy, DateTimeOffset SentAt);
