using System.Net;
using System.Text;
using Authing.Sdk;
using Authing.Sdk.Oidc;
using Authing.Sdk.Runtime;
using Microsoft.IdentityModel.Tokens;

namespace Authing.DocsGen.Runtime.Tests.Oidc;

public sealed class OidcProtocolTests
{
    private static Dictionary<string, string> QueryOf(Uri url) => LoopbackOidcProvider.ParseForm(url.Query.TrimStart('?'));

    [Fact]
    public async Task AuthorizeUrlCarriesClientRedirectScopeFreshStateNonceAndAnS256Challenge()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        AuthorizeUrl first = oidc.BuildAuthorizeUrl();
        AuthorizeUrl second = oidc.BuildAuthorizeUrl();

        Assert.Equal(provider.BaseUrl + "/oidc/auth", first.Url!.GetLeftPart(UriPartial.Path));
        Dictionary<string, string> query = QueryOf(first.Url!);
        Assert.Equal(LoopbackOidcProvider.AppId, query["client_id"]);
        Assert.Equal(OidcTestClients.RedirectUri, query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("openid profile", query["scope"]);
        Assert.Equal(first.State, query["state"]);
        Assert.Equal(first.Nonce, query["nonce"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(first.CodeVerifier!))), query["code_challenge"]);
        Assert.DoesNotContain(first.CodeVerifier!, first.Url!.AbsoluteUri);
        Assert.False(query.ContainsKey("prompt"));

