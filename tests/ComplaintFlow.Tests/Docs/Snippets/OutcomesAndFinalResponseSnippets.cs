// The C# blocks of docs/outcomes-and-final-response.md, compiled. DocsCodeBlockTests checks that every line of every
// block appears here, in order; change the two together.
using ComplaintFlow.Outcomes;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class OutcomesSnippets
{
    public static async Task<ComplaintCase> RecordOutcomeAsync(IComplaintDesk desk, ComplaintCase complaint, Actor agent)
    {
        complaint = await desk.ExecuteAsync(new RecordOutcome
        {
            CaseId = complaint.Id,
            Actor = agent,
            Decision = ComplaintOutcome.PartlyUpheld,
            Reasons = "The second charge was our error; the first was made as your agreement says.",
            Product = "current-account",
            RootCause = "charging-error",
        });
        return complaint;
    }

    public static void Taxonomies(IServiceCollection services)
    {
        services.AddComplaintFlow(options =>
        {
            options.Outcomes.Products.Add(new OutcomeCode("current-account", "Current account", OutcomeTaxonomies.FcaProductGroups[0]));
            options.Outcomes.RootCauses.Add(new OutcomeCode("charging-error", "Charged in error", OutcomeTaxonomies.FcaCauseGroups[2]));
            options.Outcomes.ProductByCategory["bank-charges"] = "current-account";   // an outcome that names no product takes this one
        });
    }

    public static async Task<ComplaintCase> AcceptAsync(IComplaintDesk desk, ComplaintCase complaint, Actor agent)
    {
        complaint = await desk.ExecuteAsync(new AcceptProposal { CaseId = complaint.Id, Actor = agent, ProposalNumber = 2, Outcome = ComplaintOutcome.PartlyUpheld });
        return complaint;
    }

    public static async Task<ComplaintCase> RecordRedressAsync(IComplaintDesk desk, ComplaintCase complaint, Actor agent)
    {
        complaint = await desk.ExecuteAsync(new RecordRedress
        {
            CaseId = complaint.Id,
            Actor = agent,
            Kind = RedressKind.RefundOfLoss,
            Amount = new Money(30m, "GBP"),
            Description = "First part of the refund",
            Reference = "PAY-1",
        });
        complaint = await desk.ExecuteAsync(new RecordRedress
        {
            CaseId = complaint.Id,
            Actor = agent,
            Kind = RedressKind.RemedialAction,                        // done, not paid: no amount
            Description = "Replacement sent instead of the rest of the refund",
            ShortfallReason = "The customer chose a replacement worth the rest.",
        });
        return complaint;
    }

    public static async Task<ComplaintCase> FinalResponseWithoutOfferAsync(IComplaintDesk desk, ComplaintCase complaint, Actor supervisor)
    {
        complaint = await desk.ExecuteAsync(new IssueFinalResponse
        {
            CaseId = complaint.Id,
            Actor = supervisor,
            Decision = ComplaintOutcome.NotUpheld,
            Reasons = "The fee is set out in the agreement you signed, and was charged as it says.",
            Channel = Channel.Letter,
            Reference = "FR-2026-0412",                               // your document id
        });
        return complaint;
    }

    public static async Task<ComplaintCase> FinalResponseWithOfferAsync(IComplaintDesk desk, ComplaintCase complaint, Actor supervisor)
    {
        complaint = await desk.ExecuteAsync(new IssueFinalResponse
        {
            CaseId = complaint.Id,
            Actor = supervisor,
            Decision = ComplaintOutcome.NotUpheld,
            RedressWithoutAcceptance = true,
            Reasons = "The delay was the courier's, not ours, but we will refund the delivery charge.",
            Offer = [new Remedy(RemedyKind.Refund, "Delivery charge refunded", new Money(4.99m, "GBP"))],
            Channel = Channel.Email,
        });
        return complaint;
    }

    public static async Task<ComplaintCase> SummaryResolutionAsync(IComplaintDesk desk, ComplaintCase complaint, Actor agent)
    {
        var summary = await desk.GetLetterAsync(complaint.Id, CommunicationKind.SummaryResolution);
        // fill your own template from summary, send it, then record that it was sent:
        _ = summary;
        complaint = await desk.ExecuteAsync(new RecordCommunication
        {
            CaseId = complaint.Id,
            Actor = agent,
            Kind = CommunicationKind.SummaryResolution,
            Channel = Channel.Email,
            Reference = "SRC-1",
        });
        return complaint;
    }

    public static async Task<ComplaintCase> RefusedCloseAsync(IComplaintDesk desk, ComplaintCase complaint, Actor agent)
    {
        try
        {
            complaint = await desk.ExecuteAsync(new RecordFollowUp { CaseId = complaint.Id, Actor = agent, Satisfied = true, Csat = 4 });
        }
        catch (ActionNotPermittedException refused)
        {
            // "Case ... is in step 'follow-up', but 'record-follow-up' needs: a delay letter, as no final response was sent by the end of eight weeks (FCA DISP 1.6.2). ..."
            Console.WriteLine(string.Join("; ", refused.UnmetRequirements));
        }

        return complaint;
    }

    public static async Task LetterAsync(IComplaintDesk desk, ComplaintCase complaint)
    {
        var letter = await desk.GetLetterAsync(complaint.Id, CommunicationKind.FinalResponse);
        Console.WriteLine($"{letter.Outcome!.Decision}: {letter.Outcome.Reasons}");
        Console.WriteLine(string.Join(", ", letter.Offer.Select(r => r.Description)));   // empty when nothing is offered
        Console.WriteLine(letter.ReferralText);                                          // in the customer's language
        Console.WriteLine(string.Join(", ", letter.Required));                           // what the preset requires it to carry
    }

    public static CfpbResponseType? CfpbType(ComplaintCase complaint, TimeProvider timeProvider)
    {
        var type = CfpbResponses.TypeOf(complaint, timeProvider.GetUtcNow());   // null while nothing is due yet
        return type;
    }
}
