using ComplaintFlow.Process;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplaintFlow.CustomPolicies;

/// <summary>Registers the house rules on top of ComplaintFlow's defaults, in one call an app makes at start-up.</summary>
public static class HouseRules
{
    /// <summary>Adds the investigate step, the product-safety policy and the notification handler.</summary>
    public static ComplaintFlowBuilder AddHouseRules(this ComplaintFlowBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<INotificationChannel, ConsoleNotificationChannel>();
        return builder
            .ConfigureProcess(process => process.Named("house").InsertAfter(StepIds.Validate, new InvestigateStep()))
            .AddEscalationPolicy<ProductSafetyPolicy>()
            .AddEventHandler<NotificationHandler>();
    }
}
