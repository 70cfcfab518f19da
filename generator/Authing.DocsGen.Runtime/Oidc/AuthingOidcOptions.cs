using System;
using System.Collections.Generic;

namespace Authing.Sdk.Oidc;

/// <summary>Which family of Authing's protocol endpoints the sign-in helpers call.</summary>
public enum AuthingProtocol
{
    /// <summary>OpenID Connect: <c>/oidc/auth</c>, <c>/oidc/token</c>, <c>/oidc/me</c>, ID tokens. The default.</summary>
    Oidc,

    /// <summary>Plain OAuth 2.0: <c>/oauth/auth</c>, <c>/oauth/token</c>, <c>/oauth/me</c>; no ID token, no nonce.</summary>
    OAuth,
}

/// <summary>How the access token reaches the userinfo endpoint (<c>/oidc/me</c>), RFC 6750 §2.</summary>
public enum UserInfoTokenPlacement
{
    /// <summary><c>GET</c> with <c>authorization: Bearer &lt;token&gt;</c>. The default: the token stays out of URLs and logs.</summary>
    BearerHeader,

    /// <summary><c>GET ?access_token=&lt;token&gt;</c>, as the node SDK does by default. URLs end up in proxy logs: avoid.</summary>
    Query,

    /// <summary><c>POST</c> with a form body <c>access_token=&lt;token&gt;</c>.</summary>
    FormBody,
}

/// <summary>
/// Settings of the OIDC / OAuth 2.0 sign-in helpers (<see cref="AuthingOidcClient"/>), part of
/// <see cref="AuthenticationClientOptions.Oidc"/>. Read once, when the client is created.
/// </summary>
public sealed class AuthingOidcOptions
{
    /// <summary>The scope <see cref="Scope"/> starts with: <c>openid profile</c>.</summary>
    public const string DefaultScope = "openid profile";

    /// <summary>OIDC (default) or plain OAuth 2.0 endpoints.</summary>
    public AuthingProtocol Protocol { get; set; } = AuthingProtocol.Oidc;

    /// <summary>The scope requested when a call does not name one; must contain <c>openid</c> for OIDC. <see cref="DefaultScope"/> by default.</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>The redirect (callback) URI registered for the application, used when a call does not name one.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Where the logout URL sends the browser afterwards (<c>post_logout_redirect_uri</c>), when a call does not name it.</summary>
    public string? LogoutRedirectUri { get; set; }

    /// <summary>The issuer (<c>iss</c>) tokens must carry; <c>{AppHost}/oidc</c> when not set, as Authing issues them.</summary>
    public string? Issuer { get; set; }

    /// <summary>How far <c>exp</c> and <c>nbf</c> may be off the local clock; one minute by default, at most one hour.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a fetched JWKS is used before it is fetched again; twelve hours by default.</summary>
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The shortest time between two JWKS fetches caused by a token whose <c>kid</c> is unknown (key rotation); 30 seconds
    /// by default. It bounds how often forged tokens with random <c>kid</c>s can make the client call the server.
    /// </summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How <see cref="AuthingOidcClient.GetUserInfoAsync"/> sends the access token; a bearer header by default.</summary>
    public UserInfoTokenPlacement UserInfoTokenPlacement { get; set; } = UserInfoTokenPlacement.BearerHeader;

    /// <summary>The clock for token lifetimes and the JWKS cache; <see cref="TimeProvider.System"/> by default (tests replace it).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal AuthingOidcOptions Clone() => (AuthingOidcOptions)MemberwiseClone();

    /// <summary>Adds one message per problem, each naming the option as <c>Oidc.X</c>.</summary>
    internal void AddValidationErrors(List<string> errors)
    {
        if (!Enum.IsDefined(Protocol))
        {
            errors.Add($"Oidc.{nameof(Protocol)} has an unknown value ({(int)Protocol}).");
        }

        if (string.IsNullOrWhiteSpace(Scope))
        {
            errors.Add($"Oidc.{nameof(Scope)} is required.");
        }
        else if (Protocol == AuthingProtocol.Oidc && !OidcText.HasScope(Scope, "openid"))
        {
            errors.Add($"Oidc.{nameof(Scope)} must contain 'openid' when Oidc.{nameof(Protocol)} is {nameof(AuthingProtocol.Oidc)}.");
        }

        AbsoluteUri(RedirectUri, nameof(RedirectUri), errors);
        AbsoluteUri(LogoutRedirectUri, nameof(LogoutRedirectUri), errors);
        AbsoluteUri(Issuer, nameof(Issuer), errors);
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromHours(1))
        {
            errors.Add($"Oidc.{nameof(ClockSkew)} must be between zero and one hour; it was {ClockSkew}.");
        }

        if (JwksCacheDuration <= TimeSpan.Zero)
        {
            errors.Add($"Oidc.{nameof(JwksCacheDuration)} must be greater than zero; it was {JwksCacheDuration}.");
        }

        if (JwksRefreshInterval < TimeSpan.Zero)
        {
            errors.Add($"Oidc.{nameof(JwksRefreshInterval)} must not be negative; it was {JwksRefreshInterval}.");
        }

        if (!Enum.IsDefined(UserInfoTokenPlacement))
        {
            errors.Add($"Oidc.{nameof(UserInfoTokenPlacement)} has an unknown value ({(int)UserInfoTokenPlacement}).");
        }

        if (TimeProvider is null)
        {
            errors.Add($"Oidc.{nameof(TimeProvider)} is required.");
        }
    }

    private static void AbsoluteUri(string? value, string name, List<string> errors)
    {
        // A rooted path parses as an absolute file: URI on Unix; no redirect or issuer is one.
        if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || uri.IsFile))
        {
            errors.Add($"Oidc.{name} must be an absolute URI; '{value}' is not.");
        }
    }
}
