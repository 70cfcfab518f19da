using System;
using System.Collections.Frozen;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Text;
using System.Threading.Tasks;
using Authing.Sdk.Oidc;
using Microsoft.Extensions.Logging;

namespace Authing.Sdk.Runtime;

/// <summary>
/// The authentication client's transport (WIRE.md §3.2): <c>x-authing-app-id</c> on every request; <c>authorization</c>
/// carrying the user's raw access token (no <c>Bearer</c> prefix, as the node SDK), or <c>Basic base64(appId:appSecret)</c>
/// on the token and sign-in endpoints when the application uses <see cref="TokenEndpointAuthMethod.ClientSecretBasic"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthenticationTransport : AuthingTransport
{
    /// <summary>The paths on which <c>client_secret_basic</c> puts the application's credentials in <c>authorization</c>.</summary>
    internal static readonly FrozenSet<string> BasicAuthPaths = FrozenSet.ToFrozenSet(
        new[]
        {
            "/oidc/token",
            "/oidc/token/revocation",
            "/oidc/token/introspection",
            "/oauth/token",
            "/oauth/token/revocation",
            "/oauth/token/introspection",
            "/api/v3/signin",
            "/api/v3/signin-by-mobile",
            "/api/v3/exchange-tokenset-with-qrcode-ticket",
        },
        StringComparer.Ordinal);

    private readonly string _appId;
    private readonly string? _basicAuthorization;
    private volatile string? _accessToken;

    // OIDC/OAuth protocol helpers (Oidc/): the settings they need, copied with the rest of the options.
    private readonly string? _appSecret;
    private readonly TokenEndpointAuthMethod _tokenEndpointAuthMethod;
    private readonly AuthingOidcOptions _oidcOptions;
    private AuthingOidcClient? _oidc;

    /// <summary>Creates a transport with its own <see cref="HttpClient"/> (default handler, TLS certificate validation on).</summary>
    /// <param name="options">The client options; validated and copied.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public AuthenticationTransport(AuthenticationClientOptions options)
        : this(ValidateFirst(options), CreateOwnedHttpClient(), ownsHttpClient: true, null)
    {
    }

    /// <summary>Creates a transport over a caller-provided <see cref="HttpClient"/>, which it does not dispose.</summary>
    /// <param name="httpClient">The client to send with, e.g. from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The client options; validated and copied.</param>
    /// <param name="logger">Receives one entry per call (verb, path, status, time); never headers or secrets.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public AuthenticationTransport(HttpClient httpClient, AuthenticationClientOptions options, ILogger? logger = null)
        : this(ValidateFirst(options), httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false, logger)
    {
    }

    private AuthenticationTransport(AuthenticationClientOptions options, HttpClient httpClient, bool ownsHttpClient, ILogger? logger)
        : base(httpClient, ownsHttpClient, options.GetNormalizedHost(), options.Timeout, options.ThrowOnBusinessError, options.StrictResponses, logger, options.Retry)
    {
        _appId = options.AppId!;
        _appSecret = options.AppSecret;
        _tokenEndpointAuthMethod = options.TokenEndpointAuthMethod;
        _oidcOptions = options.Oidc.Clone();
        _accessToken = string.IsNullOrEmpty(options.AccessToken) ? null : options.AccessToken;
        if (options.TokenEndpointAuthMethod == TokenEndpointAuthMethod.ClientSecretBasic)
        {
            // As node: the id and secret are joined as they are, without the form-encoding RFC 6749 §2.3.1 describes.
            _basicAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_appId + ":" + options.AppSecret));
        }
    }

    /// <summary>
    /// Sets the user's access token sent with later requests, or removes it with <see langword="null"/> or an empty string.
    /// Safe to call while requests are in flight: each request reads the token once, when its headers are built.
    /// </summary>
    /// <param name="token">The access token.</param>
    /// <exception cref="ArgumentException">The token contains CR, LF, NUL or anything else that is not printable ASCII (it is not quoted in the message).</exception>
    public void SetAccessToken(string? token)
    {
        if (token is not null && OptionChecks.HasLineBreak(token))
        {
            throw new ArgumentException(
                "The access token must not contain CR, LF or NUL characters: it is sent in an HTTP header.", nameof(token));
        }

        if (token is not null && !HeaderValues.IsPrintableAscii(token))
        {
            throw new ArgumentException(
                "The access token must contain only printable ASCII characters: it is sent in an HTTP header.", nameof(token));
        }

        _accessToken = string.IsNullOrEmpty(token) ? null : token;
    }

    /// <summary>
    /// The OIDC / OAuth 2.0 protocol helpers (authorize and logout URLs, token endpoint, ID-token validation) over this
    /// transport, created on first use and shared, so its JWKS cache is shared too.
    /// </summary>
    public AuthingOidcClient Oidc => LazyInitializer.EnsureInitialized(ref _oidc, () => new AuthingOidcClient(this))!;

    internal string AppId => _appId;

    internal string? AppSecret => _appSecret;

    internal TokenEndpointAuthMethod TokenEndpointAuthMethod => _tokenEndpointAuthMethod;

    internal AuthingOidcOptions OidcOptions => _oidcOptions;

    /// <summary>The <c>Basic</c> credentials of <c>client_secret_basic</c>, or null for the other methods.</summary>
    internal string? BasicAuthorization => _basicAuthorization;

    /// <summary>
    /// Sends a request on behalf of one user: <paramref name="accessToken"/> is sent instead of the token set with
    /// <see cref="SetAccessToken"/>, unless <paramref name="options"/> carries its own. Nothing is stored on the transport,
    /// so concurrent calls for different users never see each other's token.
    /// </summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseConverter">The generated converter of <typeparamref name="T"/>.</param>
    /// <param name="options">This call's settings, or null.</param>
    /// <param name="accessToken">The user's access token, or null for the shared one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public Task<T> SendAsync<T>(
        AuthingRequest request,
        JsonConverter<T> responseConverter,
        AuthingRequestOptions? options,
        string? accessToken,
        CancellationToken cancellationToken)
        where T : class =>
        SendValueAsync(request, responseConverter, options, accessToken, cancellationToken);

    /// <summary>As <see cref="SendAsync{T}(AuthingRequest, JsonConverter{T}, AuthingRequestOptions?, string?, CancellationToken)"/>, returning the HTTP status, headers and body too.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseConverter">The generated converter of <typeparamref name="T"/>.</param>
    /// <param name="options">This call's settings, or null.</param>
    /// <param name="accessToken">The user's access token, or null for the shared one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response and its HTTP details.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public Task<AuthingRawResponse<T>> SendRawAsync<T>(
        AuthingRequest request,
        JsonConverter<T> responseConverter,
        AuthingRequestOptions? options,
        string? accessToken,
        CancellationToken cancellationToken)
        where T : class =>
        SendCoreAsync(request, responseConverter, options, accessToken, cancellationToken);

    /// <summary>Throws when a token cannot be sent in a header; the token is never quoted.</summary>
    /// <param name="token">The token.</param>
    /// <param name="parameterName">The caller's parameter, for the exception.</param>
    /// <exception cref="ArgumentException">The token contains CR, LF, NUL or other characters that are not printable ASCII.</exception>
    public static void CheckAccessToken(string? token, string parameterName)
    {
        if (token is not null && (OptionChecks.HasLineBreak(token) || !HeaderValues.IsPrintableAscii(token)))
        {
            throw new ArgumentException(
                "The access token must contain only printable ASCII characters, without CR, LF or NUL: it is sent in an HTTP header.", parameterName);
        }
    }

    private protected override void Authenticate(HttpRequestMessage message, AuthingRequest request, CallSettings settings)
    {
        message.Headers.TryAddWithoutValidation("x-authing-app-id", _appId);

        // A protocol request (OIDC) sets its own authorization. Otherwise a per-call token (AuthingRequestOptions.AccessToken,
        // WithAccessToken) wins over the shared one: it belongs to this call only, so concurrent calls for different users
        // cannot see each other's token.
        string? authorization = request.OverridesAuthorization ? request.Authorization
            : _basicAuthorization is not null && BasicAuthPaths.Contains(request.Path) ? _basicAuthorization
            : settings.AccessToken ?? _accessToken;
        if (authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("authorization", authorization);
        }
    }

    private static AuthenticationClientOptions ValidateFirst(AuthenticationClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        HeaderValues.Check(nameof(AuthenticationClientOptions), nameof(options.AppId), options.AppId);
        HeaderValues.Check(nameof(AuthenticationClientOptions), nameof(options.AccessToken), options.AccessToken);
        return options;
    }
}