        // 256-bit random values, new on every call.
        Assert.Equal(43, first.State.Length);
        Assert.Equal(43, first.Nonce!.Length);
        Assert.Equal(43, first.CodeVerifier!.Length);
        Assert.NotEqual(first.State, second.State);
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.CodeVerifier, second.CodeVerifier);
    }

    [Fact]
    public async Task AuthorizeUrlTakesPlainPkceOnlyWhenAskedAndLeavesPkceOutWhenTurnedOff()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        string verifier = new string('v', 43);

        Dictionary<string, string> plain = QueryOf(oidc.BuildAuthorizeUrl(new AuthorizeUrlRequest { Pkce = PkceMethod.Plain, CodeVerifier = verifier }).Url!);
        AuthorizeUrl none = oidc.BuildAuthorizeUrl(new AuthorizeUrlRequest { Pkce = PkceMethod.None });

        Assert.Equal("plain", plain["code_challenge_method"]);
        Assert.Equal(verifier, plain["code_challenge"]);
        Assert.Null(none.CodeVerifier);
        Assert.False(QueryOf(none.Url!).ContainsKey("code_challenge"));
        Assert.Throws<ArgumentException>(() => oidc.BuildAuthorizeUrl(new AuthorizeUrlRequest { CodeVerifier = "too-short" }));
    }

    [Fact]
    public async Task AuthorizeUrlAsksForConsentWithOfflineAccessAndPassesHintsAndExtraParameters()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        var request = new AuthorizeUrlRequest
        {
            Scope = "openid profile offline_access",
            RedirectUri = "https://other.example.com/cb?x=1",
            State = "my state",
            Nonce = "my-nonce",
            LoginHint = "ada@example.com",
            UiLocales = "en-US",
            ResponseMode = "form_post",
        };
        request.AdditionalParameters["tenant_id"] = "t-1";

        AuthorizeUrl url = oidc.BuildAuthorizeUrl(request);
        Dictionary<string, string> query = QueryOf(url.Url!);

        Assert.Equal("consent", query["prompt"]);
        Assert.Equal("ada@example.com", query["login_hint"]);
        Assert.Equal("en-US", query["ui_locales"]);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.Equal("https://other.example.com/cb?x=1", query["redirect_uri"]);
        Assert.Equal("my state", query["state"]);
        Assert.Equal("my-nonce", url.Nonce);
        Assert.Equal("t-1", query["tenant_id"]);
        Assert.Contains("state=my%20state", url.Url!.AbsoluteUri);

        request.AdditionalParameters["state"] = "again";
        Assert.Throws<ArgumentException>(() => oidc.BuildAuthorizeUrl(request));
    }

    [Fact]
    public async Task AuthorizeUrlWithoutAnyRedirectUriIsRejected()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider, oidc: o => o.RedirectUri = null);

        ArgumentException ex = Assert.Throws<ArgumentException>(() => oidc.BuildAuthorizeUrl());

        Assert.Contains("redirect URI is required", ex.Message);
    }

    [Fact]
    public async Task OAuthProtocolUsesTheOAuthEndpointsAndSendsNoNonce()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider, oidc: o => { o.Protocol = AuthingProtocol.OAuth; o.Scope = "user"; });

        AuthorizeUrl url = oidc.BuildAuthorizeUrl();
        await oidc.ClientCredentialsAsync("user");

        Assert.StartsWith(provider.BaseUrl + "/oauth/auth?", url.Url!.AbsoluteUri);
        Assert.Null(url.Nonce);
        Assert.False(QueryOf(url.Url!).ContainsKey("nonce"));
        Assert.Equal("/oauth/token", provider.Requests.Single().Path);
        Assert.Equal(provider.BaseUrl + "/login/profile/logout?redirect_uri=https%3A%2F%2Fapp.example.com%2Fsigned-out", oidc.BuildLogoutUrl().AbsoluteUri);
    }

    [Fact]
    public async Task LogoutUrlCarriesTheIdTokenHintAndWhereToGoAfterwards()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        Uri url = oidc.BuildLogoutUrl(new LogoutUrlRequest { IdTokenHint = "id.token.value", State = "s1" });

        Assert.Equal(provider.BaseUrl + "/oidc/session/end", url.GetLeftPart(UriPartial.Path));
        Dictionary<string, string> query = QueryOf(url);
        Assert.Equal("id.token.value", query["id_token_hint"]);
        Assert.Equal("https://app.example.com/signed-out", query["post_logout_redirect_uri"]);
        Assert.Equal("s1", query["state"]);
    }

    [Fact]
    public async Task ClientSecretPostSendsIdAndSecretInTheFormAndNeverTheUserToken()
    {
        await using var provider = new LoopbackOidcProvider();
        var transport = new AuthenticationTransport(new HttpClient(), OidcTestClients.Options(provider));
        transport.SetAccessToken("user-token-must-not-leak");

        await transport.Oidc.ClientCredentialsAsync("read:users");

        ProviderRequest sent = provider.Requests.Single();
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/oidc/token", sent.Path);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        Assert.Equal("grant_type=client_credentials&scope=read%3Ausers&client_id=app-123&client_secret=" + LoopbackOidcProvider.AppSecret, sent.Body);
        Assert.False(sent.Headers.ContainsKey("authorization"));
        Assert.Equal(LoopbackOidcProvider.AppId, sent.Headers["x-authing-app-id"]);
    }

    [Fact]
    public async Task ClientSecretBasicSendsBasicCredentialsAndLeavesThemOutOfTheForm()
    {
        await using var provider = new LoopbackOidcProvider { ClientAuthMethod = "client_secret_basic" };
        var transport = new AuthenticationTransport(new HttpClient(), OidcTestClients.Options(provider, TokenEndpointAuthMethod.ClientSecretBasic));
        transport.SetAccessToken("user-token-must-not-leak");

        await transport.Oidc.ClientCredentialsAsync();

        ProviderRequest sent = provider.Requests.Single();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-123:" + LoopbackOidcProvider.AppSecret)), sent.Headers["authorization"]);
        Assert.Equal("grant_type=client_credentials", sent.Body);
    }

    [Fact]
    public async Task NoneSendsOnlyTheClientId()
    {
        await using var provider = new LoopbackOidcProvider { ClientAuthMethod = "none" };
        AuthingOidcClient oidc = OidcTestClients.Create(provider, TokenEndpointAuthMethod.None);

        await oidc.ClientCredentialsAsync();

        ProviderRequest sent = provider.Requests.Single();
        Assert.Equal(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "app-123" }, sent.Form);
        Assert.False(sent.Headers.ContainsKey("authorization"));
    }

    [Theory]
    [InlineData(TokenEndpointAuthMethod.ClientSecretPost, "client_secret_post")]
    [InlineData(TokenEndpointAuthMethod.ClientSecretBasic, "client_secret_basic")]
    [InlineData(TokenEndpointAuthMethod.None, "none")]
    public async Task RevocationAndIntrospectionAuthenticateTheClientLikeTheTokenEndpoint(TokenEndpointAuthMethod method, string wire)
    {
        await using var provider = new LoopbackOidcProvider { ClientAuthMethod = wire };
        AuthingOidcClient oidc = OidcTestClients.Create(provider, method);
        string token = provider.Issue(SecurityAlgorithms.RsaSha256);

        OidcIntrospectionResponse before = await oidc.IntrospectTokenAsync(token, "access_token");
        await oidc.RevokeTokenAsync(token, "access_token");
        OidcIntrospectionResponse after = await oidc.IntrospectTokenAsync(token);

        Assert.True(before.Active);
        Assert.Equal(LoopbackOidcProvider.UserId, before.Subject);
        Assert.Equal(LoopbackOidcProvider.AppId, before.ClientId);
        Assert.NotNull(before.ExpiresAt);
        Assert.False(after.Active);
        ProviderRequest[] sent = provider.Requests.ToArray();
        Assert.Equal(new[] { "/oidc/token/introspection", "/oidc/token/revocation", "/oidc/token/introspection" }, sent.Select(r => r.Path));
        Assert.All(sent, r => Assert.Equal("application/x-www-form-urlencoded", r.ContentType));
        Assert.Equal(token, sent[1].Form["token"]);
        Assert.Equal("access_token", sent[1].Form["token_type_hint"]);
        Assert.False(sent[2].Form.ContainsKey("token_type_hint"));
    }

    [Fact]
    public async Task UserInfoSendsTheTokenAsABearerHeaderByDefault()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        string token = provider.Issue(SecurityAlgorithms.RsaSha256);

        OidcUserInfo user = await oidc.GetUserInfoAsync(token);

        ProviderRequest sent = provider.Requests.Single();
        Assert.Equal("GET", sent.Method);
        Assert.Equal("/oidc/me", sent.Path);
        Assert.Equal("Bearer " + token, sent.Headers["authorization"]);
        Assert.Equal("", sent.Query);
        Assert.Equal(LoopbackOidcProvider.UserId, user.Subject);
        Assert.Equal("ada@example.com", user.Email);
        Assert.True(user.EmailVerified);
        Assert.Equal("Ada Lovelace", user.GetString("name"));
    }

    [Theory]
    [InlineData(UserInfoTokenPlacement.Query, "GET")]
    [InlineData(UserInfoTokenPlacement.FormBody, "POST")]
    public async Task UserInfoCanSendTheTokenInTheQueryOrTheBody(UserInfoTokenPlacement placement, string verb)
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider, oidc: o => o.UserInfoTokenPlacement = placement);
        string token = provider.Issue(SecurityAlgorithms.RsaSha256);

        OidcUserInfo user = await oidc.GetUserInfoAsync(token);

        ProviderRequest sent = provider.Requests.Single();
        Assert.Equal(verb, sent.Method);
        Assert.False(sent.Headers.ContainsKey("authorization"));
        Assert.Equal(token, placement == UserInfoTokenPlacement.Query ? LoopbackOidcProvider.ParseForm(sent.Query.TrimStart('?'))["access_token"] : sent.Form["access_token"]);
        Assert.Equal(LoopbackOidcProvider.UserId, user.Subject);
    }

    [Fact]
    public async Task AnOAuthErrorBecomesAnAuthingOAuthExceptionWithErrorAndDescription()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        AuthingOAuthException ex = await Assert.ThrowsAsync<AuthingOAuthException>(() => oidc.ExchangeCodeAsync("no-such-code", "v"));

        Assert.Equal(AuthingErrorKind.HttpError, ex.Kind);
        Assert.Equal(400, ex.HttpStatusCode);
        Assert.Equal("invalid_grant", ex.Error);
        Assert.Equal("The authorization code is invalid or has expired", ex.ErrorDescription);
        Assert.Equal(ex.ErrorDescription, ex.ServerMessage);
        Assert.Contains("\"invalid_grant\"", ex.RawBody);
        Assert.Contains("POST /oidc/token failed with OAuth error 'invalid_grant': The authorization code is invalid or has expired.", ex.Message);
        Assert.Contains("HTTP 400", ex.Message);
        Assert.IsType<AuthingApiException>(ex.InnerException);
    }

    [Fact]
    public async Task AWrongClientSecretIsInvalidClientAndAnExpiredTokenOnUserInfoIsInvalidToken()
    {
        await using var provider = new LoopbackOidcProvider();
        var options = OidcTestClients.Options(provider);
        options.AppSecret = "wrong-secret";
        var oidc = new AuthingOidcClient(new HttpClient(), options);

        AuthingOAuthException client = await Assert.ThrowsAsync<AuthingOAuthException>(() => oidc.RefreshTokenAsync("r"));
        AuthingOAuthException user = await Assert.ThrowsAsync<AuthingOAuthException>(() => oidc.GetUserInfoAsync("not-a-token"));

        Assert.Equal(("invalid_client", 401), (client.Error, client.HttpStatusCode));
        Assert.Equal(("invalid_token", 401), (user.Error, user.HttpStatusCode));
    }

    [Fact]
    public async Task AnErrorObjectInsideA200IsStillThrownAndSoIsAnAuthingEnvelope()
    {
        int call = 0;
        await using var server = new LoopbackServer((context, _) => LoopbackServer.WriteAsync(context, 200, Interlocked.Increment(ref call) == 1
            ? "{\"error\":\"access_denied\",\"error_description\":\"user said no\"}"
            : "{\"statusCode\":400,\"apiCode\":1234,\"message\":\"应用不存在\",\"requestId\":\"r-1\"}"));
        var oidc = new AuthingOidcClient(new HttpClient(), new AuthenticationClientOptions { AppId = "a", AppSecret = "s", AppHost = server.BaseUrl });

        AuthingOAuthException oauth = await Assert.ThrowsAsync<AuthingOAuthException>(() => oidc.ClientCredentialsAsync());
        AuthingApiException envelope = await Assert.ThrowsAsync<AuthingApiException>(() => oidc.ClientCredentialsAsync());

        Assert.Equal((AuthingErrorKind.BusinessError, "access_denied", "user said no"), (oauth.Kind, oauth.Error, oauth.ErrorDescription));
        Assert.IsNotType<AuthingOAuthException>(envelope);
        Assert.Equal((AuthingErrorKind.BusinessError, 400, 1234, "应用不存在", "r-1"), (envelope.Kind, envelope.StatusCode, envelope.ApiCode, envelope.ServerMessage, envelope.RequestId));
    }

    [Theory]
    [InlineData(500, "<html>gateway</html>", AuthingErrorKind.HttpError)]
    [InlineData(200, "not json", AuthingErrorKind.InvalidResponse)]
    [InlineData(200, "{\"token_type\":\"Bearer\"}", AuthingErrorKind.InvalidResponse)]
    public async Task ABodyThatIsNeitherTokensNorAnOAuthErrorIsAnAuthingApiException(int status, string body, AuthingErrorKind kind)
    {
        await using var server = new LoopbackServer((context, _) => LoopbackServer.WriteAsync(context, status, body));
        var oidc = new AuthingOidcClient(new HttpClient(), new AuthenticationClientOptions { AppId = "a", AppSecret = "s", AppHost = server.BaseUrl });

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => oidc.RefreshTokenAsync("r"));

        Assert.IsNotType<AuthingOAuthException>(ex);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(status, ex.HttpStatusCode);
        Assert.Equal(body, ex.RawBody);
    }

    [Fact]
    public async Task CancellingATokenRequestThrowsOperationCanceledWithTheCallersToken()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackServer(async (context, stopping) =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, stopping);
        });
        var oidc = new AuthingOidcClient(new HttpClient(), new AuthenticationClientOptions { AppId = "a", AppSecret = "s", AppHost = server.BaseUrl });
        using var cancel = new CancellationTokenSource();

        Task call = oidc.ExchangeCodeAsync("code", "verifier", "https://app.example.com/cb", cancel.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cancel.Cancel();

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancel.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task ProtocolCallsGoThroughTheCallersHttpClientHandlersAndTheTransportLog()
    {
        await using var provider = new LoopbackOidcProvider();
        var seen = new List<string>();
        var httpClient = new HttpClient(new RecordingHandler(seen) { InnerHandler = new HttpClientHandler() });
        var logger = new ListLogger();
        AuthingOidcClient oidc = OidcTestClients.Create(provider, httpClient: httpClient, logger: logger);

        await oidc.ClientCredentialsAsync();

        Assert.Equal(new[] { "POST /oidc/token" }, seen);
        Assert.Contains(logger.Lines, l => l.Contains("Authing POST /oidc/token answered HTTP 200", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.Contains(LoopbackOidcProvider.AppSecret, StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidOidcOptionsAreListedWithTheOtherOptionProblems()
    {
        var options = new AuthenticationClientOptions { AppId = "a", AppSecret = "s", AppHost = "example.authing.cn" };
        options.Oidc.Scope = "profile email";
        options.Oidc.RedirectUri = "/relative";
        options.Oidc.ClockSkew = TimeSpan.FromSeconds(-1);
        options.Oidc.JwksCacheDuration = TimeSpan.Zero;

        IReadOnlyList<string> errors = options.GetValidationErrors();

        Assert.Contains("Oidc.Scope must contain 'openid' when Oidc.Protocol is Oidc.", errors);
        Assert.Contains("Oidc.RedirectUri must be an absolute URI; '/relative' is not.", errors);
        Assert.Contains(errors, e => e.StartsWith("Oidc.ClockSkew must be between zero and one hour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Oidc.JwksCacheDuration must be greater than zero", StringComparison.Ordinal));
        Assert.Throws<ArgumentNullException>(() => options.Oidc = null!);
    }

    [Fact]
    public async Task TheTransportHandsOutOneSharedOidcClient()
    {
        await using var provider = new LoopbackOidcProvider();
        using var transport = new AuthenticationTransport(new HttpClient(), OidcTestClients.Options(provider));

        AuthingOidcClient[] clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => transport.Oidc)));

        Assert.All(clients, c => Assert.Same(clients[0], c));
        Assert.Equal(provider.BaseUrl + "/oidc", clients[0].Issuer);
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.Method + " " + request.RequestUri!.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
