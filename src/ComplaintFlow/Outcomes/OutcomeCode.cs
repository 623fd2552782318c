namespace ComplaintFlow.Outcomes;

/// <summary>
/// One entry of an app's taxonomy of products or root causes, with the group a regulator's return reports it under
/// (for example the UK's "Banking and credit cards"; see <see cref="OutcomeTaxonomies"/>).
/// </summary>
/// <param name="Code">The code stored on outcomes (lower-case words joined by hyphens, for example <c>current-account</c>).</param>
/// <param name="Name">A name for people.</param>
/// <param name="ReportingGroup">The regulator's group it is reported under, or <see langword="null"/>.</param>
public sealed record OutcomeCode(string Code, string Name, string? ReportingGroup = null);
