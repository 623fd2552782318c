using System.Text.RegularExpressions;

namespace ComplaintFlow.Tests.Docs;

/// <summary>
/// Every C# block in docs/ is compiled: its lines must appear, in order, in the snippet file of the same name under
/// Docs/Snippets (docs/getting-started.md: GettingStartedSnippets.cs), which this project builds.
/// </summary>
public sealed partial class DocsCodeBlockTests
{
    public static TheoryData<string> Guides() => [.. Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Guides))]
    public void EveryCSharpBlock_IsInTheCompiledSnippets(string guide)
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf(Path.Combine("docs", guide)));
        var blocks = CSharpBlock().Matches(text);
        if (blocks.Count == 0)
        {
            return;
        }

        var snippetFile = RepositoryFiles.PathOf(Path.Combine("tests", "ComplaintFlow.Tests", "Docs", "Snippets", SnippetName(guide)));
        File.Exists(snippetFile).Should().BeTrue($"{guide} has C# blocks, so {snippetFile} must compile them");
        var source = File.ReadAllLines(snippetFile).Select(l => l.Trim()).ToList();
        foreach (Match block in blocks)
        {
            var at = 0;
            foreach (var line in block.Groups["code"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var found = source.FindIndex(at, l => l.Contains(line, StringComparison.Ordinal));
                found.Should().BeGreaterThanOrEqualTo(0, $"the line '{line}' of {guide} must appear, in order, in {Path.GetFileName(snippetFile)}");
                at = found + 1;
            }
        }
    }

    [Fact]
    public void SnippetName_FollowsTheGuidesName() => SnippetName("time-and-deadlines.md").Should().Be("TimeAndDeadlinesSnippets.cs");

    private static string SnippetName(string guide) =>
        string.Concat(Path.GetFileNameWithoutExtension(guide).Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Snippets.cs";

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
