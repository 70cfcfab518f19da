using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Authing.DocsGen.Runtime.Tests.Oidc;

/// <summary>A request the provider received: verb, path, query, headers and the decoded form body.</summary>
public sealed record ProviderRequest(
    string Method, string Path, string Query, Dictionary<string, string> Headers, string? ContentType, Dictionary<string, string> Form, string Body);

/// <summary>
/// A small OpenID Connect provider on a loopback HttpListener, shaped like an Authing application: authorization
/// endpoint (302 to the redirect URI with a code), token endpoint (code + PKCE, refresh, client credentials; three
/// client auth methods), revocation, introspection, userinfo and the JWKS at /{appId}/oidc/.well-known/jwks.json. It
/// issues real RS256, ES256 or HS256 tokens from keys generated per test.
/// </summary>
public sealed class LoopbackOidcProvider : IAsyncDisposable
{
    public const string AppId = "app-123";
    public const string AppSecret = "app-secret-0123456789abcdef0123456789abcdef";
    public const string UserId = "user-42";

    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, bool> _revoked = new();
    private volatile IReadOnlyList<SigningKey> _published;

    public LoopbackOidcProvider()
    {
        RsaKey = SigningKey.Rsa("rsa-1");
        EcKey = SigningKey.Ec("ec-1");
        _published = new[] { RsaKey, EcKey };
        _server = new LoopbackServer(HandleAsync);
    }

    public string BaseUrl => _server.BaseUrl;

    public string Issuer => BaseUrl + "/oidc";

    public SigningKey RsaKey { get; private set; }

    public SigningKey EcKey { get; }

    /// <summary>How the token endpoint signs ID tokens: RS256 (default), ES256 or HS256.</summary>
    public string IdTokenAlgorithm { get; set; } = SecurityAlgorithms.RsaSha256;

    /// <summary>The client auth method the token, revocation and introspection endpoints demand.</summary>
    public string ClientAuthMethod { get; set; } = "client_secret_post";

    /// <summary>When set, the JWKS endpoint answers with this status and a non-JSON body.</summary>
    public int? JwksFailureStatus { get; set; }

    /// <summary>When set, the JWKS endpoint waits this long before answering (cancellation tests).</summary>
    public TimeSpan JwksDelay { get; set; }

    public int JwksRequests => Requests.Count(r => r.Path.EndsWith("/jwks.json", StringComparison.Ordinal));

    public ConcurrentQueue<ProviderRequest> Requests { get; } = new();

