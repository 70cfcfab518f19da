using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Authing.Sdk.Runtime;
using Microsoft.Extensions.Logging;

namespace Authing.Sdk.Oidc;

/// <summary>
/// OpenID Connect / OAuth 2.0 sign-in against an Authing application (WIRE.md §3.3): authorize and logout URLs with
/// <c>state</c>, <c>nonce</c> and PKCE; the token endpoint (authorization code, refresh token, client credentials);
/// revocation, introspection and userinfo; ID- and access-token validation against the application's JWKS or secret.
/// </summary>
/// <remarks>
/// <para>
/// Get one from the generated client (<c>authenticationClient.Oidc</c>), which shares its <see cref="HttpClient"/>,
/// timeout, logging and handlers (retries, telemetry), or create one over an <see cref="HttpClient"/>. Thread-safe.
/// </para>
/// <para>
/// The application authenticates on the token, revocation and introspection endpoints with
/// <see cref="AuthenticationClientOptions.TokenEndpointAuthMethod"/>: <c>client_secret_post</c> (id and secret in the
/// form), <c>client_secret_basic</c> (<c>authorization: Basic</c>) or <c>none</c> (only <c>client_id</c>, with PKCE).
/// These requests never carry the user token set with <c>SetAccessToken</c>.
/// </para>
/// <para>
/// Failures: an OAuth error answer throws <see cref="AuthingOAuthException"/> (<c>error</c>, <c>error_description</c>);
/// transport failures throw <see cref="AuthingApiException"/> as every other call; a token that fails a check throws
/// <see cref="AuthingOidcValidationException"/>.
/// </para>
/// </remarks>
public class AuthingOidcClient
{
    private readonly AuthenticationTransport? _transport;
    private readonly AuthingOidcOptions _options = new();
    private readonly string _prefix = "/oidc";
    private readonly OidcTokenValidator? _validator;

    /// <summary>Creates a client over an <see cref="HttpClient"/> you manage, which it does not dispose.</summary>
    /// <param name="httpClient">The client to send requests with, e.g. from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The application (id, secret, host, token endpoint auth method) and <see cref="AuthenticationClientOptions.Oidc"/>; validated here.</param>
    /// <param name="logger">Receives one entry per request; never headers, bodies or secrets.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public AuthingOidcClient(HttpClient httpClient, AuthenticationClientOptions options, ILogger? logger = null)
        : this(new AuthenticationTransport(httpClient, options, logger))
    {
    }

    /// <summary>For mocking frameworks only: a client created this way cannot send requests.</summary>
    protected AuthingOidcClient()
    {
    }

    internal AuthingOidcClient(AuthenticationTransport transport)
    {
        _transport = transport;
        _options = transport.OidcOptions;
        _prefix = _options.Protocol == AuthingProtocol.OAuth ? "/oauth" : "/oidc";
        Issuer = _options.Issuer ?? transport.BaseUrl + "/oidc";
        _validator = new OidcTokenValidator(new JwksCache(transport, _options), _options, Issuer, transport.AppId, transport.AppSecret);
    }

    /// <summary>The issuer tokens must carry: <see cref="AuthingOidcOptions.Issuer"/>, else <c>{AppHost}/oidc</c>.</summary>
    public string Issuer { get; } = string.Empty;

    private AuthenticationTransport Transport =>
        _transport ?? throw new InvalidOperationException("This AuthingOidcClient was created for mocking and cannot send requests.");

    private OidcTokenValidator Validator => _validator ?? throw new InvalidOperationException("This AuthingOidcClient was created for mocking.");

