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

using var telemetry = options.ShowTelemetry ? new TelemetryPrinter() : null;
using var demo = new Demo(options);
AnsiConsole.MarkupLine($"[bold]ComplaintFlow demo[/]: cases are kept {Markup.Escape(demo.StoreDescription)}.");
try
{
    if (options.Script || Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
    {
        var told = await new ScriptedStories(demo).RunAllAsync();
        AnsiConsole.MarkupLine($"[green]{told} stories told.[/]");
    }
    else
    {
        await new InteractiveSession(demo).RunAsync();
    }
}
catch (ComplaintFlow.ComplaintFlowException exception)
{
    // Only reachable if a story itself is wrong; the interactive session handles refusals at its prompts.
    AnsiConsole.MarkupLine($"[red]ComplaintFlow refused: {Markup.Escape(exception.Message)}[/]");
    return 1;
}

telemetry?.Print();
return 0;
