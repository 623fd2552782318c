using ComplaintFlow.ConsoleDemo;
using Spectre.Console.Testing;

namespace ComplaintFlow.Samples.Tests;

/// <summary>The demo's interactive mode, driven key by key through Spectre.Console's test console.</summary>
public sealed class InteractiveSessionTests : IDisposable
{
    private const int OpenComplaint = 1;
    private const int TakeAnAction = 2;
    private const int ShowHistory = 3;
    private const int ShowClocks = 4;
    private const int ShowReport = 6;
    private const int AdvanceTheClock = 7;
    private const int Quit = 10;

    private readonly TestConsole _console = new TestConsole().Interactive();
    private readonly Demo _demo;

    public InteractiveSessionTests()
    {
        _console.Profile.Width = 160;
        _demo = new Demo(new DemoOptions(null, InMemory: true, Script: false, ShowTelemetry: false), _console);
    }

    [Fact]
    public async Task ACaseOpenedActedOnAndLeftToRun_WithBadAnswersRetried_NeverShowsAStackTrace()
    {
        Choose(OpenComplaint);
        _console.Input.PushTextWithEnter("   ");                 // blank: asked again
        _console.Input.PushTextWithEnter("cust-1");
        _console.Input.PushTextWithEnter("Parcel two weeks late");
        _console.Input.PushKey(ConsoleKey.Enter);                // the first channel

        Choose(TakeAnAction);
        _console.Input.PushKey(ConsoleKey.Enter);                // the only case
        _console.Input.PushKey(ConsoleKey.Enter);                // the first permitted action: acknowledge
        _console.Input.PushTextWithEnter("Sorry; I will look after this myself.");

        Choose(AdvanceTheClock);
        _console.Input.PushTextWithEnter("soon");                // not a number: asked again
        _console.Input.PushTextWithEnter("0");                   // out of range: asked again
        _console.Input.PushTextWithEnter("200");

        Choose(ShowClocks);
        _console.Input.PushKey(ConsoleKey.Enter);
        Choose(ShowHistory);
        _console.Input.PushKey(ConsoleKey.Enter);
        Choose(ShowReport);
        Choose(Quit);

        await new InteractiveSession(_demo, _console).RunAsync();

        var output = _console.Output;
        output.Should().Contain("Opened; it is at acknowledge.");
        output.Should().Contain("cust-1: Parcel two weeks late", "the blank reference was asked for again, not stored");
        output.Should().Contain("Acknowledge").And.Contain("PR-01", "the step's guidance and practices are shown before acting (PR-18)");
        output.Should().Contain("Done; the case is at listen");
        output.Should().Contain("Please type a whole number of hours, such as 24.");
        output.Should().Contain("Between 1 hour and 60 days, please.");
        output.Should().Contain("Acknowledged, with an owner named", "the history shows the timeline");
        output.Should().Contain("customer-update", "the clocks table lists the running clocks");
        output.Should().Contain("Received / acknowledged / resolved").And.Contain("1 / 1 / 0", "the report counts the one case, received and acknowledged in the session (PR-21)");
        output.Should().Contain("CSAT: follow-ups by score").And.Contain("FCA return");
        output.Should().NotContain("Exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task ACaseWhoseSummaryHoldsSquareBrackets_CanStillBeChosen()
    {
        // The case picker read the reference and summary as console markup: "[7]" and "[urgent]" were taken for styles
        // and vanished from the choice ("cust-:  refund").
        Choose(OpenComplaint);
        _console.Input.PushTextWithEnter("cust-[7]");
        _console.Input.PushTextWithEnter("[urgent] refund");
        _console.Input.PushKey(ConsoleKey.Enter);
        Choose(ShowHistory);
        _console.Input.PushKey(ConsoleKey.Enter);
        Choose(Quit);

        await new InteractiveSession(_demo, _console).RunAsync();

        _console.Output.Should().Contain("> cust-[7]: [urgent] refund (acknowledge)").And.NotContain("Something went wrong");
    }

    public void Dispose()
    {
        _demo.Dispose();
        _console.Dispose();
    }

    private void Choose(int menuItem)
    {
        for (var i = 0; i < menuItem; i++)
        {
            _console.Input.PushKey(ConsoleKey.DownArrow);
        }

        _console.Input.PushKey(ConsoleKey.Enter);
    }
}