    /// <summary>
    /// Builds the URL of the authorization endpoint (<c>/oidc/auth</c> or <c>/oauth/auth</c>) to redirect the browser to,
    /// with fresh random <c>state</c>, <c>nonce</c> and PKCE verifier unless the request gives them.
    /// </summary>
    /// <param name="request">What to ask for; the options supply the rest.</param>
    /// <returns>The URL and the values to keep until the callback.</returns>
    /// <exception cref="ArgumentException">No redirect URI, an invalid code verifier, or a parameter set twice.</exception>
    public virtual AuthorizeUrl BuildAuthorizeUrl(AuthorizeUrlRequest? request = null)
    {
        request ??= new AuthorizeUrlRequest();
        AuthenticationTransport transport = Transport;
        string redirectUri = request.RedirectUri ?? _options.RedirectUri
            ?? throw new ArgumentException("A redirect URI is required: set AuthorizeUrlRequest.RedirectUri or AuthenticationClientOptions.Oidc.RedirectUri.", nameof(request));
        string scope = request.Scope ?? _options.Scope;
        string state = request.State ?? OidcText.NewRandomValue();
        string? nonce = _options.Protocol == AuthingProtocol.Oidc ? request.Nonce ?? OidcText.NewRandomValue() : null;
        string? verifier = null;
        string? challenge = null;
        if (request.Pkce != PkceMethod.None)
        {
            verifier = request.CodeVerifier ?? OidcText.NewRandomValue();
            if (!OidcText.IsValidCodeVerifier(verifier))
            {
                throw new ArgumentException("The PKCE code verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~' (RFC 7636 §4.1).", nameof(request));
            }

            challenge = request.Pkce == PkceMethod.S256 ? OidcText.S256Challenge(verifier) : verifier;
        }

        var query = new List<KeyValuePair<string, string?>>
        {
            new("client_id", transport.AppId),
            new("redirect_uri", redirectUri),
            new("response_type", request.ResponseType),
            new("response_mode", request.ResponseMode),
            new("scope", scope),
            new("state", state),
            new("nonce", nonce),
            new("code_challenge", challenge),
            new("code_challenge_method", challenge is null ? null : request.Pkce == PkceMethod.S256 ? "S256" : "plain"),
            new("prompt", request.Prompt ?? (OidcText.HasScope(scope, "offline_access") ? "consent" : null)),
            new("login_hint", request.LoginHint),
            new("ui_locales", request.UiLocales),
        };
        AddExtra(query, request.AdditionalParameters);
        Uri url = BuildUrl(transport.BaseUrl + _prefix + "/auth", query);
        return new AuthorizeUrl(url, state, nonce, verifier, redirectUri);
    }

    /// <summary>
    /// Builds the logout URL: <c>/oidc/session/end</c> with <c>id_token_hint</c> and <c>post_logout_redirect_uri</c>
    /// (OIDC), or <c>/login/profile/logout?redirect_uri=</c> (OAuth).
    /// </summary>
    /// <param name="request">The ID token and where to go afterwards; the options supply the latter when not given.</param>
    /// <returns>The URL to redirect the browser to.</returns>
    public virtual Uri BuildLogoutUrl(LogoutUrlRequest? request = null)
    {
        request ??= new LogoutUrlRequest();
        AuthenticationTransport transport = Transport;
        string? redirect = request.PostLogoutRedirectUri ?? _options.LogoutRedirectUri;
        if (_options.Protocol == AuthingProtocol.OAuth)
        {
            return BuildUrl(transport.BaseUrl + "/login/profile/logout", new List<KeyValuePair<string, string?>> { new("redirect_uri", redirect) });
        }

        return BuildUrl(
            transport.BaseUrl + "/oidc/session/end",
            new List<KeyValuePair<string, string?>>
            {
                new("id_token_hint", request.IdTokenHint),
                new("post_logout_redirect_uri", redirect),
                new("state", request.State),
            });
    }

