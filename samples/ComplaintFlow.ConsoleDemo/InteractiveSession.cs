using ComplaintFlow.Storage;
using Spectre.Console;

namespace ComplaintFlow.ConsoleDemo;

/// <summary>The interactive demo: a menu over the desk. A refused command is explained and the menu comes back.</summary>
internal sealed class InteractiveSession(Demo demo, IAnsiConsole console)
{
    private Actor _actor = Cast.Agent;

    private IComplaintDesk Desk => demo.Desk;

    public async Task RunAsync()
    {
        while (true)
        {
            console.WriteLine();
            var choice = console.Prompt(new SelectionPrompt<string>()
                .Title($"Acting as [bold]{Markup.Escape(_actor.DisplayName)}[/]; simulated time {demo.Clock.GetUtcNow():ddd dd MMM HH:mm} UTC. What next?")
                .AddChoices("List cases", "Open a complaint", "Take an action on a case", "Show a case's history", "Show a case's clocks",
                    "Show the process diagram", "Show the report", "Advance the clock", "Switch who I am", "Run the scripted stories", "Quit"));
            try
            {
                switch (choice)
                {
                    case "List cases": CaseView.List(console, await OpenCasesAsync(), demo.Clock.GetUtcNow()); break;
                    case "Open a complaint": await OpenAsync(); break;
                    case "Take an action on a case": await ActAsync(); break;
                    case "Show a case's history": await HistoryAsync(); break;
                    case "Show a case's clocks": await ClocksAsync(); break;
                    case "Show the process diagram": console.WriteLine(Desk.Process.ToMermaid()); break;
                    case "Show the report": await ReportView.ShowAsync(console, demo.Reports, demo.SessionPeriod); break;
                    case "Advance the clock": await AdvanceAsync(); break;
                    case "Switch who I am": _actor = console.Prompt(new SelectionPrompt<Actor>().Title("Who are you?").UseConverter(a => a.DisplayName).AddChoices(Cast.Everyone)); break;
                    case "Run the scripted stories": await new ScriptedStories(demo, console).RunAllAsync(); break;
                    default: return;
                }
            }
            catch (ComplaintFlowException refused)
            {
                console.MarkupLine($"[red]Not done:[/] {Markup.Escape(refused.Message)}");
            }
#pragma warning disable CA1031 // A demo at a prompt explains and carries on; it never ends in a stack trace.
            catch (Exception unexpected) when (unexpected is not OperationCanceledException)
#pragma warning restore CA1031
            {
                console.MarkupLine($"[red]Something went wrong:[/] {Markup.Escape(unexpected.Message)} (the case is unchanged; try again)");
            }
        }
    }

    private async Task<IReadOnlyList<ComplaintCase>> OpenCasesAsync() => (await Desk.QueryAsync(new ComplaintQuery { Limit = 50 })).Cases;

    private async Task OpenAsync()
    {
        var customer = console.Prompt(new TextPrompt<string>("Customer reference:").Validate(s => !string.IsNullOrWhiteSpace(s), "A customer reference is needed."));
        var summary = console.Prompt(new TextPrompt<string>("What is the complaint about?").Validate(s => !string.IsNullOrWhiteSpace(s), "Say what the complaint is about."));
        var channel = console.Prompt(new SelectionPrompt<Channel>().Title("How did it arrive?").AddChoices(Enum.GetValues<Channel>()));
        var c = await Desk.OpenAsync(new OpenComplaint { CustomerRef = customer, Summary = summary, Channel = channel, Actor = _actor });
        console.MarkupLine($"Opened; it is at [bold]{c.Step}[/].");
    }

    private async Task<ComplaintCase?> PickCaseAsync()
    {
        var cases = await OpenCasesAsync();
        if (cases.Count == 0)
        {
            console.MarkupLine("[grey]No open cases; open one first.[/]");
            return null;
        }

        return console.Prompt(new SelectionPrompt<ComplaintCase>().Title("Which case?").UseConverter(c => Markup.Escape($"{c.CustomerRef}: {c.Summary} ({c.Step})")).AddChoices(cases));
    }

    private async Task ActAsync()
    {
        if (await PickCaseAsync() is not { } c)
        {
            return;
        }

        var guidance = await Desk.GetGuidanceAsync(c.Id);
        console.Write(new Panel(string.Join('\n', guidance.Checklist.Select(item => "• " + Markup.Escape(item))))
            .Header($"{Markup.Escape(guidance.Title)} ({string.Join(", ", guidance.Practices)})"));
        var permitted = await Desk.GetPermittedActionsAsync(c.Id, _actor);
        var supported = permitted.Where(ActionPrompts.Supports).ToList();
        if (supported.Count == 0)
        {
            console.MarkupLine("[grey]Nothing this demo can prompt for is permitted here for you.[/]");
            return;
        }

        var action = console.Prompt(new SelectionPrompt<string>().Title("Which action?").AddChoices(supported));
        while (true)
        {
            try
            {
                c = await Desk.ExecuteAsync(ActionPrompts.Ask(console, action, c, _actor));
                console.MarkupLine($"Done; the case is at [bold]{c.Step}[/], tier {c.Tier}, version {c.Version}.");
                return;
            }
            catch (ComplaintValidationException invalid)
            {
                console.MarkupLine($"[red]{Markup.Escape(invalid.Message)}[/] Try again.");
            }
        }
    }

    private async Task HistoryAsync()
    {
        if (await PickCaseAsync() is { } c)
        {
            CaseView.Timeline(console, await Desk.GetAsync(c.Id), await Desk.GetHistoryAsync(c.Id));
        }
    }

    private async Task ClocksAsync()
    {
        if (await PickCaseAsync() is { } c)
        {
            CaseView.Clocks(console, await Desk.GetClocksAsync(c.Id));
        }
    }

    private async Task AdvanceAsync()
    {
        var hours = console.Prompt(new TextPrompt<int>("Advance by how many hours?").ValidationErrorMessage("[red]Please type a whole number of hours, such as 24.[/]").Validate(h => h is > 0 and <= 24 * 60, "Between 1 hour and 60 days, please."));
        await demo.AdvanceAsync(TimeSpan.FromHours(hours));
        console.MarkupLine("Clock advanced; due warnings and breaches were recorded (alerts above, if any).");
    }
}
