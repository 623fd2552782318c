namespace ComplaintFlow;

/// <summary>
/// The base of every error ComplaintFlow reports: a refused command, unreadable data, or a failed store. A command that
/// throws one of these saved nothing.
/// </summary>
public abstract class ComplaintFlowException : Exception
{
    /// <summary>Creates the exception with a message that says what went wrong and what to do.</summary>
    protected ComplaintFlowException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
