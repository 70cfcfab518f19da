using System.Net;
using Authing.Sdk;
using Authing.Sdk.DependencyInjection;
using Authing.Sdk.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class RetryTests
{
    private const string Ok = "{\"statusCode\":200,\"message\":\"ok\",\"data\":\"done\"}";
    private const string Unavailable = "{\"statusCode\":503,\"message\":\"busy\"}";

    private static ManagementClientOptions Options(string host, int maxRetries = 2) => new()
    {
        AccessKeyId = "test-ak",
        AccessKeySecret = "test-secret",
        Host = host,
        Retry = { MaxRetries = maxRetries, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    };

    private static (int, string, Dictionary<string, string>?) Answer(int status, string body, string? retryAfter = null) =>
        (status, body, retryAfter is null ? null : new() { ["Retry-After"] = retryAfter });

    /// <summary>Stands in for a generated client registered with dependency injection.</summary>
    public sealed class FakeClient(ManagementTransport transport)
    {
        public ManagementTransport Transport { get; } = transport;
    }

    [Fact]
    public async Task ResilienceHandlerResendsThroughTheFactoryAreResignedAndAcceptedByANonceCheckingServer()
    {
        await using var server = new SignedServer((i, _) => i < 2 ? Answer(503, Unavailable) : Answer(200, Ok));
        var services = new ServiceCollection();
        IHttpClientBuilder builder = AuthingServiceCollectionHelpers.AddAuthingClientCore<FakeClient, ManagementClientOptions>(
            services,
            o =>
            {
                o.AccessKeyId = "test-ak";
                o.AccessKeySecret = "test-secret";
                o.Host = server.BaseUrl;
                o.Retry.MaxRetries = 0; // only the outer handler retries
            },
            (http, options, logger) => new FakeClient(new ManagementTransport(http, options, logger)));

        // Added after the registration, as users add AddStandardResilienceHandler(): the signing handler stays innermost.
        builder.AddHttpMessageHandler(() => new ResendingHandler(3));
        using ServiceProvider provider = services.BuildServiceProvider();

        TestResponse response = await provider.GetRequiredService<FakeClient>().Transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/list-users"), TestResponseConverter.Instance, default);

        Assert.Equal("done", response.Data);
        ReceivedRequest[] requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.True(r.SignatureValid && !r.NonceReused));
        Assert.Equal(3, requests.Select(r => r.Headers["x-authing-signature-nonce"]).Distinct().Count());
    }

    [Fact]
    public async Task WithoutTheSigningHandlerAResendReusesTheNonceAndTheServerRejectsIt()
    {
        // The control for the test above: the same outer retry, straight over the socket handler.
        await using var server = new SignedServer((i, _) => i < 1 ? Answer(503, Unavailable) : Answer(200, Ok));
        using var httpClient = new HttpClient(new ResendingHandler(3, new SocketsHttpHandler()));
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl, maxRetries: 0));

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/list-users"), TestResponseConverter.Instance, default));

        Assert.Equal(401, ex.HttpStatusCode);
        Assert.True(server.Requests.ToArray()[1].NonceReused);
    }

    [Fact]
    public async Task SigningHandlerInAHandBuiltPipelineResignsEveryResend()
    {
        await using var server = new SignedServer((i, _) => i < 2 ? Answer(502, Unavailable) : Answer(200, Ok));
        using var httpClient = new HttpClient(new ResendingHandler(3, new AuthingSigningHandler(new SocketsHttpHandler())));
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl, maxRetries: 0));

        await transport.SendAsync(new AuthingRequest(HttpMethod.Post, "/api/v3/create-user"), TestResponseConverter.Instance, default);

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(r.SignatureValid && !r.NonceReused));
    }

    [Fact]
    public async Task BuiltInRetriesSignEachAttemptAfreshAndHonourRetryAfterSecondsAndDates()
    {
        await using var server = new SignedServer((i, _) => i switch
        {
            0 => Answer(503, Unavailable, "0"),
            1 => Answer(429, "{\"statusCode\":429}", DateTimeOffset.UtcNow.AddSeconds(-5).ToString("r")),
            _ => Answer(200, Ok),
        });
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl));

        TestResponse response = await transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, default);

        Assert.Equal("done", response.Data);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(r.SignatureValid && !r.NonceReused));
    }

    [Fact]
    public async Task RetryAfterAboveTheCapFailsAtOnceWithTheValueAndTheHeaders()
    {
        await using var server = new SignedServer((_, _) => Answer(503, Unavailable, "120"));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl));

        var started = System.Diagnostics.Stopwatch.StartNew();
        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, default));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Single(server.Requests);
        Assert.Equal(503, ex.HttpStatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Contains("retry after 120 s", ex.Message);
        Assert.Equal("120", ex.ResponseHeaders!["retry-after"]);
    }

    [Fact]
    public async Task GetGivesUpAfterMaxRetriesWithTheLastError()
    {
        await using var server = new SignedServer((_, _) => Answer(500, "{\"statusCode\":500,\"message\":\"boom\"}"));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl));

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, default));

        Assert.Equal(AuthingErrorKind.HttpError, ex.Kind);
        Assert.Equal(500, ex.HttpStatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task OtherStatusesAreNotRetried(int status)
    {
        await using var server = new SignedServer((_, _) => Answer(status, "{}"));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl));

        await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, default));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task MaxRetriesZeroTurnsRetriesOff()
    {
        await using var server = new SignedServer((_, _) => Answer(503, Unavailable));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl, maxRetries: 0));

        await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, default));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PostIsNotRetriedOnAServerErrorUnlessTheCallOptsIn()
    {
        await using var server = new SignedServer((_, _) => Answer(503, Unavailable));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl));

        await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Post, "/api/v3/create-user"), TestResponseConverter.Instance, default));
        Assert.Single(server.Requests);

        await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Post, "/api/v3/list-users"),
            TestResponseConverter.Instance,
            new AuthingRequestOptions { RetryNonIdempotent = true },
            default));
        Assert.Equal(4, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(r.SignatureValid && !r.NonceReused));
    }

    [Fact]
    public async Task PostIsRetriedWhenTheConnectionIsRefused()
    {
        var counting = new CountingHandler(new SocketsHttpHandler());
        using var httpClient = new HttpClient(counting);
        using var transport = new ManagementTransport(httpClient, Options($"http://127.0.0.1:{LoopbackServer.FreePort()}"));

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Post, "/api/v3/create-user"), TestResponseConverter.Instance, default));

        Assert.Equal(AuthingErrorKind.Network, ex.Kind);
        Assert.Equal(3, counting.Count);
    }

    [Fact]
    public async Task CancellationDuringTheBackoffThrowsWithTheCallersToken()
    {
        await using var server = new SignedServer((_, _) => Answer(503, Unavailable, "20"));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, Options(server.BaseUrl));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, cancel.Token));

        Assert.Equal(cancel.Token, ex.CancellationToken);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void InvalidRetryOptionsAreListed()
    {
        var options = Options("https://api.authing.cn");
        options.Retry.MaxRetries = -1;
        Assert.Contains("Retry.MaxRetries must be between 0 and 10.", options.GetValidationErrors());
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
