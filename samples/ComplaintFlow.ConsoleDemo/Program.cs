using ComplaintFlow.ConsoleDemo;
using Spectre.Console;

var (options, error) = DemoOptions.Parse(args);
if (options is null)
{
    if (error is not null)
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine(DemoOptions.Usage);
    return error is null ? 0 : 2;
}

var console = AnsiConsole.Console;
using var telemetry = options.ShowTelemetry ? new TelemetryPrinter() : null;
using var demo = new Demo(options, console);
console.MarkupLine($"[bold]ComplaintFlow demo[/]: cases are kept {Markup.Escape(demo.StoreDescription)}.");
try
{
    if (options.Script || Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
    {
        var told = await new ScriptedStories(demo, console).RunAllAsync();
        console.MarkupLine($"[green]{told} stories told.[/]");
    }
    else
    {
        await new InteractiveSession(demo, console).RunAsync();
    }
}
catch (ComplaintFlow.ComplaintFlowException exception)
{
    // Only reachable if a story itself is wrong; the interactive session handles refusals at its prompts.
    console.MarkupLine($"[red]ComplaintFlow refused: {Markup.Escape(exception.Message)}[/]");
    return 1;
}

telemetry?.Print(console);
return 0;
