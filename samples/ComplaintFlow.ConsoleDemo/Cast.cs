namespace ComplaintFlow.ConsoleDemo;

/// <summary>The people in the demo, one for each default tier.</summary>
internal static class Cast
{
    public static readonly Actor Agent = new("a-001", "Sam (agent)", "agent");
    public static readonly Actor Supervisor = new("s-001", "Pat (supervisor)", "supervisor");
    public static readonly Actor Manager = new("m-001", "Lee (manager)", "manager");

    public static IReadOnlyList<Actor> Everyone { get; } = [Agent, Supervisor, Manager];
}
