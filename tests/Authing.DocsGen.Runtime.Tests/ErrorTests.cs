using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class ErrorTests
{
    private static ManagementTransport Transport(
        HttpMessageHandler handler, TimeSpan? timeout = null, bool throwOnBusinessError = false, string host = "https://api.authing.cn") =>
        new(
            new HttpClient(handler),
            new ManagementClientOptions
            {
                AccessKeyId = "ak",
                AccessKeySecret = "sk",
                Host = host,
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
                ThrowOnBusinessError = throwOnBusinessError,
            });

    private static Task<TestResponse> GetAsync(AuthingTransport transport, CancellationToken cancellationToken = default) =>
        transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, cancellationToken);

    [Fact]
    public async Task NonSuccessStatusWithEnvelopeThrowsHttpErrorWithEveryField()
    {
        const string body = "{\"statusCode\":400,\"apiCode\":2004,\"message\":\"用户不存在\",\"requestId\":\"req-42\",\"data\":null}";
        using var transport = Transport(StubHandler.Json(body, HttpStatusCode.BadRequest));

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.Equal(AuthingErrorKind.HttpError, ex.Kind);
        Assert.Equal(400, ex.HttpStatusCode);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(2004, ex.ApiCode);
        Assert.Equal("用户不存在", ex.ServerMessage);
        Assert.Equal("req-42", ex.RequestId);
        Assert.Equal(body, ex.RawBody);
        Assert.Equal(
            "The Authing request GET /api/v3/get-user failed: HTTP 400 (BadRequest). statusCode 400. apiCode 2004. " +
            "Server message: 用户不存在. RequestId: req-42.",
            ex.Message);
    }

    [Fact]
    public async Task NonSuccessStatusWithHtmlKeepsTheBodyAndLeavesEnvelopeFieldsEmpty()
    {
        const string body = "<html><body>502 Bad Gateway</body></html>";
        using var transport = Transport(new StubHandler((_, _) =>
            Task.FromResult(StubHandler.Response(HttpStatusCode.BadGateway, body, "text/html"))));

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.Equal(AuthingErrorKind.HttpError, ex.Kind);
        Assert.Equal(502, ex.HttpStatusCode);
        Assert.Null(ex.StatusCode);
        Assert.Null(ex.ApiCode);
        Assert.Null(ex.ServerMessage);
        Assert.Equal(body, ex.RawBody);
        Assert.Equal("The Authing request GET /api/v3/get-user failed: HTTP 502 (BadGateway).", ex.Message);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{\"statusCode\":200} trailing")]
    [InlineData("{\"statusCode\":\"two hundred\"}")]
    [InlineData("null")]
    public async Task UnreadableSuccessBodyThrowsInvalidResponseWithTheRawBody(string body)
    {
        using var transport = Transport(StubHandler.Json(body));

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(200, ex.HttpStatusCode);
        Assert.Equal(body, ex.RawBody);
        Assert.NotNull(ex.InnerException);
        Assert.StartsWith("The Authing request GET /api/v3/get-user returned a response that could not be read", ex.Message);
    }

    [Fact]
    public async Task InvalidJsonInnerExceptionIsTheJsonException()
    {
        using var transport = Transport(StubHandler.Json("{not json"));

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task Utf8BomIsAccepted()
    {
        var handler = new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "{\"statusCode\":200,\"data\":\"x\"}"u8.ToArray()]),
        }));
        using var transport = Transport(handler);

        Assert.Equal("x", (await GetAsync(transport)).Data);
    }

    [Fact]
    public async Task TimeoutThrowsTimeoutKindWithoutHttpStatus()
    {
        using var transport = Transport(
            new StubHandler(async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new UnreachableException();
            }),
            timeout: TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.Equal(AuthingErrorKind.Timeout, ex.Kind);
        Assert.Null(ex.HttpStatusCode);
        Assert.Null(ex.RawBody);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.StartsWith("The Authing request GET /api/v3/get-user timed out after ", ex.Message);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(90), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TimeoutCoversABodyThatStallsAfterTheHeadersOverLoopback()
    {
        await using var server = new LoopbackServer(async (context, stopping) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = 1000;
            await context.Response.OutputStream.WriteAsync("{\"statusCode\":"u8.ToArray(), stopping);
            await context.Response.OutputStream.FlushAsync(stopping);
            await Task.Delay(TimeSpan.FromSeconds(30), stopping);
        });
        using var transport = Transport(new SocketsHttpHandler(), timeout: TimeSpan.FromMilliseconds(300), host: server.BaseUrl);

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.Equal(AuthingErrorKind.Timeout, ex.Kind);
    }

    [Fact]
    public async Task ShorterHttpClientTimeoutIsAlsoReportedAsTimeout()
    {
        var handler = new StubHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new UnreachableException();
        });
        using var transport = new ManagementTransport(
            new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(100) },
            new ManagementClientOptions { AccessKeyId = "ak", AccessKeySecret = "sk" });

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.Equal(AuthingErrorKind.Timeout, ex.Kind);
    }

    [Fact]
    public async Task CallerCancellationThrowsOperationCanceledWithTheCallersToken()
    {
        using var transport = Transport(new StubHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new UnreachableException();
        }));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GetAsync(transport, caller.Token));

        Assert.Equal(caller.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task AlreadyCancelledTokenSendsNothing()
    {
        var handler = StubHandler.Json("{}");
        using var transport = Transport(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GetAsync(transport, new CancellationToken(canceled: true)));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task RefusedConnectionThrowsNetworkKind()
    {
        int closedPort = LoopbackServer.FreePort();
        using var transport = Transport(new SocketsHttpHandler(), host: $"http://127.0.0.1:{closedPort}");

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.Equal(AuthingErrorKind.Network, ex.Kind);
        Assert.Null(ex.HttpStatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task BusinessErrorIsReturnedByDefaultLikeTheNodeSdk()
    {
        using var transport = Transport(StubHandler.Json("{\"statusCode\":403,\"apiCode\":1576,\"message\":\"无权限\",\"requestId\":\"r1\"}"));

        TestResponse response = await GetAsync(transport);

        Assert.False(response.IsSuccess);
        Assert.Equal(403, response.StatusCode);
        Assert.Equal(1576, response.ApiCode);
        Assert.Equal("无权限", response.Message);
    }

    [Fact]
    public async Task BusinessErrorIsThrownWhenTheOptionsAskForIt()
    {
        const string body = "{\"statusCode\":403,\"apiCode\":1576,\"message\":\"无权限\",\"requestId\":\"r1\"}";
        using var transport = Transport(StubHandler.Json(body), throwOnBusinessError: true);

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => GetAsync(transport));

        Assert.Equal(AuthingErrorKind.BusinessError, ex.Kind);
        Assert.Equal(200, ex.HttpStatusCode);
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(1576, ex.ApiCode);
        Assert.Equal("无权限", ex.ServerMessage);
        Assert.Equal("r1", ex.RequestId);
        Assert.Equal(body, ex.RawBody);
        Assert.Equal(
            "The Authing request GET /api/v3/get-user returned a business error: HTTP 200 (OK). statusCode 403. " +
            "apiCode 1576. Server message: 无权限. RequestId: r1.",
            ex.Message);
    }

    [Fact]
    public async Task SuccessIsReturnedWhenThrowingOnBusinessErrors()
    {
        using var transport = Transport(StubHandler.Json("{\"statusCode\":200,\"data\":\"ok\"}"), throwOnBusinessError: true);

        Assert.Equal("ok", (await GetAsync(transport)).Data);
    }

    [Fact]
    public async Task BodilessSendChecksStatusAndBusinessEnvelope()
    {
        using var empty = Transport(new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent))), throwOnBusinessError: true);
        await empty.SendAsync(new AuthingRequest(HttpMethod.Delete, "/api/v3/x"), default);

        using var business = Transport(StubHandler.Json("{\"statusCode\":500,\"message\":\"boom\"}"), throwOnBusinessError: true);
        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(
            () => business.SendAsync(new AuthingRequest(HttpMethod.Delete, "/api/v3/x"), default));
        Assert.Equal(AuthingErrorKind.BusinessError, ex.Kind);
        Assert.Equal("boom", ex.ServerMessage);
    }

    [Fact]
    public async Task DisposedTransportRefusesToSend()
    {
        var transport = Transport(StubHandler.Json("{}"));
        transport.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => GetAsync(transport));
    }
}
