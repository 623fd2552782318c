namespace ComplaintFlow;

/// <summary>A process definition breaks one of the process's invariants; the message says which and how to fix it.</summary>
public sealed class ComplaintProcessDefinitionException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public ComplaintProcessDefinitionException(string message)
        : base(message)
    {
    }
}
