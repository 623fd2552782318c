using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplaintFlow.AspNetCore;

/// <summary>Registers what the ComplaintFlow endpoints and dashboard need.</summary>
public static class ComplaintFlowWebServiceCollectionExtensions
{
    /// <summary>
    /// Registers the web options, the default <see cref="IComplaintActorAccessor"/> (claims), problem details,
    /// authorization and antiforgery (the dashboard's forms). Register your own accessor before or after to replace it.
    /// </summary>
    public static IServiceCollection AddComplaintFlowWeb(this IServiceCollection services, Action<ComplaintFlowWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ComplaintFlowWebOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IComplaintActorAccessor, ClaimsActorAccessor>();
        services.AddProblemDetails();
        services.AddAuthorization();
        services.AddAntiforgery();
        return services;
    }
}
