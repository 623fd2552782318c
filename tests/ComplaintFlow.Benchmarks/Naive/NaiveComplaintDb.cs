using Microsoft.EntityFrameworkCore;

namespace ComplaintFlow.Benchmarks.Naive;

/// <summary>
/// The naive alternative a team might write instead of ComplaintFlow: an EF Core context over SQLite with a complaint
/// row and an event row per change, a fresh context per command.
/// </summary>
public sealed class NaiveComplaintDb(DbContextOptions<NaiveComplaintDb> options) : DbContext(options)
{
    public DbSet<NaiveComplaint> Complaints => Set<NaiveComplaint>();

    public DbSet<NaiveEvent> Events => Set<NaiveEvent>();
}

public sealed class NaiveComplaint
{
    public required string Id { get; set; }

    public required string State { get; set; }

    public required string Severity { get; set; }

    public required string CustomerRef { get; set; }

    public string? OwnerId { get; set; }

    public required string Document { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class NaiveEvent
{
    public long Id { get; set; }

    public required string ComplaintId { get; set; }

    public long Sequence { get; set; }

    public required string Type { get; set; }

    public required string Data { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}
