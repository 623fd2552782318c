namespace ComplaintFlow.Outcomes;

/// <summary>One communication sent to the customer: what, how, when, by whom, and the app's reference to its letter.</summary>
/// <param name="Kind">What it was.</param>
/// <param name="Channel">How it was sent.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="SentBy">Who sent it.</param>
/// <param name="Reference">The app's reference to the letter or message, for example a document id.</param>
/// <param name="Round">The case's round when it was sent: 0 until the first reopening (see <see cref="ComplaintCase.ReopenCount"/>).</param>
public sealed record CustomerCommunication(CommunicationKind Kind, Channel Channel, DateTimeOffset SentAt, Actor SentBy, string? Reference, int Round);
