using ComplaintFlow;
using ComplaintFlow.Outbox;
using ComplaintFlow.Policies;
using ComplaintFlow.Policies.BuiltIn;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ComplaintFlow in a service collection.</summary>
public static class ComplaintFlowServiceCollectionExtensions
{
    /// <summary>
    /// Adds ComplaintFlow with the default process, the in-memory store, the system clock and the built-in escalation
    /// policies, unless the app already registered its own. Safe to call more than once; each call may add configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to <see cref="ComplaintFlowOptions"/>.</param>
    /// <returns>A builder to choose the process, store, handlers and hooks.</returns>
    public static ComplaintFlowBuilder AddComplaintFlow(this IServiceCollection services, Action<ComplaintFlowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // No logging registrations here: ComplaintFlow's services take the app's ILoggerFactory when there is one and
        // log nowhere otherwise. Registering ILogger<> (even with TryAdd) would replace every logger of an app that
        // calls AddLogging afterwards.

        var options = services.AddOptions<ComplaintFlowOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintFlowOptions>, ComplaintFlowOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ComplaintProcess.Default);
        services.TryAddSingleton<IComplaintStore, InMemoryComplaintStore>();
        services.TryAddSingleton<IRemedyFeasibilityCheck, AlwaysFeasible>();
        services.TryAddSingleton<IComplaintPlaybook, ProcessPlaybook>();
        services.TryAddSingleton<ComplaintFlow.Reports.IComplaintReports, ComplaintFlow.Reports.ComplaintReports>();
        services.TryAddSingleton<ICustomerExplanations>(BuiltInCustomerExplanations.Instance);
        services.TryAddSingleton(sp => new ComplaintCommandFactory(sp.GetRequiredService<ComplaintProcess>()));

        // The built-in escalation policies, in the order they run; each is switched off through options.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEscalationPolicy, RemedyBeyondAuthorityPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEscalationPolicy, RepeatedRejectionsPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEscalationPolicy, ManagerRequestedPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEscalationPolicy, SeriousCasePolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEscalationPolicy, RepeatComplainantPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEscalationPolicy, ClockBreachPolicy>());
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<IComplaintOutbox>(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.TryAddSingleton<IComplaintDesk, ComplaintDesk>();
        return new ComplaintFlowBuilder(services);
    }
}
