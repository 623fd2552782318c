namespace ComplaintFlow;

/// <summary>
/// The base of every error ComplaintFlow reports for a refused command or unreadable data.
/// A command that throws one of these changed nothing.
/// </summary>
public abstract class ComplaintFlowException : Exception
{
    /// <summary>Creates the exception with a message that says what went wrong and what to do.</summary>
    protected ComplaintFlowException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
