namespace ComplaintFlow.Testing;

/// <summary>A check of <see cref="HistoryAssert"/> failed; the message says what was expected and what the history holds.</summary>
public sealed class ComplaintAssertionException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public ComplaintAssertionException(string message)
        : base(message)
    {
    }
}
