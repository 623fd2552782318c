// The C# blocks of docs/testing.md, compiled. DocsCodeBlockTests checks that every line of every block appears here,
// in order; change the two together.
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets.Testing;

internal sealed class VipPolicy : IEscalationPolicy
{
    public string Name => "vip";

    public ValueTask<EscalationRequest?> EvaluateAsync(EscalationContext context, CancellationToken cancellationToken) => ValueTask.FromResult<EscalationRequest?>(null);
}

internal static class TestingSnippets
{
    public static async Task StoryAsync(Actor agent)
    {
        await using var desk = ComplaintFlowTestDesk.InMemory(flow => flow.AddEscalationPolicy<VipPolicy>());
        var told = await desk.Story("cust-1", "Parcel two weeks late", agent)
            .Acknowledge().Hears("It missed the party.").Paraphrases("So it came two weeks late.").Confirms()
            .Wants(RemedyKind.Refund, "The delivery charge back.")
            .Proposes("We refund the delivery.", new Remedy(RemedyKind.Refund, "Delivery refunded", new Money(4.99m, "GBP")))
            .Accepts().Fulfils("Refund issued").FollowsUp(satisfied: true, csat: 5)
            .RunAsync();
        HistoryAssert.ContainsInOrder(told.History, typeof(ComplaintOpened), typeof(ProposalAccepted), typeof(ComplaintClosed));

        await desk.Clock.AdvanceBusinessDaysAsync(2);                    // Monday 09:00 -> Wednesday 09:00
        await desk.Clock.AdvanceBusinessTimeAsync(TimeSpan.FromHours(2)); // open hours only, on the desk's calendar
    }
}

// A store of the app's own, as far as the contract can tell: the guide's example runs the whole contract on it.
internal sealed class MyStore() : Support.DelegatingStore(new Storage.InMemoryComplaintStore());

public sealed class MyStoreContractTests : ComplaintStoreContract
{
    protected override void UseStore(ComplaintFlowBuilder builder) => builder.UseStore(_ => new MyStore());
}
