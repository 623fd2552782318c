using System.Globalization;

using ComplaintFlow.Process;

namespace ComplaintFlow.Steps;

/// <summary>
/// Supplies the guidance shown to agents for each step (PR-18). Replace it to localise or to use your own words;
/// the default returns the guidance configured on the process.
/// </summary>
public interface IComplaintPlaybook
{
    /// <summary>The guidance for a step of the given process, in the given culture.</summary>
    StepGuidance GetGuidance(ComplaintProcess process, string stepId, CultureInfo culture);
}
