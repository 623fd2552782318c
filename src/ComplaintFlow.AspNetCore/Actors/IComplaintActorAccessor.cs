using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.AspNetCore;

/// <summary>
/// Finds who is acting in a request. The default reads the signed-in user's claims (<see cref="ActorClaimOptions"/>);
/// register your own to look actors up elsewhere.
/// </summary>
public interface IComplaintActorAccessor
{
    /// <summary>The actor of the request, or null when nobody is signed in (the endpoints answer 401).</summary>
    ValueTask<Actor?> GetActorAsync(HttpContext context, CancellationToken cancellationToken);
}
