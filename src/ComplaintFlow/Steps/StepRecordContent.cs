namespace ComplaintFlow.Steps;

/// <summary>What a custom step stores about its completion: a summary and text fields.</summary>
/// <param name="Summary">One line for timelines, for example "Courier confirmed the parcel was lost".</param>
/// <param name="Data">The step's fields as text, stored on the case and in the history.</param>
public sealed record StepRecordContent(string Summary, IReadOnlyDictionary<string, string> Data);
