using ComplaintFlow;
using ComplaintFlow.Events;
using ComplaintFlow.Policies;
using ComplaintFlow.Process;
using ComplaintFlow.Steps;
using ComplaintFlow.Storage;
using ComplaintFlow.Time;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses ComplaintFlow's process, store, handlers and hooks. Returned by <c>AddComplaintFlow</c>.</summary>
public sealed class ComplaintFlowBuilder
{
    internal ComplaintFlowBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for extension methods such as a store's <c>UseSqlite</c>.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Runs this process definition instead of the default.</summary>
    public ComplaintFlowBuilder UseProcess(ComplaintProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        Services.Replace(ServiceDescriptor.Singleton(process));
        return this;
    }

    /// <summary>Builds the process from the default one: insert, replace or remove steps, change guidance.</summary>
    /// <exception cref="ComplaintProcessDefinitionException">The result breaks the process invariants.</exception>
    public ComplaintFlowBuilder ConfigureProcess(Action<ComplaintProcessBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = ComplaintProcess.CreateBuilder();
        configure(builder);
        return UseProcess(builder.Build());
    }

    /// <summary>
    /// Adds a handler for every saved event. Events reach handlers through the outbox: at least once, after commit, in
    /// each case's order, retried when a handler throws. Adding the same type twice registers it once.
    /// </summary>
    public ComplaintFlowBuilder AddEventHandler<THandler>()
        where THandler : class, IComplaintEventHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IComplaintEventHandler, THandler>());
        return this;
    }

    /// <summary>
    /// Adds an escalation policy that runs after every change (PR-11). Adding the same type twice registers it once.
    /// Ties between equally senior targets go as <see cref="EscalationOptions.TieBreakOrder"/> says.
    /// </summary>
    public ComplaintFlowBuilder AddEscalationPolicy<TPolicy>()
        where TPolicy : class, IEscalationPolicy
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEscalationPolicy, TPolicy>());
        return this;
    }

    /// <summary>
    /// Adds a configured escalation policy instance, for example one of two instances of a class with different
    /// settings. Each registered policy needs a <see cref="IEscalationPolicy.Name"/> of its own.
    /// </summary>
    public ComplaintFlowBuilder AddEscalationPolicy(IEscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Services.AddSingleton(policy);
        return this;
    }

    /// <summary>Adds an escalation policy built from the app's services when the desk is first resolved.</summary>
    public ComplaintFlowBuilder AddEscalationPolicy(Func<IServiceProvider, IEscalationPolicy> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Uses the app's own customer-facing texts for the built-in escalation policies (PR-11), for example in other languages.</summary>
    public ComplaintFlowBuilder UseCustomerExplanations<TExplanations>()
        where TExplanations : class, ICustomerExplanations
    {
        Services.Replace(ServiceDescriptor.Singleton<ICustomerExplanations, TExplanations>());
        return this;
    }

    /// <summary>Adds an authorization rule that every command must pass, after the built-in tier rules.</summary>
    public ComplaintFlowBuilder AddAuthorizationPolicy<TPolicy>()
        where TPolicy : class, IComplaintAuthorizationPolicy
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IComplaintAuthorizationPolicy, TPolicy>());
        return this;
    }

    /// <summary>
    /// Runs the <see cref="DeadlineWorker"/> as a hosted service, recording clock warnings and breaches as they fall due.
    /// </summary>
    public ComplaintFlowBuilder AddDeadlineWorker(Action<DeadlineWorkerOptions>? configure = null)
    {
        var options = Services.AddOptions<DeadlineWorkerOptions>().ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<DeadlineWorkerOptions>, DeadlineWorkerOptionsValidator>());
        if (configure is not null)
        {
            options.Configure(configure);
        }

        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, DeadlineWorker>());
        Services.TryAddSingleton<DeadlineWorker>(sp => sp.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DeadlineWorker>().First());
        return this;
    }

    /// <summary>
    /// Runs the <see cref="ComplaintFlow.Outbox.OutboxWorker"/> as a hosted service, which retries failed event deliveries and delivers
    /// whatever an earlier process committed but did not deliver. Settings live in <see cref="ComplaintFlowOptions.Outbox"/>.
    /// </summary>
    public ComplaintFlowBuilder AddOutboxWorker()
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, ComplaintFlow.Outbox.OutboxWorker>());
        return this;
    }

    /// <summary>Uses the app's feasibility check before any proposal is recorded (PR-07).</summary>
    public ComplaintFlowBuilder UseFeasibilityCheck<TCheck>()
        where TCheck : class, IRemedyFeasibilityCheck
    {
        Services.Replace(ServiceDescriptor.Singleton<IRemedyFeasibilityCheck, TCheck>());
        return this;
    }

    /// <summary>Uses the app's playbook for step guidance (PR-18).</summary>
    public ComplaintFlowBuilder UsePlaybook<TPlaybook>()
        where TPlaybook : class, IComplaintPlaybook
    {
        Services.Replace(ServiceDescriptor.Singleton<IComplaintPlaybook, TPlaybook>());
        return this;
    }

    /// <summary>Uses a store other than the in-memory default.</summary>
    public ComplaintFlowBuilder UseStore(Func<IServiceProvider, IComplaintStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }

    /// <summary>
    /// Wraps the store chosen so far (call it after <c>UseSqlite</c>, <c>UsePostgreSql</c> or <see cref="UseStore"/>; a
    /// store chosen afterwards replaces the decorated one, decorators and all) in the app's decorator, for logging,
    /// metrics, retries or a cache. The wrapped store is created and disposed as it would be undecorated, and the
    /// decorator is a singleton, like every store. Return the wrapped store from the decorator's
    /// <see cref="IComplaintStore.Decorated"/> and hand it every change as it came, so the report tables of a SQL store
    /// stay up to date; report queries read those tables directly, not through the decorator. Calls stack: the last one
    /// wraps the others.
    /// </summary>
    /// <param name="decorate">Builds the decorator around the wrapped store.</param>
    /// <exception cref="InvalidOperationException">
    /// No store is registered, or the registered store is not a singleton. When the store is first resolved: the
    /// decorator returned <see langword="null"/>, or it wraps a store that keeps report tables without declaring it
    /// through <see cref="IComplaintStore.Decorated"/> (its saves would leave the tables behind).
    /// </exception>
    public ComplaintFlowBuilder DecorateStore(Func<IComplaintStore, IServiceProvider, IComplaintStore> decorate)
    {
        ArgumentNullException.ThrowIfNull(decorate);
        var wrapped = Services.LastOrDefault(d => d.ServiceType == typeof(IComplaintStore) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("No store is registered to decorate; call AddComplaintFlow() first.");
        if (wrapped.Lifetime != ServiceLifetime.Singleton)
        {
            throw new InvalidOperationException($"The registered store is {wrapped.Lifetime}; ComplaintFlow's desk keeps one store for its life, so register it as a singleton (UseStore does).");
        }

        // The wrapped store moves to a key of its own, so the container still makes it as before and disposes what it made.
        var key = new object();
        Services.Remove(wrapped);
        Services.Add(wrapped.ImplementationInstance is { } instance ? new ServiceDescriptor(typeof(IComplaintStore), key, instance)
            : wrapped.ImplementationFactory is { } factory ? new ServiceDescriptor(typeof(IComplaintStore), key, (provider, _) => factory(provider), ServiceLifetime.Singleton)
            : new ServiceDescriptor(typeof(IComplaintStore), key, wrapped.ImplementationType!, ServiceLifetime.Singleton));
        Services.AddSingleton(provider => Decorated(provider.GetRequiredKeyedService<IComplaintStore>(key), provider, decorate));
        return this;
    }

    private static IComplaintStore Decorated(IComplaintStore inner, IServiceProvider provider, Func<IComplaintStore, IServiceProvider, IComplaintStore> decorate)
    {
        var decorator = decorate(inner, provider)
            ?? throw new InvalidOperationException("The store decorator returned null; return a store that wraps the one it was given.");
        if (StoreChain.ReportsOf(inner) is { } tables && !ReferenceEquals(StoreChain.ReportsOf(decorator), tables))
        {
            throw new InvalidOperationException(
                $"The store decorator {decorator.GetType().Name} wraps a store that keeps report tables but does not say so: return the wrapped store from IComplaintStore.Decorated, or its saves will leave the report tables behind.");
        }

        return decorator;
    }

    /// <summary>Keeps cases in process memory: fast and thread-safe, but gone when the process ends. The default.</summary>
    public ComplaintFlowBuilder UseInMemoryStore()
    {
        Services.Replace(ServiceDescriptor.Singleton<IComplaintStore, InMemoryComplaintStore>());
        return this;
    }
}
