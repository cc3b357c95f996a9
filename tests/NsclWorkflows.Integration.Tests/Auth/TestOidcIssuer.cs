using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NsclWorkflows.Integration.Tests.Auth;

/// <summary>
/// A minimal OpenID Connect provider for tests, in process on a free loopback port: discovery, JWKS (one RSA key),
/// an authorize endpoint that approves <see cref="User"/> without asking and redirects back with a one-time code, a
/// token endpoint that checks the code, client secret, redirect URI and PKCE (S256) and answers an RS256 id token,
/// and an end-session endpoint. It checks what a real provider checks, so the host's real handlers must do it right.
/// </summary>
public sealed class TestOidcIssuer : IAsyncLifetime
{
    public const string ClientId = "nscl-standalone";
    public const string ClientSecret = "test-only-client-secret";

    readonly RSA rsa = RSA.Create(2048);
    readonly ConcurrentDictionary<string, Grant> grants = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<string> log = new();
    WebApplication? app;
    RsaSecurityKey? key;

    /// <summary>The claims of the user the authorize endpoint signs in next (set by the test before signing in).</summary>
    public IDictionary<string, object> User { get; set; } = new Dictionary<string, object>();

    public string Authority { get; private set; } = string.Empty;

    /// <summary>What the endpoints saw and did, in order (e.g. "authorize pkce=S256", "token ok", "end-session").</summary>
    public IReadOnlyCollection<string> Log => log;

    public async Task InitializeAsync()
    {
        key = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["end_session_endpoint"] = $"{Authority}/end-session",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["scopes_supported"] = new[] { "openid", "profile" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", TokenAsync);
        app.MapGet("/end-session", EndSession);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Authority = address.TrimEnd('/');
    }

    IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"]) || string.IsNullOrEmpty(q["nonce"]))
        {
            return Error("invalid_request");
        }

        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Error("invalid_request: PKCE (S256) is required");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        grants[code] = new Grant(q["redirect_uri"]!, q["code_challenge"]!, q["nonce"]!, new Dictionary<string, object>(User));
        log.Enqueue($"authorize pkce={q["code_challenge_method"]} scope={q["scope"]}");
        var separator = q["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{q["redirect_uri"]}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"].ToString())}&iss={Uri.EscapeDataString(Authority)}");
    }

    async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (form["grant_type"] != "authorization_code" || clientId != ClientId || secret != ClientSecret)
        {
            log.Enqueue("token refused: client");
            return Error("invalid_client");
        }

        if (!grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri)
        {
            log.Enqueue("token refused: code");
            return Error("invalid_grant");
        }

        var verifier = form["code_verifier"].ToString();
        if (verifier.Length < 43 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge)
        {
            log.Enqueue("token refused: pkce");
            return Error("invalid_grant: PKCE verification failed");
        }

        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(grant.User) { ["nonce"] = grant.Nonce };
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        log.Enqueue("token ok");
        return Results.Json(new { access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    IResult EndSession(HttpRequest request)
    {
        var back = request.Query["post_logout_redirect_uri"].ToString();
        log.Enqueue($"end-session hint={(request.Query["id_token_hint"].ToString().Length > 0 ? "yes" : "no")}");
        if (back.Length == 0)
        {
            return Results.Text("signed out");
        }

        var state = request.Query["state"].ToString();
        return Results.Redirect(state.Length == 0 ? back : $"{back}{(back.Contains('?', StringComparison.Ordinal) ? '&' : '?')}state={Uri.EscapeDataString(state)}");
    }

    static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    static IResult Error(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        rsa.Dispose();
    }

    sealed record Grant(string RedirectUri, string CodeChallenge, string Nonce, IDictionary<string, object> User);
}
