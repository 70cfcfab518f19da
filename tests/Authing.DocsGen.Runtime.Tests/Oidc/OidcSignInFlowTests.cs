using System.Net;
using Authing.Sdk;
using Authing.Sdk.Oidc;
using Microsoft.IdentityModel.Tokens;

namespace Authing.DocsGen.Runtime.Tests.Oidc;

/// <summary>The whole authorization code + PKCE flow against the loopback provider, the browser played by an HttpClient.</summary>
public sealed class OidcSignInFlowTests
{
    /// <summary>Follows the authorize URL like a browser that has signed in, and returns the callback's query.</summary>
    private static async Task<Dictionary<string, string>> BrowseAsync(Uri authorizeUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using HttpResponseMessage response = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Uri callback = response.Headers.Location!;
        Assert.StartsWith(OidcTestClients.RedirectUri + "?", callback.AbsoluteUri);
        return LoopbackOidcProvider.ParseForm(callback.Query.TrimStart('?'));
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256, TokenEndpointAuthMethod.ClientSecretPost, "client_secret_post")]
    [InlineData(SecurityAlgorithms.EcdsaSha256, TokenEndpointAuthMethod.ClientSecretBasic, "client_secret_basic")]
    [InlineData(SecurityAlgorithms.HmacSha256, TokenEndpointAuthMethod.ClientSecretPost, "client_secret_post")]
    [InlineData(SecurityAlgorithms.RsaSha256, TokenEndpointAuthMethod.None, "none")]
    public async Task CodeWithPkceToValidatedIdTokenThenUserInfoRefreshRevokeAndIntrospect(string idTokenAlgorithm, TokenEndpointAuthMethod method, string wire)
    {
        await using var provider = new LoopbackOidcProvider { IdTokenAlgorithm = idTokenAlgorithm, ClientAuthMethod = wire };
        AuthingOidcClient oidc = OidcTestClients.Create(provider, method);

        AuthorizeUrl pending = oidc.BuildAuthorizeUrl(new AuthorizeUrlRequest { Scope = "openid profile offline_access" });
        Dictionary<string, string> callback = await BrowseAsync(pending.Url!);
        OidcSignInResult signIn = await oidc.CompleteSignInAsync(callback["code"], callback["state"], pending);

        OidcValidatedToken idToken = signIn.IdToken!;
        Assert.Equal(LoopbackOidcProvider.UserId, idToken.Subject);
        Assert.Equal(pending.Nonce, idToken.Nonce);
        Assert.Equal(idTokenAlgorithm, idToken.Algorithm);
        Assert.Equal("Bearer", signIn.Tokens.TokenType);
        Assert.Equal(600, signIn.Tokens.ExpiresIn);
        ProviderRequest exchange = provider.Requests.Single(r => r.Path == "/oidc/token");
        Assert.Equal(pending.CodeVerifier, exchange.Form["code_verifier"]);
        Assert.Equal(OidcTestClients.RedirectUri, exchange.Form["redirect_uri"]);
        Assert.Equal("authorization_code", exchange.Form["grant_type"]);

        OidcUserInfo user = await oidc.GetUserInfoAsync(signIn.Tokens.AccessToken);
        Assert.Equal(idToken.Subject, user.Subject);

        string refreshToken = signIn.Tokens.RefreshToken!;
        OidcTokenResponse refreshed = await oidc.RefreshTokenAsync(refreshToken);
        Assert.NotEqual(signIn.Tokens.AccessToken, refreshed.AccessToken);
        await oidc.ValidateIdTokenAsync(refreshed.IdToken!, accessToken: refreshed.AccessToken);

        Assert.True((await oidc.IntrospectTokenAsync(refreshed.AccessToken)).Active);
        await oidc.RevokeTokenAsync(refreshed.AccessToken, "access_token");
        Assert.False((await oidc.IntrospectTokenAsync(refreshed.AccessToken)).Active);
        await Assert.ThrowsAsync<AuthingOAuthException>(() => oidc.GetUserInfoAsync(refreshed.AccessToken));

        // The old refresh token was used up by the refresh.
        AuthingOAuthException reused = await Assert.ThrowsAsync<AuthingOAuthException>(() => oidc.RefreshTokenAsync(refreshToken));
        Assert.Equal("invalid_grant", reused.Error);
    }

    [Fact]
    public async Task ACallbackWithAnotherStateIsRejectedBeforeTheCodeIsSpent()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        AuthorizeUrl pending = oidc.BuildAuthorizeUrl();
        Dictionary<string, string> callback = await BrowseAsync(pending.Url!);

        AuthingOidcValidationException forged = await Assert.ThrowsAsync<AuthingOidcValidationException>(
            () => oidc.CompleteSignInAsync(callback["code"], "attacker-state", pending));
        AuthingOidcValidationException missing = await Assert.ThrowsAsync<AuthingOidcValidationException>(
            () => oidc.CompleteSignInAsync(callback["code"], null, pending));

        Assert.Equal(OidcValidationFailure.StateMismatch, forged.Reason);
        Assert.Equal(OidcValidationFailure.StateMismatch, missing.Reason);
        Assert.DoesNotContain(provider.Requests, r => r.Path == "/oidc/token");
        Assert.NotNull((await oidc.CompleteSignInAsync(callback["code"], callback["state"], pending)).IdToken);
    }

    [Fact]
    public async Task AWrongPkceVerifierIsRefusedByTheServerAsInvalidGrant()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        AuthorizeUrl pending = oidc.BuildAuthorizeUrl();
        Dictionary<string, string> callback = await BrowseAsync(pending.Url!);

        AuthingOAuthException ex = await Assert.ThrowsAsync<AuthingOAuthException>(
            () => oidc.ExchangeCodeAsync(callback["code"], new string('x', 43), pending.RedirectUri));

        Assert.Equal(("invalid_grant", "PKCE verification failed"), (ex.Error, ex.ErrorDescription));
    }

    [Fact]
    public async Task AnIdTokenFromAnotherSignInFailsTheNonceCheck()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        AuthorizeUrl victim = oidc.BuildAuthorizeUrl();
        AuthorizeUrl attacker = oidc.BuildAuthorizeUrl();
        Dictionary<string, string> attackerCallback = await BrowseAsync(attacker.Url!);

        // The attacker's code (and so its ID token with the attacker's nonce) injected into the victim's sign-in.
        var injected = new AuthorizeUrl(attacker.State, victim.Nonce, attacker.CodeVerifier, victim.RedirectUri);
        AuthingOidcValidationException ex = await Assert.ThrowsAsync<AuthingOidcValidationException>(
            () => oidc.CompleteSignInAsync(attackerCallback["code"], attacker.State, injected));

        Assert.Equal(OidcValidationFailure.InvalidNonce, ex.Reason);
    }
}