    /// <summary>Publishes a new RSA key (the old one is withdrawn) and signs from now on with it.</summary>
    public SigningKey RotateRsaKey(string kid)
    {
        RsaKey = SigningKey.Rsa(kid);
        _published = new[] { RsaKey, EcKey };
        return RsaKey;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>Signs a token with the given claims; <c>iss</c>, <c>aud</c>, <c>iat</c> and <c>exp</c> default to a valid ID token.</summary>
    public string Issue(string algorithm, IDictionary<string, object>? claims = null, SigningKey? key = null, string? secret = null, DateTime? now = null)
    {
        DateTime issuedAt = now ?? DateTime.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = AppId,
            ["sub"] = UserId,
            ["iat"] = EpochTime.GetIntDate(issuedAt),
            ["exp"] = EpochTime.GetIntDate(issuedAt.AddMinutes(10)),
        };
        foreach (KeyValuePair<string, object> claim in claims ?? new Dictionary<string, object>())
        {
            payload[claim.Key] = claim.Value;
        }

        SigningCredentials credentials = algorithm.StartsWith("HS", StringComparison.Ordinal)
            ? new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret ?? AppSecret)), algorithm)
            : new SigningCredentials((key ?? (algorithm.StartsWith("ES", StringComparison.Ordinal) ? EcKey : RsaKey)).PrivateKey, algorithm);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(JsonSerializer.Serialize(payload), credentials);
    }

    /// <summary>A compact JWS assembled by hand: any header, any payload, any signature bytes.</summary>
    public static string Compose(object header, object payload, Func<byte[], byte[]>? sign = null)
    {
        string signingInput = Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload));
        byte[] signature = sign?.Invoke(Encoding.ASCII.GetBytes(signingInput)) ?? Array.Empty<byte>();
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    public static string AtHash(string accessToken)
    {
        byte[] digest = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(digest, 0, 16);
    }

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        HttpListenerRequest request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(stopping);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string? name in request.Headers.AllKeys)
        {
            if (name is not null)
            {
                headers[name] = request.Headers[name] ?? "";
            }
        }

        var form = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true
            ? ParseForm(body)
            : new Dictionary<string, string>();
        string path = request.Url!.AbsolutePath;
        var received = new ProviderRequest(request.HttpMethod, path, request.Url.Query, headers, request.ContentType, form, body);
        Requests.Enqueue(received);

        switch (path)
        {
            case "/oidc/auth":
                Authorize(context, ParseForm(request.Url.Query.TrimStart('?')));
                return;
            case "/oidc/token" or "/oauth/token":
                await TokenAsync(context, received);
                return;
            case "/oidc/token/revocation":
                if (await ClientAuthenticatedAsync(context, received))
                {
                    _revoked[form["token"]] = true;
                    _refreshTokens.TryRemove(form["token"], out _);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }

                return;
            case "/oidc/token/introspection":
                if (await ClientAuthenticatedAsync(context, received))
                {
                    string token = form["token"];
                    bool active = !_revoked.ContainsKey(token) && (_refreshTokens.ContainsKey(token) || IsOurAccessToken(token));
                    await LoopbackServer.WriteAsync(context, 200, active
                        ? JsonSerializer.Serialize(new { active = true, sub = UserId, client_id = AppId, scope = "openid profile", token_type = "Bearer", exp = EpochTime.GetIntDate(DateTime.UtcNow.AddMinutes(10)) })
                        : "{\"active\":false}");
                }

                return;
            case "/oidc/me" or "/oauth/me":
                string? bearer = headers.TryGetValue("authorization", out string? a) && a.StartsWith("Bearer ", StringComparison.Ordinal) ? a[7..]
                    : ParseForm(request.Url.Query.TrimStart('?')).GetValueOrDefault("access_token") ?? form.GetValueOrDefault("access_token");
                if (bearer is null || _revoked.ContainsKey(bearer) || !IsOurAccessToken(bearer))
                {
                    context.Response.AddHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    await LoopbackServer.WriteAsync(context, 401, "{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid or has expired\"}");
                    return;
                }

                await LoopbackServer.WriteAsync(context, 200, JsonSerializer.Serialize(new { sub = UserId, name = "Ada Lovelace", email = "ada@example.com", email_verified = true }));
                return;
            case "/" + AppId + "/oidc/.well-known/jwks.json":
                if (JwksDelay > TimeSpan.Zero)
                {
                    await Task.Delay(JwksDelay, stopping);
                }

                if (JwksFailureStatus is int failure)
                {
                    await LoopbackServer.WriteAsync(context, failure, "upstream unavailable");
                    return;
                }

                await LoopbackServer.WriteAsync(context, 200, "{\"keys\":[" + string.Join(",", _published.Select(k => k.PublicJwk)) + "]}");
                return;
            default:
                await LoopbackServer.WriteAsync(context, 404, "{\"statusCode\":404,\"message\":\"not found\"}");
                return;
        }
    }

    private void Authorize(HttpListenerContext context, Dictionary<string, string> query)
    {
        string code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new PendingCode(
            query["client_id"], query["redirect_uri"], query.GetValueOrDefault("nonce"),
            query.GetValueOrDefault("code_challenge"), query.GetValueOrDefault("code_challenge_method"), query.GetValueOrDefault("scope") ?? "");
        context.Response.StatusCode = 302;
        context.Response.RedirectLocation = query["redirect_uri"] + "?code=" + code + "&state=" + Uri.EscapeDataString(query["state"]);
        context.Response.Close();
    }

    private async Task TokenAsync(HttpListenerContext context, ProviderRequest request)
    {
        if (!await ClientAuthenticatedAsync(context, request))
        {
            return;
        }

        Dictionary<string, string> form = request.Form;
        switch (form.GetValueOrDefault("grant_type"))
        {
            case "authorization_code":
                if (!_codes.TryRemove(form.GetValueOrDefault("code") ?? "", out PendingCode? pending)
                    || pending.RedirectUri != form.GetValueOrDefault("redirect_uri"))
                {
                    await OAuthErrorAsync(context, 400, "invalid_grant", "The authorization code is invalid or has expired");
                    return;
                }

                string? verifier = form.GetValueOrDefault("code_verifier");
                string? expected = pending.Challenge is null ? null
                    : pending.ChallengeMethod == "S256" ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier ?? "")))
                    : verifier;
                if (pending.Challenge is not null && expected != pending.Challenge)
                {
                    await OAuthErrorAsync(context, 400, "invalid_grant", "PKCE verification failed");
                    return;
                }

                await LoopbackServer.WriteAsync(context, 200, IssueTokenSet(pending.Nonce, pending.Scope.Contains("offline_access", StringComparison.Ordinal)));
                return;
            case "refresh_token":
                if (!_refreshTokens.TryRemove(form.GetValueOrDefault("refresh_token") ?? "", out _))
                {
                    await OAuthErrorAsync(context, 400, "invalid_grant", "The refresh token is invalid");
                    return;
                }

                await LoopbackServer.WriteAsync(context, 200, IssueTokenSet(nonce: null, withRefreshToken: true));
                return;
            case "client_credentials":
                string accessToken = Issue(SecurityAlgorithms.RsaSha256, new Dictionary<string, object> { ["sub"] = AppId, ["scope"] = form.GetValueOrDefault("scope") ?? "" });
                await LoopbackServer.WriteAsync(context, 200, JsonSerializer.Serialize(new { access_token = accessToken, token_type = "Bearer", expires_in = 600, scope = form.GetValueOrDefault("scope") }));
                return;
            default:
                await OAuthErrorAsync(context, 400, "unsupported_grant_type", "grant_type is not supported");
                return;
        }
    }

    private string IssueTokenSet(string? nonce, bool withRefreshToken)
    {
        string accessToken = Issue(SecurityAlgorithms.RsaSha256, new Dictionary<string, object> { ["scope"] = "openid profile", ["jti"] = Guid.NewGuid().ToString("N") });
        var idClaims = new Dictionary<string, object> { ["at_hash"] = AtHash(accessToken), ["name"] = "Ada Lovelace" };
        if (nonce is not null)
        {
            idClaims["nonce"] = nonce;
        }

        string idToken = Issue(IdTokenAlgorithm, idClaims);
        string? refreshToken = null;
        if (withRefreshToken)
        {
            refreshToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _refreshTokens[refreshToken] = true;
        }

        return JsonSerializer.Serialize(new { access_token = accessToken, id_token = idToken, refresh_token = refreshToken, token_type = "Bearer", expires_in = "600", scope = "openid profile" });
    }

    private bool IsOurAccessToken(string token)
    {
        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.Issuer == Issuer;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task<bool> ClientAuthenticatedAsync(HttpListenerContext context, ProviderRequest request)
    {
        bool ok = ClientAuthMethod switch
        {
            "client_secret_basic" => request.Headers.GetValueOrDefault("authorization") == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId + ":" + AppSecret))
                && !request.Form.ContainsKey("client_secret"),
            "none" => request.Form.GetValueOrDefault("client_id") == AppId && !request.Form.ContainsKey("client_secret") && !request.Headers.ContainsKey("authorization"),
            _ => request.Form.GetValueOrDefault("client_id") == AppId && request.Form.GetValueOrDefault("client_secret") == AppSecret && !request.Headers.ContainsKey("authorization"),
        };
        if (!ok)
        {
            await OAuthErrorAsync(context, 401, "invalid_client", "Client authentication failed");
        }

        return ok;
    }

    private static Task OAuthErrorAsync(HttpListenerContext context, int status, string error, string description) =>
        LoopbackServer.WriteAsync(context, status, JsonSerializer.Serialize(new { error, error_description = description }));

    public static Dictionary<string, string> ParseForm(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            string value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            fields.Add(name, value);
        }

        return fields;
    }

    private sealed record PendingCode(string ClientId, string RedirectUri, string? Nonce, string? Challenge, string? ChallengeMethod, string Scope);
}

