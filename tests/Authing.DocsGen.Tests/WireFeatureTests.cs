using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Authing.Sdk;
using Authing.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Authing.DocsGen.Tests;

/// <summary>The generated SDK's per-call options, user-scoped clients and interfaces against a real HTTP server on 127.0.0.1.</summary>
public sealed class WireFeatureTests
{
    private const string Ok = """{"statusCode":200,"message":"ok","data":{"factorType":"SMS"}}""";

    private static EnrollFactorDto Dto(string token) => new()
    {
        EnrollmentData = new EnrollFactorEnrollmentDataDto(),
        EnrollmentToken = token,
        FactorType = EnrollFactorFactorType.Sms,
    };

    private static AuthenticationClientOptions Options(string host) => new()
    {
        AppId = "app-1",
        AppSecret = "app-secret",
        AppHost = host,
        Timeout = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public async Task WithAccessToken_thousand_concurrent_users_on_one_client_each_send_exactly_their_own_token()
    {
        await using var server = new ConcurrentServer((_, _) => Task.FromResult((200, Ok)));
        using var httpClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 });
        var client = new AuthenticationClient(httpClient, Options(server.BaseAddress));

        // A single-user token set on the shared client must never leak into the user-scoped calls.
        client.SetAccessToken("shared-token");
        Task[] calls = Enumerable.Range(0, 1000)
            .Select(i => (Task)client.WithAccessToken($"user-{i}").EnrollFactorAsync(Dto($"u{i}")))
            .ToArray();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(120));

        ServerRequest[] requests = server.Requests.ToArray();
        Assert.Equal(1000, requests.Length);
        Assert.All(requests, r =>
        {
            string user = r.Body.Split("\"enrollmentToken\":\"u")[1].Split('"')[0];
            Assert.Equal($"user-{user}", r.Headers["authorization"]);
        });
        Assert.Equal(1000, requests.Select(r => r.Headers["authorization"]).Distinct().Count());

        // The shared client still sends its own token.
        await client.EnrollFactorAsync(Dto("shared"));
        Assert.Contains(server.Requests, r => r.Body.Contains("\"shared\"", StringComparison.Ordinal) && r.Headers["authorization"] == "shared-token");
    }

    [Fact]
    public void WithAccessToken_rejects_a_token_that_cannot_be_a_header_without_quoting_it()
    {
        var client = new AuthenticationClient(Options("http://localhost:1"));
        var error = Assert.Throws<ArgumentException>(() => client.WithAccessToken("secret\r\nx-evil: 1"));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => client.WithAccessToken(""));
    }

    [Fact]
    public async Task Per_call_options_send_extra_headers_language_and_their_own_token()
    {
        await using var server = new ConcurrentServer((_, _) => Task.FromResult((200, Ok)));
        var client = new AuthenticationClient(Options(server.BaseAddress));
        var scoped = client.WithAccessToken("scoped-token");

        var options = new AuthingRequestOptions { Language = "en-us", AccessToken = "call-token" }.AddHeader("x-correlation-id", "c-1");
        await scoped.EnrollFactorAsync(Dto("a"), options);
        await scoped.EnrollFactorAsync(Dto("b"), null, CancellationToken.None);
        await client.EnrollFactorAsync(Dto("c"), new AuthingRequestOptions());

        ServerRequest a = server.Requests.Single(r => r.Body.Contains("\"a\"", StringComparison.Ordinal));
        Assert.Equal("call-token", a.Headers["authorization"]);
        Assert.Equal("en-US", a.Headers["x-authing-lang"]);
        Assert.Equal("c-1", a.Headers["x-correlation-id"]);
        ServerRequest b = server.Requests.Single(r => r.Body.Contains("\"b\"", StringComparison.Ordinal));
        Assert.Equal("scoped-token", b.Headers["authorization"]);
        Assert.False(b.Headers.ContainsKey("x-correlation-id"));
        Assert.False(b.Headers.ContainsKey("x-authing-lang"));
        ServerRequest c = server.Requests.Single(r => r.Body.Contains("\"c\"", StringComparison.Ordinal));
        Assert.False(c.Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task Per_call_timeout_applies_to_that_call_only()
    {
        await using var server = new ConcurrentServer(async (request, ct) =>
        {
            if (request.Body.Contains("\"slow\"", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(3), ct);
            }

            return (200, Ok);
        });
        var client = new AuthenticationClient(Options(server.BaseAddress));

        var error = await Assert.ThrowsAsync<AuthingApiException>(() =>
            client.EnrollFactorAsync(Dto("slow"), new AuthingRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }));
        var result = await client.EnrollFactorAsync(Dto("fast"), new AuthingRequestOptions { Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(AuthingErrorKind.Timeout, error.Kind);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Per_call_retry_override_lets_a_post_be_retried()
    {
        int calls = 0;
        await using var server = new ConcurrentServer((_, _) =>
            Task.FromResult(Interlocked.Increment(ref calls) <= 2 ? (503, """{"statusCode":503}""") : (200, Ok)));
        var options = Options(server.BaseAddress);
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(1);
        var client = new AuthenticationClient(options);

        await Assert.ThrowsAsync<AuthingApiException>(() => client.EnrollFactorAsync(Dto("once")));
        var result = await client.EnrollFactorAsync(Dto("again"), new AuthingRequestOptions { RetryNonIdempotent = true, MaxRetries = 1 });

        Assert.True(result.IsSuccess);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Interfaces_are_registered_with_dependency_injection_and_send_like_the_classes()
    {
        await using var server = new ConcurrentServer((_, _) => Task.FromResult((200, Ok)));
        var services = new ServiceCollection();
        services.AddAuthingAuthenticationClient(o =>
        {
            o.AppId = "app-di";
            o.AppSecret = "secret";
            o.AppHost = server.BaseAddress;
        });
        services.AddAuthingManagementClient(o =>
        {
            o.AccessKeyId = "ak";
            o.AccessKeySecret = "sk";
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        IAuthenticationClient client = provider.GetRequiredService<IAuthenticationClient>();
        Assert.IsType<AuthenticationClient>(client);
        Assert.IsType<ManagementClient>(provider.GetRequiredService<IManagementClient>());
        var result = await client.WithAccessToken("di-user").EnrollFactorAsync(Dto("di"));

        Assert.True(result.IsSuccess);
        Assert.Equal("di-user", server.Requests.Single().Headers["authorization"]);
    }

    [Fact]
    public async Task WithRawResponse_returns_status_headers_request_id_and_body_from_one_request()
    {
        const string body = """{"statusCode":200,"message":"ok","requestId":"req-42","data":{"factorType":"SMS"}}""";
        await using var server = new ConcurrentServer((_, _) => Task.FromResult((200, body)));
        var client = new AuthenticationClient(Options(server.BaseAddress));

        AuthingRawResponse<EnrollFactorRespDto> raw = await client.WithAccessToken("raw-user").WithRawResponse.EnrollFactorAsync(Dto("raw"));

        Assert.Equal(200, raw.HttpStatusCode);
        Assert.Equal("req-42", raw.RequestId);
        Assert.Equal(body, raw.RawBody);
        Assert.StartsWith("application/json", raw.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("ok", raw.Value.Message);
        ServerRequest sent = Assert.Single(server.Requests);
        Assert.Equal("raw-user", sent.Headers["authorization"]);
    }

    [Fact]
    public async Task Api_exception_carries_the_error_response_headers()
    {
        await using var server = new ConcurrentServer((_, _) => Task.FromResult((403, """{"statusCode":403,"message":"no"}""")));
        var client = new AuthenticationClient(Options(server.BaseAddress));

        var error = await Assert.ThrowsAsync<AuthingApiException>(() => client.WithRawResponse.EnrollFactorAsync(Dto("x")));

        Assert.Equal(403, error.HttpStatusCode);
        Assert.StartsWith("application/json", error.ResponseHeaders!["content-type"], StringComparison.Ordinal);
    }

    private sealed record ServerRequest(string Method, string Path, Dictionary<string, string> Headers, string Body);

    /// <summary>An HTTP server on 127.0.0.1 that answers requests concurrently through a delegate and records them.</summary>
    private sealed class ConcurrentServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly Task _loop;
        private readonly ConcurrentBag<Task> _handlers = new();

        public ConcurrentServer(Func<ServerRequest, CancellationToken, Task<(int Status, string Body)>> respond)
        {
            for (int attempt = 0; ; attempt++)
            {
                using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                int port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                try
                {
                    _listener.Start();
                    BaseAddress = $"http://127.0.0.1:{port}";
                    break;
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                }
            }

            _loop = Task.Run(async () =>
            {
                while (!_stopping.IsCancellationRequested)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception) when (_stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    _handlers.Add(Task.Run(async () =>
                    {
                        try
                        {
                            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                            var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
                            var request = new ServerRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, await reader.ReadToEndAsync());
                            Requests.Enqueue(request);
                            (int status, string body) = await respond(request, _stopping.Token);
                            byte[] bytes = Encoding.UTF8.GetBytes(body);
                            context.Response.StatusCode = status;
                            context.Response.ContentType = "application/json; charset=utf-8";
                            await context.Response.OutputStream.WriteAsync(bytes);
                            context.Response.Close();
                        }
                        catch (Exception)
                        {
                            context.Response.Abort();
                        }
                    }));
                }
            });
        }

        public string BaseAddress { get; } = "";

        public ConcurrentQueue<ServerRequest> Requests { get; } = new();

        public async ValueTask DisposeAsync()
        {
            _stopping.Cancel();
            _listener.Stop();
            await _loop;
            await Task.WhenAll(_handlers).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
            _listener.Close();
            _stopping.Dispose();
        }
    }
}
