using System.Collections.Concurrent;
using System.Text;
using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class AuthenticationTransportTests
{
    private const string Ok = "{\"statusCode\":200,\"message\":\"ok\"}";

    private static AuthenticationClientOptions Options(
        TokenEndpointAuthMethod method = TokenEndpointAuthMethod.ClientSecretPost, string? token = null) =>
        new()
        {
            AppId = "app-1",
            AppSecret = "app-secret",
            AppHost = "pool.authing.cn/",
            AccessToken = token,
            TokenEndpointAuthMethod = method,
        };

    private static async Task<CapturedRequest> SendAsync(AuthenticationTransport transport, StubHandler handler, string path)
    {
        await transport.SendAsync(new AuthingRequest(HttpMethod.Post, path), TestResponseConverter.Instance, default);
        return handler.Requests.Last();
    }

    [Fact]
    public async Task AccessTokenIsSentRawWithoutBearerAlongsideTheAppId()
    {
        var handler = StubHandler.Json(Ok);
        using var transport = new AuthenticationTransport(new HttpClient(handler), Options(token: "eyJ.token"));

        CapturedRequest sent = await SendAsync(transport, handler, "/api/v3/get-profile");

        Assert.Equal("https://pool.authing.cn/api/v3/get-profile", sent.Uri.AbsoluteUri);
        Assert.Equal("eyJ.token", sent.Headers["authorization"]);
        Assert.Equal("app-1", sent.Headers["x-authing-app-id"]);
        Assert.False(sent.Headers.ContainsKey("x-authing-lang"));
        Assert.False(sent.Headers.ContainsKey("x-authing-signature-nonce"));
    }

    [Fact]
    public async Task NoTokenMeansNoAuthorizationHeader()
    {
        var handler = StubHandler.Json(Ok);
        using var transport = new AuthenticationTransport(new HttpClient(handler), Options());

        CapturedRequest sent = await SendAsync(transport, handler, "/api/v3/get-profile");

        Assert.False(sent.Headers.ContainsKey("authorization"));
        Assert.Equal("app-1", sent.Headers["x-authing-app-id"]);
    }

    [Theory]
    [InlineData("/api/v3/signin")]
    [InlineData("/api/v3/signin-by-mobile")]
    [InlineData("/api/v3/exchange-tokenset-with-qrcode-ticket")]
    [InlineData("/oidc/token")]
    [InlineData("/oidc/token/revocation")]
    [InlineData("/oidc/token/introspection")]
    [InlineData("/oauth/token")]
    [InlineData("/oauth/token/revocation")]
    [InlineData("/oauth/token/introspection")]
    public async Task ClientSecretBasicReplacesTheTokenOnTheNineTokenAndSignInPaths(string path)
    {
        var handler = StubHandler.Json(Ok);
        using var transport = new AuthenticationTransport(
            new HttpClient(handler), Options(TokenEndpointAuthMethod.ClientSecretBasic, token: "user-token"));

        CapturedRequest sent = await SendAsync(transport, handler, path);

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-1:app-secret")), sent.Headers["authorization"]);
        Assert.Equal("Basic YXBwLTE6YXBwLXNlY3JldA==", sent.Headers["authorization"]);
    }

    [Fact]
    public async Task ClientSecretBasicLeavesOtherPathsToTheToken()
    {
        var handler = StubHandler.Json(Ok);
        using var transport = new AuthenticationTransport(
            new HttpClient(handler), Options(TokenEndpointAuthMethod.ClientSecretBasic, token: "user-token"));

        Assert.Equal("user-token", (await SendAsync(transport, handler, "/api/v3/signin-by-mobile/extra")).Headers["authorization"]);
        Assert.Equal("user-token", (await SendAsync(transport, handler, "/api/v3/get-profile")).Headers["authorization"]);
    }

    [Fact]
    public async Task ClientSecretPostSendsTheTokenEvenOnSignIn()
    {
        var handler = StubHandler.Json(Ok);
        using var transport = new AuthenticationTransport(new HttpClient(handler), Options(token: "user-token"));

        Assert.Equal("user-token", (await SendAsync(transport, handler, "/api/v3/signin")).Headers["authorization"]);
    }

    [Fact]
    public async Task SetAccessTokenAppliesToLaterRequestsWithoutDisturbingOneInFlight()
    {
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int count = 0;
        var handler = new StubHandler(async (_, _) =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                firstArrived.SetResult();
                await releaseFirst.Task;
            }

            return StubHandler.Response(System.Net.HttpStatusCode.OK, Ok);
        });
        using var transport = new AuthenticationTransport(new HttpClient(handler), Options(token: "token-A"));

        Task first = transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/a"), TestResponseConverter.Instance, default);
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        transport.SetAccessToken("token-B");
        await transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/b"), TestResponseConverter.Instance, default);
        releaseFirst.SetResult();
        await first;
        transport.SetAccessToken(null);
        await transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/c"), TestResponseConverter.Instance, default);

        CapturedRequest[] sent = handler.Requests.ToArray();
        Assert.Equal("token-A", sent.Single(r => r.Uri.AbsolutePath == "/api/v3/a").Headers["authorization"]);
        Assert.Equal("token-B", sent.Single(r => r.Uri.AbsolutePath == "/api/v3/b").Headers["authorization"]);
        Assert.False(sent.Single(r => r.Uri.AbsolutePath == "/api/v3/c").Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task ConcurrentCallsWhileTheTokenChangesEachCarryOneWholeToken()
    {
        var handler = StubHandler.Json(Ok);
        using var transport = new AuthenticationTransport(new HttpClient(handler), Options(token: "token-A"));
        using var stop = new CancellationTokenSource();
        Task flipper = Task.Run(() =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                transport.SetAccessToken(i % 2 == 0 ? "token-B" : "token-A");
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/x"), TestResponseConverter.Instance, default))));
        stop.Cancel();
        await flipper;

        Assert.Equal(300, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Contains(r.Headers["authorization"], new[] { "token-A", "token-B" }));
    }

    [Fact]
    public void TokenWithLineBreakIsRejectedWithoutEchoingIt()
    {
        using var transport = new AuthenticationTransport(new HttpClient(), Options());

        ArgumentException ex = Assert.Throws<ArgumentException>(() => transport.SetAccessToken("abc\r\nx-injected: secret-part"));

        Assert.Equal("token", ex.ParamName);
        Assert.DoesNotContain("secret-part", ex.Message);
        Assert.Contains("CR, LF or NUL", ex.Message);
    }

    [Fact]
    public void AppIdWithLineBreakIsRejectedAtConstruction()
    {
        var options = Options();
        options.AppId = "app\n1";

        ArgumentException ex = Assert.Throws<ArgumentException>(() => new AuthenticationTransport(new HttpClient(), options));

        Assert.Contains("AppId must not contain CR, LF or NUL characters", ex.Message);
    }

    [Fact]
    public void TenantIdWithLineBreakIsRejectedAtConstruction()
    {
        var options = new ManagementClientOptions { AccessKeyId = "ak", AccessKeySecret = "sk", TenantId = "t\r1" };

        ArgumentException ex = Assert.Throws<ArgumentException>(() => new ManagementTransport(new HttpClient(), options));

        Assert.Contains("TenantId must not contain CR, LF or NUL characters", ex.Message);
    }
}
