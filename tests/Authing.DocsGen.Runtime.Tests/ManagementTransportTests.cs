using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class ManagementTransportTests
{
    private const string Ok = "{\"statusCode\":200,\"message\":\"ok\",\"data\":\"d\"}";

    private static ManagementClientOptions Options(string host = "https://api.authing.cn") =>
        new() { AccessKeyId = "test-ak", AccessKeySecret = "test-secret", Host = host };

    /// <summary>A transport pinned to the WIRE.md vector's clock, nonce and SDK version header.</summary>
    private static ManagementTransport VectorTransport(StubHandler handler, ManagementClientOptions? options = null) =>
        new(
            options ?? Options(),
            new HttpClient(handler),
            ownsHttpClient: true,
            logger: null,
            new FixedTimeProvider(DateTimeOffset.UnixEpoch),
            () => "0123456789abcdef0123456789abcdef",
            "authing-node-sdk:4.0.2");

    [Fact]
    public async Task GetVectorIsSentWithTheExactSignedHeaders()
    {
        var handler = StubHandler.Json(Ok);
        using var transport = VectorTransport(handler);
        var request = new AuthingRequest(HttpMethod.Get, "/api/v3/get-user");
        request.AddQuery("userId", "u1");
        request.AddQuery("withCustomData", false);
        request.AddQuery("userIdType", (string?)null);

        TestResponse response = await transport.SendAsync(request, TestResponseConverter.Instance, CancellationToken.None);

        Assert.Equal("d", response.Data);
        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("https://api.authing.cn/api/v3/get-user?userId=u1&withCustomData=false", sent.Uri.AbsoluteUri);
        Assert.Equal("authing test-ak:roHlstyZKGq1CRsVvp4ftQz6n1A=", sent.Headers["authorization"]);
        Assert.Equal("Thu, 01 Jan 1970 00:00:00 GMT", sent.Headers["date"]);
        Assert.Equal("zh-CN", sent.Headers["x-authing-lang"]);
        Assert.Equal("HMAC-SHA1", sent.Headers["x-authing-signature-method"]);
        Assert.Equal("1.0", sent.Headers["x-authing-signature-version"]);
        Assert.Equal("0123456789abcdef0123456789abcdef", sent.Headers["x-authing-signature-nonce"]);
        Assert.Equal("application/json", sent.Headers["accept"]);
        Assert.False(sent.Headers.ContainsKey("x-authing-app-id"));
        Assert.Equal("", sent.Body);
    }

    [Fact]
    public async Task PostVectorIsSentWithTheExactSignatureAndJsonBody()
    {
        var handler = StubHandler.Json(Ok);
        using var transport = VectorTransport(handler);
        var request = new AuthingRequest(HttpMethod.Post, "/api/v3/create-user");
        request.SetJsonBody(
            new CreateUserDto { Email = "a@b.c", Nickname = "x y", EmailVerified = true },
            CreateUserDtoConverter.Instance);

        await transport.SendAsync(request, TestResponseConverter.Instance, CancellationToken.None);

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal("authing test-ak:HfOaeJQhNLZaJYp11pLXIrSWBWc=", sent.Headers["authorization"]);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("{\"email\":\"a@b.c\",\"profile\":{\"nickname\":\"x y\"},\"emailVerified\":true}", sent.Body);
    }

    [Fact]
    public async Task TenantLanguageAndVersionHeadersAreSentAndSigned()
    {
        var handler = StubHandler.Json(Ok);
        var options = Options();
        options.TenantId = "tenant-9";
        options.Language = "en-US";
        using var httpClient = new HttpClient(handler);
        var transport = new ManagementTransport(httpClient, options);

        await transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/x"), TestResponseConverter.Instance, default);

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal("tenant-9", sent.Headers["x-authing-app-id"]);
        Assert.Equal("en-US", sent.Headers["x-authing-lang"]);
        Assert.Matches("^authing-dotnet-docsgen:[0-9A-Za-z.+-]+$", sent.Headers["x-authing-sdk-version"]);
        Assert.Matches("^[0-9a-f]{32}$", sent.Headers["x-authing-signature-nonce"]);
        DateTimeOffset date = DateTimeOffset.ParseExact(sent.Headers["date"], "r", CultureInfo.InvariantCulture);
        Assert.InRange(date, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("authing test-ak:" + ServerSignature(sent.Method.Method, sent.Headers, "/api/v3/x", []), sent.Headers["authorization"]);
        Assert.Empty(httpClient.DefaultRequestHeaders);
    }

    [Fact]
    public async Task ThousandConcurrentCallsOverLoopbackAllVerifyWithDistinctNonces()
    {
        var nonces = new ConcurrentBag<string>();
        var failures = new ConcurrentQueue<string>();
        await using var server = new LoopbackServer(async (context, _) =>
        {
            HttpListenerRequest received = context.Request;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string name in received.Headers.AllKeys!)
            {
                headers[name!] = received.Headers[name]!;
            }

            string body;
            using (var reader = new StreamReader(received.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            string rawUrl = received.RawUrl!;
            int q = rawUrl.IndexOf('?');
            string path = q < 0 ? rawUrl : rawUrl[..q];
            List<KeyValuePair<string, string>> pairs = received.HttpMethod == "GET"
                ? QueryPairsAsNodeSigns(q < 0 ? "" : rawUrl[(q + 1)..])
                : BodyPairsAsNodeSigns(body);
            string expected = "authing test-ak:" + ServerSignature(received.HttpMethod, headers, path, pairs);
            if (headers.GetValueOrDefault("authorization") == expected && headers["x-authing-app-id"] == "tenant-1")
            {
                nonces.Add(headers["x-authing-signature-nonce"]);
                await LoopbackServer.WriteAsync(context, 200, $"{{\"statusCode\":200,\"message\":\"ok\",\"data\":\"{received.HttpMethod} {path}\"}}");
            }
            else
            {
                failures.Enqueue(received.HttpMethod + " " + rawUrl);
                await LoopbackServer.WriteAsync(context, 401, "{\"statusCode\":401,\"message\":\"bad signature\"}");
            }
        });

        var options = Options(server.BaseUrl);
        options.TenantId = "tenant-1";
        using var httpClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 });
        using var transport = new ManagementTransport(httpClient, options);

        Task<TestResponse>[] calls = Enumerable.Range(0, 1000).Select(i =>
        {
            AuthingRequest request;
            if (i % 2 == 0)
            {
                request = new AuthingRequest(HttpMethod.Get, "/api/v3/get-user");
                request.AddQuery("userId", $"user {i} 张&=");
                request.AddQuery("page", i);
                request.AddQuery("withCustomData", i % 4 == 0);
                request.AddQuery("tags", [$"t{i}", "x,y:z"]);
            }
            else
            {
                request = new AuthingRequest(HttpMethod.Post, "/api/v3/users/{id}/update");
                request.SetPathParameter("id", $"id-{i}");
                request.SetJsonBody(
                    new CreateUserDto { Email = $"u{i}@b.c", Nickname = $"n {i} 李", EmailVerified = i % 3 == 0, Score = i / 8.0 },
                    CreateUserDtoConverter.Instance);
            }

            return transport.SendAsync(request, TestResponseConverter.Instance, CancellationToken.None);
        }).ToArray();

        TestResponse[] responses = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(failures);
        Assert.Equal(1000, responses.Length);
        Assert.Equal("GET /api/v3/get-user", responses[0].Data);
        Assert.Equal("POST /api/v3/users/id-1/update", responses[1].Data);
        Assert.Equal(1000, nonces.Count);
        Assert.Equal(1000, nonces.Distinct().Count());

        // Negative control: the server really checks, so a wrong secret is refused.
        var wrong = Options(server.BaseUrl);
        wrong.TenantId = "tenant-1";
        wrong.AccessKeySecret = "not-the-secret";
        using var wrongTransport = new ManagementTransport(httpClient, wrong);
        AuthingApiException refused = await Assert.ThrowsAsync<AuthingApiException>(() => wrongTransport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, default));
        Assert.Equal(401, refused.HttpStatusCode);
        Assert.Single(failures);
    }

    [Fact]
    public async Task WireUrlAndHeadersArriveExactlyAsBuilt()
    {
        var seen = new ConcurrentQueue<(string RawUrl, string? ContentType, string? ContentLength, string? UserAgent, string Body)>();
        await using var server = new LoopbackServer(async (context, _) =>
        {
            using var reader = new StreamReader(context.Request.InputStream);
            seen.Enqueue((context.Request.RawUrl!, context.Request.Headers["content-type"],
                context.Request.Headers["content-length"], context.Request.Headers["user-agent"], await reader.ReadToEndAsync()));
            await LoopbackServer.WriteAsync(context, 200, Ok);
        });
        using var transport = new ManagementTransport(new HttpClient(), Options(server.BaseUrl + "/"));
        var get = new AuthingRequest(HttpMethod.Get, "/api/v3/ip-list/{id}");
        get.SetPathParameter("id", "a b");
        get.AddQuery("userIds", ["u1", "u 2"]);
        get.AddQuery("s", "x[y]:z,w$'(*)!~&=+#é");
        var post = new AuthingRequest(HttpMethod.Post, "/api/v3/create-user");
        post.SetJsonBody(new CreateUserDto { Email = "张@b.c" }, CreateUserDtoConverter.Instance);

        await transport.SendAsync(get, TestResponseConverter.Instance, default);
        await transport.SendAsync(post, TestResponseConverter.Instance, default);

        var (getUrl, getType, getLength, userAgent, getBody) = seen.ToArray()[0];
        Assert.Equal("/api/v3/ip-list/a%20b?userIds[]=u1&userIds[]=u+2&s=x[y]:z,w$'(*)!~%26%3D%2B%23%C3%A9", getUrl);
        Assert.Equal("application/json", getType); // WIRE.md §2.2: sent on GET too
        Assert.Equal("0", getLength);
        Assert.Equal("", getBody);
        Assert.StartsWith("authing-dotnet-docsgen/", userAgent);
        var (postUrl, postType, postLength, _, postBody) = seen.ToArray()[1];
        Assert.Equal("/api/v3/create-user", postUrl);
        Assert.Equal("application/json", postType);
        Assert.Equal("19", postLength);
        Assert.Equal("{\"email\":\"张@b.c\"}", postBody);
    }

    [Fact]
    public async Task LoggerGetsVerbPathStatusAndTimeButNoSecretsOrQuery()
    {
        var logger = new ListLogger();
        ManagementClientOptions options = Options();
        options.Retry.MaxRetries = 0;
        using var transport = new ManagementTransport(
            new HttpClient(StubHandler.Json("{\"statusCode\":500}", HttpStatusCode.InternalServerError)), options, logger);
        var request = new AuthingRequest(HttpMethod.Get, "/api/v3/get-user");
        request.AddQuery("email", "private@example.com");

        await Assert.ThrowsAsync<AuthingApiException>(
            () => transport.SendAsync(request, TestResponseConverter.Instance, default));

        string log = string.Join("\n", logger.Lines);
        Assert.Matches(@"^Debug: Authing GET /api/v3/get-user answered HTTP 500 in [0-9.]+ ms\n" +
                       @"Warning: Authing GET /api/v3/get-user failed \(HttpError\) after [0-9.]+ ms$", log);
        Assert.DoesNotContain("private@example.com", log);
        Assert.DoesNotContain("test-secret", log);
        Assert.DoesNotContain("authing test-ak", log);
    }

    /// <summary>The server's side of the scheme, written independently of AuthingSigner.</summary>
    internal static string ServerSignature(
        string method, IReadOnlyDictionary<string, string> headers, string path, List<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder(method).Append('\n');
        foreach (var header in headers
                     .Where(h => h.Key.Equals("date", StringComparison.OrdinalIgnoreCase)
                                 || h.Key.StartsWith("x-authing-", StringComparison.OrdinalIgnoreCase))
                     .OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal))
        {
            text.Append(header.Key.ToLowerInvariant()).Append(':').Append(header.Value.Trim()).Append('\n');
        }

        text.Append(path);
        if (pairs.Count > 0)
        {
            text.Append('?').AppendJoin('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        }

        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes("test-secret"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>What an express/qs server sees: decoded values, <c>k[]</c> grouped into arrays, arrays as JSON.</summary>
    internal static List<KeyValuePair<string, string>> QueryPairsAsNodeSigns(string query)
    {
        var scalars = new List<KeyValuePair<string, string>>();
        var arrays = new Dictionary<string, List<string>>();
        foreach (string part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = part.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0].Replace('+', ' '));
            string value = Uri.UnescapeDataString(kv[1].Replace('+', ' '));
            if (key.EndsWith("[]", StringComparison.Ordinal))
            {
                string name = key[..^2];
                if (!arrays.TryGetValue(name, out List<string>? list))
                {
                    arrays[name] = list = new List<string>();
                }

                list.Add(value);
            }
            else
            {
                scalars.Add(new(key, value));
            }
        }

        foreach ((string name, List<string> values) in arrays)
        {
            scalars.Add(new(name, "[" + string.Join(",", values.Select(v => "\"" + v + "\"")) + "]"));
        }

        return scalars;
    }

    internal static List<KeyValuePair<string, string>> BodyPairsAsNodeSigns(string body)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        return document.RootElement.EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(
                p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
            .ToList();
    }
}
