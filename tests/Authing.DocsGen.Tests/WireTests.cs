using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using System.Text.Json;
using Authing.Sdk;
using Authing.Sdk.Models;

namespace Authing.DocsGen.Tests;

/// <summary>The committed, generated SDK against a real HTTP server on 127.0.0.1.</summary>
public sealed class WireTests
{
    [Fact]
    public async Task EnrollFactor_posts_the_exact_json_body_with_app_id_and_raw_token_headers()
    {
        const string response = """{"statusCode":200,"message":"操作成功","requestId":"934108e5","data":{"factorType":"WEBAUTHN"},"unexpected":[1,2,{"x":null}]}""";
        await using var server = await LoopbackServer.StartAsync(response);
        var client = new AuthenticationClient(new AuthenticationClientOptions
        {
            AppId = "app-1",
            AppSecret = "app-secret",
            AppHost = server.BaseAddress,
        });
        client.SetAccessToken("user-token");

        var result = await client.EnrollFactorAsync(new EnrollFactorDto
        {
            EnrollmentData = new EnrollFactorEnrollmentDataDto { PassCode = "123456" },
            EnrollmentToken = "tok+/=",
            FactorType = EnrollFactorFactorType.Sms,
        });

        var request = server.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v3/enroll-factor", request.Path);
        Assert.Equal("app-1", request.Headers["x-authing-app-id"]);
        Assert.Equal("user-token", request.Headers["authorization"]);
        Assert.StartsWith("application/json", request.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("""{"enrollmentData":{"passCode":"123456"},"enrollmentToken":"tok+/=","factorType":"SMS"}""", request.Body);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("操作成功", result.Message);
        Assert.Equal("934108e5", result.RequestId);
        Assert.Null(result.ApiCode);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Client_registered_with_dependency_injection_sends_through_the_http_client_factory()
    {
        await using var server = await LoopbackServer.StartAsync("""{"statusCode":200,"message":"ok"}""");
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var handlerRan = false;
        services.AddAuthingAuthenticationClient(options =>
            {
                options.AppId = "app-di";
                options.AppSecret = "secret";
                options.AppHost = server.BaseAddress;
            })
            .AddHttpMessageHandler(() => new RecordingHandler(() => handlerRan = true));
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AuthenticationClient>(provider);
        var result = await client.EnrollFactorAsync(new EnrollFactorDto
        {
            EnrollmentData = new EnrollFactorEnrollmentDataDto(),
            EnrollmentToken = "t",
            FactorType = EnrollFactorFactorType.Face,
        });

        Assert.Equal(200, result.StatusCode);
        Assert.True(handlerRan);
        Assert.Equal("app-di", server.Requests.Single().Headers["x-authing-app-id"]);
    }

    [Fact]
    public void Dependency_injection_rejects_invalid_options_when_the_client_is_resolved()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddAuthingManagementClient(options => options.AccessKeyId = "ak-only");
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var error = Assert.ThrowsAny<Exception>(() => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ManagementClient>(provider));
        Assert.Contains("AccessKeySecret", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public void Unknown_factor_type_and_unknown_fields_survive_a_round_trip_unchanged()
    {
        const string json = """{"enrollmentData":{},"enrollmentToken":"t","factorType":"WEBAUTHN","extra":true}""";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var dto = EnrollFactorDtoJsonConverter.Instance.Read(ref reader, typeof(EnrollFactorDto), Authing.Sdk.Runtime.AuthingJson.Options)!;

        Assert.Equal("WEBAUTHN", dto.FactorType.Value);
        Assert.False(dto.FactorType.IsKnown);
        Assert.True(EnrollFactorFactorType.Sms.IsKnown);
        Assert.Equal(new EnrollFactorFactorType("SMS"), EnrollFactorFactorType.Sms);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            EnrollFactorDtoJsonConverter.Instance.Write(writer, dto, Authing.Sdk.Runtime.AuthingJson.Options);
        }

        // The field the docs do not list is kept in AdditionalProperties and written back unchanged.
        Assert.Equal("true", dto.AdditionalProperties!["extra"].GetRawText());
        Assert.Equal("""{"enrollmentData":{},"enrollmentToken":"t","factorType":"WEBAUTHN","extra":true}""", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void Response_missing_every_field_still_deserializes()
    {
        var reader = new Utf8JsonReader("{}"u8);
        reader.Read();
        var response = EnrollFactorRespDtoJsonConverter.Instance.Read(ref reader, typeof(EnrollFactorRespDto), Authing.Sdk.Runtime.AuthingJson.Options)!;
        Assert.Null(response.StatusCode);
        Assert.Null(response.Message);
    }

    [Fact]
    public void Request_missing_a_required_field_is_rejected_with_the_wire_name()
    {
        var reader = new Utf8JsonReader("""{"enrollmentData":{},"factorType":"SMS"}"""u8);
        reader.Read();
        try
        {
            EnrollFactorDtoJsonConverter.Instance.Read(ref reader, typeof(EnrollFactorDto), Authing.Sdk.Runtime.AuthingJson.Options);
            Assert.Fail("expected a JsonException");
        }
        catch (JsonException ex)
        {
            Assert.Contains("enrollmentToken", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Http_error_keeps_status_envelope_and_raw_body()
    {
        const string body = """{"statusCode":403,"message":"无权限","apiCode":1234,"requestId":"r-9"}""";
        await using var server = await LoopbackServer.StartAsync(body, HttpStatusCode.Forbidden);
        var client = new AuthenticationClient(new AuthenticationClientOptions { AppId = "app-1", AppSecret = "s", AppHost = server.BaseAddress });

        var error = await Assert.ThrowsAsync<AuthingApiException>(() => client.EnrollFactorAsync(new EnrollFactorDto
        {
            EnrollmentData = new EnrollFactorEnrollmentDataDto(),
            EnrollmentToken = "t",
            FactorType = EnrollFactorFactorType.Otp,
        }));

        Assert.Equal(403, error.HttpStatusCode);
        Assert.Equal(1234, error.ApiCode);
        Assert.Equal("无权限", error.ServerMessage);
        Assert.Equal("r-9", error.RequestId);
        Assert.Equal(body, error.RawBody);
    }

    /// <summary>A one-route HTTP server on 127.0.0.1 with an ephemeral port that records what it received.</summary>
    private sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _loop;

        private LoopbackServer(HttpListener listener, string baseAddress, string response, HttpStatusCode status)
        {
            _listener = listener;
            BaseAddress = baseAddress;
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception) when (!_listener.IsListening)
                    {
                        return;
                    }

                    using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                    var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
                    Requests.Add(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, await reader.ReadToEndAsync()));
                    var bytes = Encoding.UTF8.GetBytes(response);
                    context.Response.StatusCode = (int)status;
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string BaseAddress { get; }

        public System.Collections.Concurrent.ConcurrentBag<ReceivedRequest> Requests { get; } = new();

        public static Task<LoopbackServer> StartAsync(string response, HttpStatusCode status = HttpStatusCode.OK)
        {
            for (var attempt = 0; ; attempt++)
            {
                var port = FreePort();
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                try
                {
                    listener.Start();
                    return Task.FromResult(new LoopbackServer(listener, $"http://127.0.0.1:{port}", response, status));
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    listener.Close();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop.ConfigureAwait(false);
        }

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }

    private sealed record ReceivedRequest(string Method, string Path, Dictionary<string, string> Headers, string Body);
}