    /// <summary>
    /// Completes the authorization code flow on the callback: checks the returned <c>state</c> against the one sent,
    /// exchanges the code (with the PKCE verifier), and for OIDC validates the ID token (signature, issuer, audience,
    /// lifetime, nonce, <c>at_hash</c>).
    /// </summary>
    /// <param name="code">The <c>code</c> query parameter of the callback.</param>
    /// <param name="returnedState">The <c>state</c> query parameter of the callback.</param>
    /// <param name="pending">What <see cref="BuildAuthorizeUrl"/> returned for this sign-in.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The tokens and the validated ID token.</returns>
    /// <exception cref="AuthingOidcValidationException">The state or the ID token was rejected.</exception>
    /// <exception cref="AuthingOAuthException">The token endpoint refused the code.</exception>
    /// <exception cref="AuthingApiException">The call failed.</exception>
    public virtual async Task<OidcSignInResult> CompleteSignInAsync(
        string code, string? returnedState, AuthorizeUrl pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (!OidcText.FixedTimeEquals(returnedState, pending.State))
        {
            throw new AuthingOidcValidationException(
                OidcValidationFailure.StateMismatch, "The callback's state does not match the sign-in's: the callback is not the answer to this sign-in.");
        }

        OidcTokenResponse tokens = await ExchangeCodeAsync(code, pending.CodeVerifier, pending.RedirectUri, cancellationToken).ConfigureAwait(false);
        if (_options.Protocol == AuthingProtocol.OAuth)
        {
            return new OidcSignInResult(tokens, null);
        }

        string idToken = tokens.IdToken ?? throw new AuthingOidcValidationException(
            OidcValidationFailure.Malformed, "The token endpoint returned no ID token; the openid scope is required for OIDC sign-in.");
        OidcValidatedToken validated = await ValidateIdTokenAsync(idToken, pending.Nonce, tokens.AccessToken, cancellationToken).ConfigureAwait(false);
        return new OidcSignInResult(tokens, validated);
    }

    /// <summary>Exchanges an authorization code for tokens (<c>grant_type=authorization_code</c>).</summary>
    /// <param name="code">The code from the callback.</param>
    /// <param name="codeVerifier">The PKCE verifier of the authorize URL, when PKCE was used.</param>
    /// <param name="redirectUri">The redirect URI of the authorize URL; <see cref="AuthingOidcOptions.RedirectUri"/> when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token response; its ID token is not validated yet.</returns>
    /// <exception cref="AuthingOAuthException">The server refused the code (<c>invalid_grant</c>, …).</exception>
    /// <exception cref="AuthingApiException">The call failed.</exception>
    public virtual Task<OidcTokenResponse> ExchangeCodeAsync(
        string code, string? codeVerifier = null, string? redirectUri = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return TokenAsync(
            new List<KeyValuePair<string, string?>>
            {
                new("grant_type", "authorization_code"),
                new("code", code),
                new("redirect_uri", redirectUri ?? _options.RedirectUri),
                new("code_verifier", codeVerifier),
            },
            cancellationToken);
    }

    /// <summary>Gets new tokens with a refresh token (<c>grant_type=refresh_token</c>).</summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="scope">A narrower scope, or null for the original one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token response.</returns>
    /// <exception cref="AuthingOAuthException">The server refused the refresh token.</exception>
    /// <exception cref="AuthingApiException">The call failed.</exception>
    public virtual Task<OidcTokenResponse> RefreshTokenAsync(string refreshToken, string? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return TokenAsync(
            new List<KeyValuePair<string, string?>>
            {
                new("grant_type", "refresh_token"),
                new("refresh_token", refreshToken),
                new("scope", scope),
            },
            cancellationToken);
    }

    /// <summary>Gets an access token for the application itself (<c>grant_type=client_credentials</c>).</summary>
    /// <param name="scope">The scope to request, or null for the server's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token response.</returns>
    /// <exception cref="AuthingOAuthException">The server refused the client.</exception>
    /// <exception cref="AuthingApiException">The call failed.</exception>
    public virtual Task<OidcTokenResponse> ClientCredentialsAsync(string? scope = null, CancellationToken cancellationToken = default) =>
        TokenAsync(
            new List<KeyValuePair<string, string?>>
            {
                new("grant_type", "client_credentials"),
                new("scope", scope),
            },
            cancellationToken);

