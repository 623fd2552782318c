namespace ComplaintFlow;

/// <summary>
/// The store itself failed: the database cannot be reached, is locked past its timeout, is full, or is not a database
/// of the expected kind. The message names the store and the cause; <see cref="Exception.InnerException"/> holds the
/// provider's exception. Nothing the command would have changed was saved.
/// </summary>
/// <remarks>
/// When <see cref="IsTransient"/> is true the same call may well succeed later (retry with an idempotency key, so a
/// command whose commit was in doubt is not applied twice). When false, an operator must fix something first.
/// </remarks>
public sealed class ComplaintStoreException : ComplaintFlowException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="store">The store's name, for example <c>SQLite</c>.</param>
    /// <param name="cause">What went wrong, in a sentence that says what to check.</param>
    /// <param name="isTransient">Whether retrying later may succeed.</param>
    /// <param name="innerException">The provider's exception.</param>
    public ComplaintStoreException(string store, string cause, bool isTransient, Exception? innerException = null)
        : base($"The {store} store failed: {cause}", innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        Store = store;
        Cause = cause;
        IsTransient = isTransient;
    }

    /// <summary>The store's name, for example <c>SQLite</c> or <c>PostgreSQL</c>.</summary>
    public string Store { get; }

    /// <summary>What went wrong.</summary>
    public string Cause { get; }

    /// <summary>True when retrying later may succeed (a lock, a lost connection, a full disk an operator can clear).</summary>
    public bool IsTransient { get; }
}
