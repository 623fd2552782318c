using ComplaintFlow.Events;
using Spectre.Console;

namespace ComplaintFlow.ConsoleDemo;

/// <summary>The demo's event handler: shows what an app would tell people when an escalation or breach happens.</summary>
internal sealed class NotificationPrinter(IAnsiConsole console) : IComplaintEventHandler
{
    public ValueTask HandleAsync(ComplaintEvent complaintEvent, ComplaintCase complaint, CancellationToken cancellationToken)
    {
        switch (complaintEvent.Data)
        {
            case ComplaintEscalated escalated:
                console.MarkupLine($"  [yellow]notify[/] {Markup.Escape(escalated.ToTier)}: {Markup.Escape(escalated.Reason)}");
                console.MarkupLine($"  [yellow]tell the customer[/]: {Markup.Escape(escalated.CustomerExplanation)}");
                break;
            case ClockBreached breached:
                console.MarkupLine($"  [red]alert[/] clock '{Markup.Escape(breached.Name)}' breached on {Markup.Escape(complaint.CustomerRef)}'s case");
                break;
        }

        return ValueTask.CompletedTask;
    }
}
