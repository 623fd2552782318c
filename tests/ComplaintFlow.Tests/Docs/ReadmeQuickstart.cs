// The README's quickstart, compiled and run by ReadmeQuickstartTests. Keep the two identical:
// every line of the README's C# block must appear here, in the same order.
#pragma warning disable IDE0005 // The README shows this using; inside this namespace it is redundant.
using ComplaintFlow;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs;

internal static class ReadmeQuickstart
{
    public static async Task<ComplaintCase> RunAsync()
    {
        var services = new ServiceCollection();
        services.AddComplaintFlow().UseSqlite("Data Source=complaints.db");
        await using var provider = services.BuildServiceProvider();
        var desk = provider.GetRequiredService<IComplaintDesk>();

        var agent = new Actor("a-17", "Sam Taylor", "agent");
        var complaint = await desk.OpenAsync(new OpenComplaint
        {
            CustomerRef = "cust-1042",
            Summary = "Parcel arrived two weeks late",
            Channel = Channel.Email,
            Actor = agent,
        });

        complaint = await desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = complaint.Id, Actor = agent, Owner = agent });
        complaint = await desk.ExecuteAsync(new RecordStatement { CaseId = complaint.Id, Actor = agent, Text = "It came after the birthday it was for." });
        complaint = await desk.ExecuteAsync(new SubmitParaphrase { CaseId = complaint.Id, Actor = agent, Text = "The gift arrived too late for the birthday." });
        complaint = await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = complaint.Id, Actor = agent });
        complaint = await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = complaint.Id, Actor = agent, Kind = RemedyKind.Refund, Details = "The delivery charge back." });
        complaint = await desk.ExecuteAsync(new ProposeResolution
        {
            CaseId = complaint.Id,
            Actor = agent,
            Remedies = [new Remedy(RemedyKind.Refund, "Delivery charge refunded", new Money(4.99m, "GBP"))],
            Explanation = "You paid for delivery on time and did not get it.",
        });
        complaint = await desk.ExecuteAsync(new AcceptProposal { CaseId = complaint.Id, Actor = agent, ProposalNumber = 1 });
        complaint = await desk.ExecuteAsync(new RecordFulfilment { CaseId = complaint.Id, Actor = agent, Description = "Refund issued", Reference = "RF-881" });
        complaint = await desk.ExecuteAsync(new RecordFollowUp { CaseId = complaint.Id, Actor = agent, Satisfied = true, Csat = 5 });

        foreach (var entry in await desk.GetHistoryAsync(complaint.Id))
        {
            Console.WriteLine($"{entry.Sequence,2} {entry.Data.GetType().Name,-24} -> {entry.Step}");
        }

        return complaint;
    }
}