/// <summary>A signing key generated for one test, with its public JWK.</summary>
public sealed class SigningKey
{
    private SigningKey(SecurityKey privateKey, string publicJwk, byte[] publicKeyDer, string publicKeyPem)
    {
        PrivateKey = privateKey;
        PublicJwk = publicJwk;
        PublicKeyDer = publicKeyDer;
        PublicKeyPem = publicKeyPem;
    }

    public SecurityKey PrivateKey { get; }

    public string PublicJwk { get; }

    /// <summary>The SubjectPublicKeyInfo bytes, what an algorithm-confusion attacker would use as an HMAC secret.</summary>
    public byte[] PublicKeyDer { get; }

    public string PublicKeyPem { get; }

    public static SigningKey Rsa(string kid)
    {
        var rsa = RSA.Create(2048);
        RSAParameters p = rsa.ExportParameters(false);
        string jwk = JsonSerializer.Serialize(new { kty = "RSA", kid, use = "sig", alg = "RS256", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) });
        return new SigningKey(new RsaSecurityKey(rsa) { KeyId = kid }, jwk, rsa.ExportSubjectPublicKeyInfo(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    public static SigningKey Ec(string kid)
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters p = ec.ExportParameters(false);
        string jwk = JsonSerializer.Serialize(new { kty = "EC", kid, use = "sig", crv = "P-256", x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) });
        return new SigningKey(new ECDsaSecurityKey(ec) { KeyId = kid }, jwk, ec.ExportSubjectPublicKeyInfo(), ec.ExportSubjectPublicKeyInfoPem());
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
