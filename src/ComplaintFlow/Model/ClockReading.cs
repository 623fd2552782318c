namespace ComplaintFlow;

/// <summary>A clock as an agent's screen shows it: its state and the time left.</summary>
/// <param name="Name">The clock.</param>
/// <param name="Status">Running, paused or stopped.</param>
/// <param name="DueAt">When it is due (while paused: when it would have been).</param>
/// <param name="Remaining">Time left to the deadline, in business time for business-time clocks; zero once passed or stopped.</param>
/// <param name="Warned">True once its warning was recorded.</param>
/// <param name="Breached">True once its deadline passed while running.</param>
/// <param name="Regulatory">True for a regulator's deadline.</param>
public sealed record ClockReading(string Name, ClockStatus Status, DateTimeOffset DueAt, TimeSpan Remaining, bool Warned, bool Breached, bool Regulatory);
