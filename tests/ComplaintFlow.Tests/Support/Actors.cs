namespace ComplaintFlow.Tests.Support;

/// <summary>The people who act in the tests, one per default tier.</summary>
internal static class Actors
{
    public static readonly Actor Agent = new("a-001", "Sam Agent", "agent");
    public static readonly Actor OtherAgent = new("a-002", "Kim Agent", "agent");
    public static readonly Actor Supervisor = new("s-001", "Pat Supervisor", "supervisor");
    public static readonly Actor Manager = new("m-001", "Lee Manager", "manager");
    public static readonly Actor Specialist = new("x-001", "Ari Specialist", "specialist-team");
}
