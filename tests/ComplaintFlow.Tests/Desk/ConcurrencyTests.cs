using ComplaintFlow.Tests.Support;

namespace ComplaintFlow.Tests.Desk;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ExecuteAsync_ThousandParallelCommandsOnOneCase_EachAppliesOnceOrConflicts()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        const int commands = 1_000;
        using var start = new ManualResetEventSlim();

        var outcomes = Enumerable.Range(0, commands).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                var result = await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.Agent, Text = $"note {i}" });
                return (Index: i, Applied: true, result.Version);
            }
            catch (ComplaintConcurrencyException)
            {
                return (Index: i, Applied: false, Version: 0L);
            }
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(outcomes);

        var applied = results.Where(r => r.Applied).ToArray();
        applied.Should().NotBeEmpty();
        var stored = await t.Desk.GetAsync(c.Id);
        var history = await t.Desk.GetHistoryAsync(c.Id);

        // Every applied command is in the history exactly once; nothing else is.
        stored.Notes.Select(n => n.Text).Should().BeEquivalentTo(applied.Select(a => $"note {a.Index}"));
        history.Select(e => e.Data).OfType<Events.NoteAdded>().Select(n => n.Text).Should().BeEquivalentTo(applied.Select(a => $"note {a.Index}"));
        applied.Select(a => a.Version).Should().OnlyHaveUniqueItems();

        // No gaps, no duplicates, and the version counts the events.
        history.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count).Select(i => (long)i));
        stored.Version.Should().Be(history.Count).And.Be(c.Version + applied.Length);
        t.Handled.Events.Should().HaveCount(history.Count);
    }

    [Fact]
    public async Task ExecuteAsync_ExpectedVersionBehind_IsRefused()
    {
        using var t = new TestDesk();
        var c = await t.OpenAsync();
        await t.Desk.ExecuteAsync(new AddNote { CaseId = c.Id, Actor = Actors.OtherAgent, Text = "meanwhile" });

        var act = () => t.Desk.ExecuteAsync(new SetSeverity { CaseId = c.Id, Actor = Actors.Agent, Severity = Severity.High, ExpectedVersion = c.Version }).AsTask();

        var error = (await act.Should().ThrowAsync<ComplaintConcurrencyException>()).Which;
        error.ExpectedVersion.Should().Be(c.Version);
        error.ActualVersion.Should().Be(c.Version + 1);
    }
}
