using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.WebApi;

/// <summary>
/// Development only: signs a request in as the user named by the <c>X-Demo-User</c> header or the <c>demo-user</c>
/// cookie, <c>id|name|tier|role,role</c>. It trusts the caller completely, so Program.cs registers it only in the
/// Development environment; a real back office uses its identity provider (cookies, OpenID Connect, JWT bearer).
/// </summary>
public sealed class DemoUserAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "demo-user";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var text = Request.Headers["X-Demo-User"].FirstOrDefault() ?? Request.Cookies["demo-user"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = Uri.UnescapeDataString(text).Split('|');
        var claims = new List<Claim> { new("sub", parts[0]), new("name", parts.Length > 1 ? parts[1] : parts[0]) };
        if (parts.Length > 2 && parts[2].Length > 0)
        {
            claims.Add(new Claim("complaintflow:tier", parts[2]));
        }

        claims.AddRange(parts.Length > 3 ? parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)) : []);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
    }
}
