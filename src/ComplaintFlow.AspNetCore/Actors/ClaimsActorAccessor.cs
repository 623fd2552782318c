using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.AspNetCore;

/// <summary>The actor from the signed-in user's claims, by <see cref="ActorClaimOptions"/>.</summary>
internal sealed class ClaimsActorAccessor(IOptions<ComplaintFlowWebOptions> options) : IComplaintActorAccessor
{
    public ValueTask<Actor?> GetActorAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.User;
        var claims = options.Value.Claims;
        if (user.Identity?.IsAuthenticated != true || First(user, claims.Id) is not { } id)
        {
            return ValueTask.FromResult<Actor?>(null);
        }

        var roles = claims.Roles.SelectMany(type => user.FindAll(type)).Select(c => c.Value).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal);
        return ValueTask.FromResult<Actor?>(new Actor(id, First(user, claims.Name) ?? id, First(user, claims.Tier))
        {
            Team = First(user, claims.Team),
            Roles = [.. roles],
        });
    }

    private static string? First(ClaimsPrincipal user, IEnumerable<string> types) =>
        types.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
