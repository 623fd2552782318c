using System.Globalization;

using ComplaintFlow.Process;

namespace ComplaintFlow.Steps;

/// <summary>The default playbook: the guidance configured on the process, in English.</summary>
internal sealed class ProcessPlaybook : IComplaintPlaybook
{
    public StepGuidance GetGuidance(ComplaintProcess process, string stepId, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.GetGuidance(stepId);
    }
}
