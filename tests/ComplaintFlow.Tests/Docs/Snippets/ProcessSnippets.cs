// The C# block of docs/process.md, compiled. DocsCodeBlockTests checks that every line of it appears here, in order;
// change the two together.
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Tests.Process;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class ProcessSnippets
{
    public static void Configure(IServiceCollection services)
    {
        var process = ComplaintProcess.CreateBuilder()
            .InsertAfter(StepIds.Validate, new InvestigateStep())   // waits for findings before resolving
            .InsertBefore(StepIds.Fulfil, new ApproveStep())        // a manager signs off the agreed remedy
            .AddCompletionRequirement(StepIds.Listen, new StepRequirement("two statements", c => c.Statements.Length >= 2))
            .ConfigureStep(StepIds.Fulfil, facts => facts.PerformedByRoles(["payments"], orTierAtLeast: "supervisor"))
            .Build();
        services.AddComplaintFlow().UseProcess(process);
    }
}
