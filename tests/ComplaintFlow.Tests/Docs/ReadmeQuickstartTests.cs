using System.Text.RegularExpressions;
using ComplaintFlow.Process;

namespace ComplaintFlow.Tests.Docs;

public sealed partial class ReadmeQuickstartTests
{
    [Fact]
    public void Readme_QuickstartBlock_IsTheCompiledQuickstart()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));
        var block = QuickstartBlock().Match(readme);
        block.Success.Should().BeTrue("README.md needs a ```csharp block after '<!-- quickstart -->'");
        var source = File.ReadAllLines(RepositoryFiles.PathOf("tests/ComplaintFlow.Tests/Docs/ReadmeQuickstart.cs")).Select(l => l.Trim()).ToList();

        var at = 0;
        foreach (var line in block.Groups["code"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var found = source.IndexOf(line, at);
            found.Should().BeGreaterThanOrEqualTo(0, $"the README line '{line}' must appear, in order, in ReadmeQuickstart.cs");
            at = found + 1;
        }
    }

    [Fact]
    public async Task Quickstart_Runs_AndClosesTheCase()
    {
        // Each run adds a complaint from the same customer to complaints.db; by the third within 90 days the repeat-
        // complainant policy would hand it to a supervisor (PR-20), whom the agent may not then overrule. Start afresh.
        foreach (var file in new[] { "complaints.db", "complaints.db-wal", "complaints.db-shm" })
        {
            File.Delete(file);
        }

        var complaint = await ReadmeQuickstart.RunAsync();

        complaint.Step.Should().Be(StepIds.Closed);
        complaint.Clocks.Should().NotBeEmpty().And.OnlyContain(c => c.Status == ClockStatus.Stopped, "closing stops every clock");
    }

    [GeneratedRegex(@"<!-- quickstart -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickstartBlock();
}
