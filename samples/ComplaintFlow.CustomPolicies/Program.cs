using ComplaintFlow;
using ComplaintFlow.CustomPolicies;
using Microsoft.Extensions.DependencyInjection;

// One complaint through the house rules: a toaster that sparked.
var services = new ServiceCollection();
services.AddComplaintFlow().AddHouseRules();
await using var provider = services.BuildServiceProvider();
var desk = provider.GetRequiredService<IComplaintDesk>();
var agent = new Actor("a-3", "Robin", "agent");
var specialist = new Actor("x-1", "Dr Okafor", "specialist-team");

Console.WriteLine("Opening a complaint about a toaster...");
var c = await desk.OpenAsync(new OpenComplaint { CustomerRef = "cust-88", Summary = "Toaster stopped working", Channel = Channel.Phone, Actor = agent });
c = await desk.ExecuteAsync(new AcknowledgeComplaint { CaseId = c.Id, Actor = agent, Owner = agent, Message = "Thank you for calling; I'm sorry it let you down." });
Console.WriteLine("The customer explains what happened...");
c = await desk.ExecuteAsync(new RecordStatement { CaseId = c.Id, Actor = agent, Text = "It sparked and there was a smell of smoke before it died." });
Console.WriteLine($"Now with tier '{c.Tier}', team '{c.Team}'.");

c = await desk.ExecuteAsync(new SubmitParaphrase { CaseId = c.Id, Actor = specialist, Text = "The toaster sparked and smoked, then stopped." });
c = await desk.ExecuteAsync(new ConfirmParaphrase { CaseId = c.Id, Actor = specialist });
Console.WriteLine($"Step: {c.Step}. Guidance: {(await desk.GetGuidanceAsync(c.Id)).Purpose}");
c = await desk.ExecuteAsync(new CompleteStep { CaseId = c.Id, Actor = specialist, StepId = InvestigateStep.StepId, Input = new Findings("A batch of heating elements from one supplier was faulty.", SupplierAtFault: true) });
Console.WriteLine($"Step: {c.Step}.");
return 0;
