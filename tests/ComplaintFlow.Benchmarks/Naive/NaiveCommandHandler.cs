using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stateless;

namespace ComplaintFlow.Benchmarks.Naive;

/// <summary>
/// One command the naive way: a new context, load the row, build the Stateless machine for it, fire, change the row,
/// add an event row, <c>SaveChanges</c>.
/// </summary>
public sealed class NaiveCommandHandler(DbContextOptions<NaiveComplaintDb> options)
{
    public async Task SetSeverityAsync(string id, string severity)
    {
        await using var db = new NaiveComplaintDb(options);
        var row = await db.Complaints.SingleAsync(c => c.Id == id);
        var machine = Build(row);
        machine.Fire("set-severity");
        row.Severity = severity;
        row.Version++;
        row.UpdatedAt = DateTimeOffset.UnixEpoch.AddSeconds(row.Version);
        db.Events.Add(new NaiveEvent
        {
            ComplaintId = id,
            Sequence = row.Version,
            Type = "SeverityChanged",
            Data = JsonSerializer.Serialize(new Dictionary<string, string> { ["severity"] = severity, ["by"] = "a-1" }),
            OccurredAt = row.UpdatedAt,
        });
        await db.SaveChangesAsync();
    }

    private static StateMachine<string, string> Build(NaiveComplaint row)
    {
        var machine = new StateMachine<string, string>(() => row.State, s => row.State = s);
        machine.Configure("open").Permit("withdraw", "withdrawn").InternalTransition("note", _ => { }).InternalTransition("set-severity", _ => { });
        machine.Configure("acknowledge").SubstateOf("open").Permit("acknowledge", "listen");
        machine.Configure("listen").SubstateOf("open").Permit("submit", "validate");
        machine.Configure("validate").SubstateOf("open").Permit("confirm", "seek-resolution").Permit("correct", "listen");
        machine.Configure("seek-resolution").SubstateOf("open").Permit("propose", "gain-agreement");
        machine.Configure("gain-agreement").SubstateOf("open").Permit("accept", "fulfil").Permit("reject", "seek-resolution");
        machine.Configure("fulfil").SubstateOf("open").Permit("fulfil", "follow-up");
        machine.Configure("follow-up").SubstateOf("open").Permit("satisfied", "closed").Permit("waive", "closed");
        machine.Configure("closed").Permit("reopen", "acknowledge");
        return machine;
    }
}