    /// <summary>Revokes an access or refresh token (RFC 7009, <c>/oidc/token/revocation</c>).</summary>
    /// <param name="token">The token.</param>
    /// <param name="tokenTypeHint"><c>access_token</c> or <c>refresh_token</c>, when known.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server accepted the revocation.</returns>
    /// <exception cref="AuthingOAuthException">The server refused the request.</exception>
    /// <exception cref="AuthingApiException">The call failed.</exception>
    public virtual async Task RevokeTokenAsync(string token, string? tokenTypeHint = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        AuthingRequest request = ClientRequest(
            _prefix + "/token/revocation",
            new List<KeyValuePair<string, string?>> { new("token", token), new("token_type_hint", tokenTypeHint) });
        (int status, byte[] body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);

        // RFC 7009 §2.2: success is any 200, normally with an empty body; an error object in it is still an error.
        if (TryParseObject(body) is { } json)
        {
            ThrowIfOAuthError(request, status, body, json);
        }
    }

    /// <summary>Asks the server whether a token is active (RFC 7662, <c>/oidc/token/introspection</c>).</summary>
    /// <param name="token">The token.</param>
    /// <param name="tokenTypeHint"><c>access_token</c> or <c>refresh_token</c>, when known.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The introspection response; check <see cref="OidcIntrospectionResponse.Active"/>.</returns>
    /// <exception cref="AuthingOAuthException">The server refused the request.</exception>
    /// <exception cref="AuthingApiException">The call failed.</exception>
    public virtual async Task<OidcIntrospectionResponse> IntrospectTokenAsync(
        string token, string? tokenTypeHint = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        AuthingRequest request = ClientRequest(
            _prefix + "/token/introspection",
            new List<KeyValuePair<string, string?>> { new("token", token), new("token_type_hint", tokenTypeHint) });
        (int status, byte[] body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        JsonElement json = ReadObject(request, status, body);
        if (!json.TryGetProperty("active", out _))
        {
            throw UnexpectedShape(request, status, body, "an introspection response without 'active'");
        }

        return new OidcIntrospectionResponse(json);
    }

    /// <summary>
    /// Reads the user's claims from the userinfo endpoint (<c>/oidc/me</c>), sending the access token as
    /// <see cref="AuthingOidcOptions.UserInfoTokenPlacement"/> says (a bearer header by default).
    /// </summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claims.</returns>
    /// <exception cref="AuthingOAuthException">The server refused the token (<c>invalid_token</c>).</exception>
    /// <exception cref="AuthingApiException">The call failed.</exception>
    public virtual async Task<OidcUserInfo> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        AuthingRequest request;
        switch (_options.UserInfoTokenPlacement)
        {
            case UserInfoTokenPlacement.Query:
                request = new AuthingRequest(HttpMethod.Get, _prefix + "/me");
                request.AddQuery("access_token", accessToken);
                request.SetAuthorization(null);
                break;
            case UserInfoTokenPlacement.FormBody:
                request = new AuthingRequest(HttpMethod.Post, _prefix + "/me");
                request.SetFormBody(new List<KeyValuePair<string, string?>> { new("access_token", accessToken) });
                request.SetAuthorization(null);
                break;
            default:
                if (!HeaderValues.IsPrintableAscii(accessToken))
                {
                    throw new ArgumentException("The access token must contain only printable ASCII characters: it is sent in an HTTP header.", nameof(accessToken));
                }

                request = new AuthingRequest(HttpMethod.Get, _prefix + "/me");
                request.SetAuthorization("Bearer " + accessToken);
                break;
        }

        (int status, byte[] body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        JsonElement json = ReadObject(request, status, body);
        if (!json.TryGetProperty("sub", out _))
        {
            throw UnexpectedShape(request, status, body, "a userinfo response without 'sub'");
        }

        return new OidcUserInfo(json);
    }

    /// <summary>
    /// Validates an ID token: signature (JWKS keys for RS*/PS*/ES*, the application secret for HS*), issuer, audience
    /// (the application id), expiry and not-before with <see cref="AuthingOidcOptions.ClockSkew"/>, <c>azp</c>, the nonce
    /// when one is expected and <c>at_hash</c> when the token carries one and the access token is given.
    /// </summary>
    /// <param name="idToken">The ID token.</param>
    /// <param name="expectedNonce">The nonce of the authorize URL; the token must carry exactly it. Null skips the check.</param>
    /// <param name="accessToken">The access token issued with the ID token, for the <c>at_hash</c> check; null skips it.</param>
    /// <param name="cancellationToken">Cancels the JWKS fetch, if one is needed.</param>
    /// <returns>The validated token and its claims.</returns>
    /// <exception cref="AuthingOidcValidationException">A check failed; <see cref="AuthingOidcValidationException.Reason"/> says which.</exception>
    public virtual Task<OidcValidatedToken> ValidateIdTokenAsync(
        string idToken, string? expectedNonce = null, string? accessToken = null, CancellationToken cancellationToken = default) =>
        Validator.ValidateAsync(idToken, "The ID token", expectedNonce, accessToken, cancellationToken);

    /// <summary>
    /// Validates a JWT access token issued by the application, locally: signature, issuer, audience (the application id)
    /// and lifetime, as for ID tokens. Revocation is not seen locally; use <see cref="IntrospectTokenAsync"/> for that.
    /// </summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="cancellationToken">Cancels the JWKS fetch, if one is needed.</param>
    /// <returns>The validated token and its claims.</returns>
    /// <exception cref="AuthingOidcValidationException">A check failed; <see cref="AuthingOidcValidationException.Reason"/> says which.</exception>
    public virtual Task<OidcValidatedToken> ValidateAccessTokenAsync(string accessToken, CancellationToken cancellationToken = default) =>
        Validator.ValidateAsync(accessToken, "The access token", null, null, cancellationToken);

    private async Task<OidcTokenResponse> TokenAsync(List<KeyValuePair<string, string?>> form, CancellationToken cancellationToken)
    {
        AuthingRequest request = ClientRequest(_prefix + "/token", form);
        (int status, byte[] body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        JsonElement json = ReadObject(request, status, body);
        if (!json.TryGetProperty("access_token", out JsonElement accessToken) || accessToken.ValueKind != JsonValueKind.String)
        {
            throw UnexpectedShape(request, status, body, "a token response without 'access_token'");
        }

        return new OidcTokenResponse(json);
    }

    /// <summary>A form POST that authenticates the application with the configured token endpoint auth method.</summary>
    private AuthingRequest ClientRequest(string path, List<KeyValuePair<string, string?>> form)
    {
        AuthenticationTransport transport = Transport;
        var request = new AuthingRequest(HttpMethod.Post, path);
        switch (transport.TokenEndpointAuthMethod)
        {
            case TokenEndpointAuthMethod.ClientSecretBasic:
                request.SetAuthorization(transport.BasicAuthorization);
                break;
            case TokenEndpointAuthMethod.None:
                form.Add(new("client_id", transport.AppId));
                request.SetAuthorization(null);
                break;
            default:
                form.Add(new("client_id", transport.AppId));
                form.Add(new("client_secret", transport.AppSecret));
                request.SetAuthorization(null);
                break;
        }

        request.SetFormBody(form);
        return request;
    }

    /// <summary>Sends through the transport; an HTTP error whose body is an OAuth error object becomes <see cref="AuthingOAuthException"/>.</summary>
    private async Task<(int Status, byte[] Body)> SendAsync(AuthingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await Transport.SendForBodyAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthingApiException ex) when (ex.Kind == AuthingErrorKind.HttpError && ex.RawBody is not null)
        {
            if (TryParseObject(Encoding.UTF8.GetBytes(ex.RawBody)) is { } json && OAuthError(request, ex.HttpStatusCode, ex.RawBody, json, ex) is { } oauth)
            {
                throw oauth;
            }

            throw;
        }
    }

    private static JsonElement ReadObject(AuthingRequest request, int status, byte[] body)
    {
        JsonElement json = TryParseObject(body) ?? throw UnexpectedShape(request, status, body, "a body that is not a JSON object");
        ThrowIfOAuthError(request, status, body, json);
        return json;
    }

    private static void ThrowIfOAuthError(AuthingRequest request, int status, byte[] body, JsonElement json)
    {
        if (OAuthError(request, status, Text(body), json, null) is { } oauth)
        {
            throw oauth;
        }

        // An Authing envelope instead of a protocol answer: the server's own way to refuse.
        if (json.TryGetProperty("statusCode", out JsonElement code) && code.ValueKind == JsonValueKind.Number
            && code.TryGetInt32(out int statusCode) && statusCode != 200 && !json.TryGetProperty("access_token", out _))
        {
            string? message = json.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            int? apiCode = json.TryGetProperty("apiCode", out JsonElement a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out int api) ? api : null;
            string? requestId = json.TryGetProperty("requestId", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            throw AuthingErrors.BusinessError(request, status, body, statusCode, apiCode, message, requestId);
        }
    }

    private static AuthingOAuthException? OAuthError(AuthingRequest request, int? status, string rawBody, JsonElement json, AuthingApiException? cause)
    {
        if (!json.TryGetProperty("error", out JsonElement error) || error.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string code = error.GetString()!;
        string? description = json.TryGetProperty("error_description", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        string? uri = json.TryGetProperty("error_uri", out JsonElement u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        string summary = $"The Authing request {request.Method} {request.PathTemplate} failed with OAuth error '{code}'"
            + (string.IsNullOrEmpty(description) ? "." : ": " + description + (description!.EndsWith('.') ? string.Empty : "."));
        string message = status is int http
            ? AuthingApiException.FormatMessage(summary, http, null, null, null, null)
            : summary;
        return new AuthingOAuthException(
            cause is null ? AuthingErrorKind.BusinessError : AuthingErrorKind.HttpError,
            message, status, code, description, uri, rawBody, cause);
    }

    private static JsonElement? TryParseObject(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            int start = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;
            using JsonDocument document = JsonDocument.Parse(body.AsMemory(start));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AuthingApiException UnexpectedShape(AuthingRequest request, int status, byte[] body, string what) =>
        new(
            AuthingErrorKind.InvalidResponse,
            AuthingApiException.FormatMessage(
                $"The Authing request {request.Method} {request.PathTemplate} returned {what}.", status, null, null, null, null),
            status, null, null, null, null, Text(body), null);

    private static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    private static Uri BuildUrl(string endpoint, List<KeyValuePair<string, string?>> query)
    {
        var text = new StringBuilder(endpoint);
        char separator = '?';
        foreach (KeyValuePair<string, string?> parameter in query)
        {
            if (parameter.Value is null)
            {
                continue;
            }

            text.Append(separator).Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
            separator = '&';
        }

        return new Uri(text.ToString(), UriKind.Absolute);
    }

    private static void AddExtra(List<KeyValuePair<string, string?>> query, IDictionary<string, string> extra)
    {
        foreach (KeyValuePair<string, string> parameter in extra)
        {
            foreach (KeyValuePair<string, string?> existing in query)
            {
                if (existing.Key == parameter.Key && existing.Value is not null)
                {
                    throw new ArgumentException($"The authorize parameter '{parameter.Key}' is already set by the request.", "request");
                }
            }

            query.Add(new(parameter.Key, parameter.Value));
        }
    }
}
