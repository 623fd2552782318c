using System.Text.RegularExpressions;
using ComplaintFlow.Process;

namespace ComplaintFlow.Tests.Docs;

/// <summary>docs/process.md embeds the diagram generated from the default process; this keeps them equal.</summary>
public sealed partial class ProcessDiagramDocTests
{
    private const string UpdateVariable = "COMPLAINTFLOW_UPDATE_DOCS";

    [Fact]
    public void ProcessDoc_EmbedsTheGeneratedMermaidDiagram()
    {
        var path = RepositoryFiles.PathOf("docs/process.md");
        var doc = File.ReadAllText(path);
        var generated = ComplaintProcess.Default.ToMermaid();

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            doc = DiagramBlock().Replace(doc, m => m.Groups["start"].Value + generated + m.Groups["end"].Value);
            File.WriteAllText(path, doc);
        }

        var block = DiagramBlock().Match(doc);
        block.Success.Should().BeTrue("docs/process.md needs a ```mermaid block between the process-diagram markers");
        block.Groups["diagram"].Value.Should().Be(generated, $"the diagram must match the code; run the tests with {UpdateVariable}=1 to regenerate it");
    }

    [Fact]
    public void ToDot_DescribesEveryStepAndTransition()
    {
        var dot = ComplaintProcess.Default.ToDot();

        foreach (var step in ComplaintProcess.Default.StepIds)
        {
            dot.Should().Contain($"\"{step}\"");
        }

        dot.Should().StartWith("digraph ComplaintProcess {").And.Contain("\"listen\" -> \"validate\" [label=\"submit-paraphrase [at least one statement");
    }

    [GeneratedRegex(@"(?<start><!-- process-diagram:start -->\n```mermaid\n)(?<diagram>.*?)(?<end>```\n<!-- process-diagram:end -->)", RegexOptions.Singleline)]
    private static partial Regex DiagramBlock();
}
