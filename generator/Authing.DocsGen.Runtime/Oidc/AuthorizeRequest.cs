using System;
using System.Collections.Generic;

namespace Authing.Sdk.Oidc;

/// <summary>The PKCE method of an authorization request (RFC 7636).</summary>
public enum PkceMethod
{
    /// <summary><c>S256</c>: the challenge is the SHA-256 of the verifier. The default.</summary>
    S256,

    /// <summary><c>plain</c>: the challenge is the verifier itself; only for servers that cannot do S256.</summary>
    Plain,

    /// <summary>No PKCE: only for confidential clients on servers that reject it.</summary>
    None,
}

/// <summary>What to put in an authorize URL; every member is optional (the options supply redirect URI and scope).</summary>
public sealed class AuthorizeUrlRequest
{
    /// <summary>The callback URI; <see cref="AuthingOidcOptions.RedirectUri"/> when not set. One of them is required.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>The scope; <see cref="AuthingOidcOptions.Scope"/> when not set. Add <c>offline_access</c> for a refresh token.</summary>
    public string? Scope { get; set; }

    /// <summary>The response type; <c>code</c> by default (the authorization code flow).</summary>
    public string ResponseType { get; set; } = "code";

    /// <summary>The response mode (<c>query</c>, <c>fragment</c>, <c>form_post</c>); left to the server when not set.</summary>
    public string? ResponseMode { get; set; }

    /// <summary>The <c>state</c>; a new 256-bit random value when not set. Keep it and compare it on the callback.</summary>
    public string? State { get; set; }

    /// <summary>The <c>nonce</c> (OIDC only); a new 256-bit random value when not set. Keep it for ID-token validation.</summary>
    public string? Nonce { get; set; }

    /// <summary>The PKCE method; <see cref="PkceMethod.S256"/> by default.</summary>
    public PkceMethod Pkce { get; set; } = PkceMethod.S256;

    /// <summary>The PKCE code verifier; a new random value when not set (43–128 characters of <c>[A-Za-z0-9-._~]</c> otherwise).</summary>
    public string? CodeVerifier { get; set; }

    /// <summary>
    /// The <c>prompt</c> (<c>login</c>, <c>consent</c>, <c>none</c>). When not set and the scope has <c>offline_access</c>,
    /// <c>consent</c> is sent: Authing issues refresh tokens only then.
    /// </summary>
    public string? Prompt { get; set; }

    /// <summary>The <c>login_hint</c>: a user name, e-mail or phone to prefill.</summary>
    public string? LoginHint { get; set; }

    /// <summary>The <c>ui_locales</c>, e.g. <c>zh-CN</c> or <c>en-US</c>.</summary>
    public string? UiLocales { get; set; }

    /// <summary>More query parameters; they may not repeat one the request already sets.</summary>
    public IDictionary<string, string> AdditionalParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// An authorize URL and the values to keep (server-side or in an encrypted, HttpOnly cookie) until the callback:
/// <see cref="State"/>, <see cref="Nonce"/>, <see cref="CodeVerifier"/> and <see cref="RedirectUri"/>.
/// </summary>
public sealed class AuthorizeUrl
{
    /// <summary>Creates the result; normally made by <see cref="AuthingOidcClient.BuildAuthorizeUrl"/>.</summary>
    /// <param name="url">The URL to redirect the browser to.</param>
    /// <param name="state">The <c>state</c> sent.</param>
    /// <param name="nonce">The <c>nonce</c> sent, or null for OAuth.</param>
    /// <param name="codeVerifier">The PKCE verifier, or null without PKCE.</param>
    /// <param name="redirectUri">The redirect URI sent; the code exchange must send the same.</param>
    public AuthorizeUrl(Uri url, string state, string? nonce, string? codeVerifier, string redirectUri)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        State = state ?? throw new ArgumentNullException(nameof(state));
        Nonce = nonce;
        CodeVerifier = codeVerifier;
        RedirectUri = redirectUri ?? throw new ArgumentNullException(nameof(redirectUri));
    }

    /// <summary>
    /// Restores what a sign-in kept, on the callback (where the URL itself is no longer needed), for
    /// <see cref="AuthingOidcClient.CompleteSignInAsync"/>.
    /// </summary>
    /// <param name="state">The <c>state</c> sent.</param>
    /// <param name="nonce">The <c>nonce</c> sent, or null for OAuth.</param>
    /// <param name="codeVerifier">The PKCE verifier, or null without PKCE.</param>
    /// <param name="redirectUri">The redirect URI sent.</param>
    public AuthorizeUrl(string state, string? nonce, string? codeVerifier, string redirectUri)
    {
        State = state ?? throw new ArgumentNullException(nameof(state));
        Nonce = nonce;
        CodeVerifier = codeVerifier;
        RedirectUri = redirectUri ?? throw new ArgumentNullException(nameof(redirectUri));
    }

    /// <summary>The URL to redirect the browser to; null when restored on the callback.</summary>
    public Uri? Url { get; }

    /// <summary>The <c>state</c> sent; the callback must bring it back.</summary>
    public string State { get; }

    /// <summary>The <c>nonce</c> sent (OIDC), which the ID token must carry.</summary>
    public string? Nonce { get; }

    /// <summary>The PKCE code verifier, sent with the code exchange; secret until then.</summary>
    public string? CodeVerifier { get; }

    /// <summary>The redirect URI sent, which the code exchange repeats.</summary>
    public string RedirectUri { get; }
}

/// <summary>What to put in a logout URL (OpenID Connect RP-Initiated Logout).</summary>
public sealed class LogoutUrlRequest
{
    /// <summary>The ID token of the session to end (<c>id_token_hint</c>); recommended, required by Authing for the redirect.</summary>
    public string? IdTokenHint { get; set; }

    /// <summary>Where to send the browser afterwards; <see cref="AuthingOidcOptions.LogoutRedirectUri"/> when not set.</summary>
    public string? PostLogoutRedirectUri { get; set; }

    /// <summary>A <c>state</c> passed back to <see cref="PostLogoutRedirectUri"/>.</summary>
    public string? State { get; set; }
}

/// <summary>The outcome of <see cref="AuthingOidcClient.CompleteSignInAsync"/>: the tokens and the validated ID token.</summary>
public sealed class OidcSignInResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="tokens">The token response.</param>
    /// <param name="idToken">The validated ID token, or null for OAuth.</param>
    public OidcSignInResult(OidcTokenResponse tokens, OidcValidatedToken? idToken)
    {
        Tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        IdToken = idToken;
    }

    /// <summary>The access, refresh and ID tokens as the token endpoint sent them.</summary>
    public OidcTokenResponse Tokens { get; }

    /// <summary>The ID token after signature, issuer, audience, lifetime, nonce and <c>at_hash</c> checks (OIDC only).</summary>
    public OidcValidatedToken? IdToken { get; }
}
