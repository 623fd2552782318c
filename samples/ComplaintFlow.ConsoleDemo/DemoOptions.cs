namespace ComplaintFlow.ConsoleDemo;

/// <summary>The command line: where cases live and whether to prompt.</summary>
internal sealed record DemoOptions(string? DatabasePath, bool InMemory, bool Script, bool ShowTelemetry)
{
    public const string Usage = """
        usage: dotnet run --project samples/ComplaintFlow.ConsoleDemo [-- options]
          --db PATH      keep cases in this SQLite file (default: complaints.db in the working folder)
          --in-memory    keep cases in memory only; nothing is written to disk
          --script       run the scripted complaint stories without prompts (the default when input is not a terminal)
          --telemetry    print ComplaintFlow's metrics at the end
          --help         show this text
        """;

    /// <summary>Parses the arguments; returns null with a message when they make no sense.</summary>
    public static (DemoOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? db = null;
        bool inMemory = false, script = false, telemetry = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    db = args[++i];
                    break;
                case "--db":
                    return (null, "--db needs a file path, for example --db complaints.db");
                case "--in-memory":
                    inMemory = true;
                    break;
                case "--script":
                    script = true;
                    break;
                case "--telemetry":
                    telemetry = true;
                    break;
                case "--help" or "-h":
                    return (null, null);
                default:
                    return (null, $"unknown option '{args[i]}'");
            }
        }

        return db is not null && inMemory
            ? (null, "choose either --db or --in-memory, not both")
            : (new DemoOptions(db ?? "complaints.db", inMemory, script, telemetry), null);
    }
}
