namespace ComplaintFlow;

/// <summary>A field of a command is invalid. The message names the field and says why.</summary>
public sealed class ComplaintValidationException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    public ComplaintValidationException(string field, string reason)
        : base($"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>The field at fault, as a path such as <c>Remedies[0].Amount</c>.</summary>
    public string Field { get; }

    /// <summary>Why the value was refused.</summary>
    public string Reason { get; }
}
