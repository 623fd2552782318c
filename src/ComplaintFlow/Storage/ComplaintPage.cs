namespace ComplaintFlow.Storage;

/// <summary>
/// One page of a <see cref="ComplaintQuery"/>: the matching cases that could be read, the ones that could not, and where
/// the next page starts. An unreadable case never hides the others: it is reported here, and only operations on that
/// case itself fail.
/// </summary>
/// <param name="Cases">The readable matching cases, in id order.</param>
/// <param name="Unreadable">Matching rows whose stored data cannot be used, with the reason, in id order.</param>
/// <param name="Next">
/// When the page is full, the id to pass as <see cref="ComplaintQuery.After"/> for the next page; <see langword="null"/>
/// when this was the last page.
/// </param>
public sealed record ComplaintPage(IReadOnlyList<ComplaintCase> Cases, IReadOnlyList<UnreadableCase> Unreadable, ComplaintId? Next)
{
    /// <summary>A page with nothing on it.</summary>
    public static ComplaintPage Empty { get; } = new([], [], null);
}
