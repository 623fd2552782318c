using System.Collections.Immutable;
using ComplaintFlow.Process;

namespace ComplaintFlow.Tests.Support;

/// <summary>Moves a case through the default process the way a careful agent would.</summary>
internal static class CaseDriver
{
    public static Remedy Credit(decimal amount, string currency = "GBP") => new(RemedyKind.Credit, "Account credit for the delay", new Money(amount, currency));

    public static async Task<ComplaintCase> DriveToAsync(this IComplaintDesk desk, ComplaintCase complaint, string step, Actor? actor = null)
    {
        var agent = actor ?? Actors.Agent;
        var c = complaint;
        while (c.Step != step)
        {
            c = c.Step switch
            {
                StepIds.Acknowledge => await desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = agent, Owner = agent }),
                StepIds.Listen => await ListenAsync(desk, c, agent),
                StepIds.Validate => await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = agent }),
                StepIds.SeekResolution => await ProposeAsync(desk, c, agent),
                StepIds.GainAgreement => await desk.ExecuteAsync(new AcceptProposal { CaseId = c.Id, Actor = agent, ProposalNumber = c.LatestProposal!.Number }),
                StepIds.Fulfil => await desk.ExecuteAsync(new RecordFulfilment { CaseId = c.Id, Actor = agent, Description = "Credited GBP 20.00", Reference = "CR-1" }),
                StepIds.FollowUp => await desk.ExecuteAsync(new RecordFollowUp { CaseId = c.Id, Actor = agent, Satisfied = true, Csat = 5 }),
                "investigate" => await desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = agent, StepId = "investigate", Input = new Process.Findings("Courier lost it", true) }),
                "approve" => await desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = Actors.Manager, StepId = "approve", Input = new Process.Approval("Within policy") }),
                Process.AwaitEvidenceStep.Id => await desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = agent, StepId = Process.AwaitEvidenceStep.Id, Input = new Process.Evidence("Photos of the box") }),
                Process.LegalReviewStep.Id => await desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = new Actor("l-001", "Jo Counsel", null) { Roles = [Process.LegalReviewStep.Role] }, StepId = Process.LegalReviewStep.Id, Input = new Process.LegalOpinion("LF-1") }),
                _ => throw new InvalidOperationException($"The driver cannot leave step '{c.Step}' towards '{step}'."),
            };
        }

        return c;
    }

    private static async Task<ComplaintCase> ListenAsync(IComplaintDesk desk, ComplaintCase c, Actor agent)
    {
        if (c.Statements.IsEmpty)
        {
            c = await desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = agent, Text = "It came two weeks late and I missed my sister's birthday." });
        }

        return await desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = agent, Text = "Your parcel came two weeks late and you missed the event it was for." });
    }

    private static async Task<ComplaintCase> ProposeAsync(IComplaintDesk desk, ComplaintCase c, Actor agent)
    {
        if (c.DesiredOutcome is null)
        {
            c = await desk.ExecuteAsync(new CaptureDesiredOutcome { CaseId = c.Id, Actor = agent, Kind = RemedyKind.Credit, Details = "Some money back for the wait." });
        }

        return await desk.ExecuteAsync(new ProposeResolution
        {
            CaseId = c.Id,
            Actor = agent,
            Remedies = ImmutableArray.Create(Credit(20m)),
            Explanation = "A credit to make up for the late delivery.",
        });
    }
}
