using ComplaintFlow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Stores.Tests;

/// <summary>The README's first command, the console demo, run as a newcomer runs it: a real process on a real SQLite file.</summary>
public sealed class ConsoleDemoTests
{
    [Fact]
    public async Task ScriptMode_WithoutATerminal_TellsAllSevenStoriesIntoTheSqliteFile_AndExitsZero()
    {
        var folder = Directory.CreateTempSubdirectory("complaintflow-demo-").FullName;
        try
        {
            var (exitCode, output, errors) = await RunDemoAsync(folder, "--telemetry");

            exitCode.Should().Be(0, "the demo must work on the first try; stderr: {0}", errors);
            output.Should().Contain("7 stories told").And.Contain("complaints.db");
            output.Should().Contain("alert clock 'acknowledge' breached", "the unacknowledged complaint breaches its clock (PR-01)");
            output.Should().Contain("complaintflow.commands", "--telemetry prints the meter's totals");
            output.Should().Contain("Report:").And.Contain("CSAT: follow-ups by score").And.Contain("Service level").And.Contain("FCA return",
                "the stories end with the session's report, its charts and the FCA return (PR-20, PR-21)");
            output.Should().NotContain("Exception");

            // Every story left its case in the file the README promises, in the state the story ends in.
            using var provider = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={Path.Combine(folder, "complaints.db")}").Services.BuildServiceProvider();
            var cases = (await provider.GetRequiredService<IComplaintStore>().QueryAsync(new ComplaintQuery { OpenOnly = false })).Cases;
            cases.Select(c => (Name(c.CustomerRef), c.Step, c.Tier)).Should().BeEquivalentTo(new[]
            {
                ("cust-late", "closed", "agent"),
                ("cust-kettle", "follow-up", "agent"),
                ("cust-sofa", "follow-up", "supervisor"),
                ("cust-wifi", "listen", "supervisor"), // reopened; its progress-update clock breaches while story 7's days pass
                ("cust-quiet", "acknowledge", "supervisor"),
                ("cust-neighbour", "withdrawn", "agent"),
                ("cust-fee", "closed", "supervisor"),
            });
            var notUpheld = cases.Single(c => Name(c.CustomerRef) == "cust-fee");
            notUpheld.Outcome!.Decision.Should().Be(ComplaintFlow.Outcomes.ComplaintOutcome.NotUpheld, "the seventh story ends with a final response");
            notUpheld.Communications.Should().Contain(m => m.Kind == ComplaintFlow.Outcomes.CommunicationKind.FinalResponse);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ScriptMode_RunThreeTimesOnTheSameFile_TellsEveryStoryEachTime()
    {
        // A newcomer runs the README's first command again and again; each run's customers are its own, so the third run
        // does not meet the repeat-complainant rule and start every case escalated.
        var folder = Directory.CreateTempSubdirectory("complaintflow-demo-").FullName;
        try
        {
            for (var run = 1; run <= 3; run++)
            {
                var (exitCode, output, errors) = await RunDemoAsync(folder);
                exitCode.Should().Be(0, "run {0} must work too; stdout: {1} stderr: {2}", run, output, errors);
                output.Should().Contain("7 stories told");
            }

            using var provider = new ServiceCollection().AddComplaintFlow().UseSqlite($"Data Source={Path.Combine(folder, "complaints.db")}").Services.BuildServiceProvider();
            (await provider.GetRequiredService<IComplaintStore>().QueryAsync(new ComplaintQuery { OpenOnly = false })).Cases.Should().HaveCount(21);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A demo customer's name without the run's tag (cust-late-3f9a is cust-late).</summary>
    private static string Name(string customerRef) => customerRef[..customerRef.LastIndexOf('-')];

    [Theory]
    [InlineData("--db", "needs a file path")]
    [InlineData("--colour", "unknown option '--colour'")]
    public async Task BadArguments_ExplainTheProblem_WithoutAStackTrace(string argument, string message)
    {
        var folder = Directory.CreateTempSubdirectory("complaintflow-demo-").FullName;
        try
        {
            var (exitCode, _, errors) = await RunDemoAsync(folder, argument);

            exitCode.Should().Be(2);
            errors.Should().Contain(message).And.Contain("usage:").And.NotContain("   at ");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunDemoAsync(string workingFolder, params string[] arguments)
    {
        var start = BuiltProgram.StartInfo("samples/ComplaintFlow.ConsoleDemo", arguments);
        start.WorkingDirectory = workingFolder;
        start.RedirectStandardInput = true;
        using var demo = System.Diagnostics.Process.Start(start)!;
        demo.StandardInput.Close();
        var output = demo.StandardOutput.ReadToEndAsync();
        var errors = demo.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await demo.WaitForExitAsync(timeout.Token);
        return (demo.ExitCode, await output, await errors);
    }
}
