using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Authing.Sdk;
using Authing.Sdk.Runtime;
using CsCheck;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>
/// Malformed and hostile responses: truncated JSON, wrong types, huge strings, deep nesting, duplicate keys, invalid
/// UTF-8, oversized and endless bodies. Every call ends, quickly, in a correct result or an <see cref="AuthingApiException"/>
/// whose message holds no secret and no body.
/// </summary>
public sealed class HostileResponseTests
{
    internal const string Secret = "sk-THE-ACCESS-KEY-SECRET-9f2c";

    private const string ValidBody =
        """{"statusCode":200,"message":"ok","apiCode":0,"requestId":"req-1","id":"w_1","count":1669876543210,"ratio":0.75,"enabled":true,"extra":{"a":[1,{"b":null}],"c":"d"},"tags":["a","b"],"items":[1,"x",null,{}],"children":[{"id":"c1","children":[{"id":"c2"}]}]}""";

    /// <summary>Cases per run: <c>DOCSGEN_PROPERTY_CASES</c>, 10,000 by default (each is a few microseconds).</summary>
    internal static long Cases { get; } = long.TryParse(Environment.GetEnvironmentVariable("DOCSGEN_PROPERTY_CASES"), out var cases) && cases > 0 ? cases : 10_000;

    [Fact]
    public async Task Any_mutation_of_a_valid_body_gives_a_readable_result_or_a_typed_exception()
    {
        await HostileBodies.Gen.SampleAsync(
            async body =>
            {
                using var transport = Transport(new StubHandler((_, _) => Task.FromResult(Respond(HttpStatusCode.OK, body.Bytes))));
                await AssertResultOrTypedAsync(transport, body.Bytes, AuthingErrorKind.InvalidResponse);
            },
            iter: Cases,
            print: body => body?.ToString() ?? "(none)");
    }

    [Fact]
    public async Task Hostile_bodies_with_an_error_status_throw_http_errors_without_the_body_in_the_message()
    {
        await Gen.Select(HostileBodies.Gen, Gen.OneOfConst(HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, (HttpStatusCode)599)).SampleAsync(
            async (body, status) =>
            {
                using var transport = Transport(new StubHandler((_, _) => Task.FromResult(Respond(status, body.Bytes))));
                var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport));
                Assert.Equal(AuthingErrorKind.HttpError, ex.Kind);
                Assert.Equal((int)status, ex.HttpStatusCode);
                AssertSafeMessage(ex, body.Bytes);
            },
            iter: Math.Max(1000, Cases / 10),
            print: t => $"{t.Item2} {t.Item1}");
    }

    [Fact]
    public async Task Every_truncation_of_a_valid_body_throws_invalid_response_with_the_raw_body()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidBody);
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsSpan(0, length).ToArray();
            using var transport = Transport(new StubHandler((_, _) => Task.FromResult(Respond(HttpStatusCode.OK, prefix))));
            var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport));
            Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
            Assert.Equal(Encoding.UTF8.GetString(prefix), ex.RawBody);
            AssertSafeMessage(ex, prefix);
        }
    }

    /// <summary>With <c>StrictResponses</c> on, a value of the wrong kind fails the call and the message names its JSON path (without the value).</summary>
    [Theory]
    [InlineData("\"count\":\"many\"", "$.count")]
    [InlineData("\"count\":1.5", "$.count")]
    [InlineData("\"count\":1e400", "$.count")]
    [InlineData("\"count\":[1]", "$.count")]
    [InlineData("\"ratio\":\"fast\"", "$.ratio")]
    [InlineData("\"ratio\":{}", "$.ratio")]
    [InlineData("\"enabled\":\"maybe\"", "$.enabled")]
    [InlineData("\"enabled\":2", "$.enabled")]
    [InlineData("\"tags\":\"a,b\"", "$.tags")]
    [InlineData("\"tags\":[{}]", "$.tags[0]")]
    [InlineData("\"children\":{}", "$.children")]
    [InlineData("\"children\":[1]", "$.children[0]")]
    [InlineData("\"id\":{\"a\":1}", "$.id")]
    [InlineData("\"items\":{}", "$.items")]
    [InlineData("\"apiCode\":[]", "$.apiCode")]
    public async Task With_strict_responses_a_field_of_the_wrong_type_throws_invalid_response_naming_its_path(string field, string path)
    {
        var body = "{\"statusCode\":200," + field + "}";
        using var transport = Transport(StubHandler.Json(body), strict: true);

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(body, ex.RawBody);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Contains(path + " is ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("where the docs say", ex.Message, StringComparison.Ordinal);
        AssertSafeMessage(ex, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The envelope's statusCode says whether the call succeeded: when it is missing or cannot be read the response is unreadable, strict or not.</summary>
    [Theory]
    [InlineData("\"statusCode\":\"two hundred\"")]
    [InlineData("\"statusCode\":4294967296")]
    [InlineData("\"statusCode\":{}")]
    [InlineData("\"message\":\"no status code at all\"")]
    [InlineData("\"statusCode\":null")]
    public async Task An_unreadable_or_missing_status_code_throws_invalid_response_even_when_tolerant(string field)
    {
        var body = "{" + field + "}";
        using var transport = Transport(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(body, ex.RawBody);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Theory]
    [InlineData("\"count\":\"42\"", 42L)]
    [InlineData("\"count\":42.0", 42L)]
    [InlineData("\"enabled\":\"enabled\"", true)]
    [InlineData("\"enabled\":0", false)]
    [InlineData("\"id\":123", "123")]
    public async Task Tolerated_type_variations_read_as_the_documented_value(string field, object expected)
    {
        using var transport = Transport(StubHandler.Json("{\"statusCode\":200," + field + "}"));

        var result = await SendAsync(transport);

        object? actual = expected switch
        {
            long => result.Count,
            bool => result.Enabled,
            _ => result.Id,
        };
        Assert.Equal(expected, actual);
    }

    /// <summary>Found by the property: the envelope of an error body was read with GetString, which throws InvalidOperationException on invalid UTF-8, and that escaped SendAsync untyped.</summary>
    [Fact]
    public async Task An_error_body_with_invalid_utf8_still_throws_http_error_with_the_readable_envelope_fields()
    {
        var body = Encoding.UTF8.GetBytes("{\"statusCode\":403,\"apiCode\":1001,\"message\":\"#\",\"requestId\":\"req-9\"}").ToList();
        var at = body.IndexOf((byte)'#');
        body.RemoveAt(at);
        body.InsertRange(at, new byte[] { 0xC0, 0xAF });
        using var transport = Transport(new StubHandler((_, _) => Task.FromResult(Respond(HttpStatusCode.Forbidden, body.ToArray()))));

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport));

        Assert.Equal(AuthingErrorKind.HttpError, ex.Kind);
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(1001, ex.ApiCode);
        Assert.Null(ex.ServerMessage);
        Assert.Equal("req-9", ex.RequestId);
    }

    /// <summary>
    /// Found by the property: the message of an unreadable body quoted the JSON reader's message, which cites the text
    /// around the error, so a token in a sign-in response could end up in a log. Only the position is given now.
    /// </summary>
    [Fact]
    public async Task The_message_of_an_unreadable_body_never_quotes_it()
    {
        const string body = """{"statusCode":200,"access_token":"eyJ-SECRET-TOKEN","id":tru""";
        using var transport = Transport(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tru", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON at line 1, byte", ex.Message, StringComparison.Ordinal);
        Assert.Equal(body, ex.RawBody);
    }

    /// <summary>Whatever a generated converter throws on a body (here the NullReferenceException of a converter that was not initialised) is InvalidResponse, not an untyped exception.</summary>
    [Theory]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(OverflowException))]
    [InlineData(typeof(KeyNotFoundException))]
    public async Task Any_exception_from_a_response_converter_is_an_invalid_response(Type exceptionType)
    {
        using var transport = Transport(StubHandler.Json("{\"statusCode\":200}"));
        var converter = new ThrowingConverter((Exception)Activator.CreateInstance(exceptionType)!);

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/get-widget"), converter, CancellationToken.None));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.IsType(exceptionType, ex.InnerException);
        Assert.Contains(exceptionType.Name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_string_is_read_whole()
    {
        var huge = new string('界', 4 * 1024 * 1024);
        using var transport = Transport(StubHandler.Json("{\"statusCode\":200,\"id\":\"" + huge + "\"}"));

        var result = await SendAsync(transport);

        Assert.Equal(huge, result.Id);
    }

    [Theory]
    [InlineData("items")]
    [InlineData("extra")]
    [InlineData("children")]
    [InlineData("unknown")]
    public async Task Arrays_nested_ten_thousand_deep_throw_invalid_response(string field)
    {
        var body = "{\"" + field + "\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        using var transport = Transport(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task Duplicate_keys_in_typed_fields_keep_the_last_value_as_json_parse_does()
    {
        using var transport = Transport(StubHandler.Json("""{"statusCode":500,"statusCode":200,"id":"first","id":"last","tags":["a"],"tags":["b","c"]}"""));

        var result = await SendAsync(transport);

        Assert.Equal(200, result.StatusCode);
        Assert.True(result.IsSuccess);
        Assert.Equal("last", result.Id);
        Assert.Equal(new[] { "b", "c" }, result.Tags);
    }

    /// <summary>
    /// Defect outside Http/ (Json/AuthingConverters.cs, JsonNodeConverter): free-form JSON with a repeated key is
    /// returned as a JsonObject that throws ArgumentException ("An item with the same key has already been added") the
    /// first time the caller looks inside it, long after SendAsync succeeded. Expected: the last value wins, as in
    /// JSON.parse (or SendAsync throws InvalidResponse).
    /// </summary>
    [Fact]
    public async Task Duplicate_keys_in_free_form_json_never_throw_later_in_the_callers_code()
    {
        using var transport = Transport(StubHandler.Json("""{"statusCode":200,"extra":{"a":1,"a":2,"b":{"c":1,"c":2}},"items":[{"x":1,"x":2}]}"""));

        HostileResponse result;
        try
        {
            result = await SendAsync(transport);
        }
        catch (AuthingApiException ex) when (ex.Kind == AuthingErrorKind.InvalidResponse)
        {
            return;
        }

        var extra = Assert.IsType<JsonObject>(result.Extra);
        Assert.Equal(2, extra.Count);
        Assert.Equal(2, (int)extra["a"]!);
        Assert.Equal(2, (int)extra["b"]!["c"]!);
        Assert.Equal(2, (int)result.Items![0]!["x"]!);
    }

    /// <summary>
    /// Same defect as above: free-form JSON is parsed lazily, so a string or property name that is not valid UTF-8
    /// passes SendAsync and throws InvalidOperationException ("Cannot transcode invalid UTF-8") when the caller reads it.
    /// </summary>
    [Fact]
    public async Task Invalid_utf8_in_free_form_json_never_throws_later_in_the_callers_code()
    {
        var body = Encoding.UTF8.GetBytes("""{"statusCode":200,"extra":{"name":"#","#":1},"items":["#"]}""").ToList();
        for (var at = body.IndexOf((byte)'#'); at >= 0; at = body.IndexOf((byte)'#'))
        {
            body.RemoveAt(at);
            body.InsertRange(at, new byte[] { 0xC0, 0xAF });
        }
        using var transport = Transport(new StubHandler((_, _) => Task.FromResult(Respond(HttpStatusCode.OK, body.ToArray()))));

        HostileResponse result;
        try
        {
            result = await SendAsync(transport);
        }
        catch (AuthingApiException ex) when (ex.Kind == AuthingErrorKind.InvalidResponse)
        {
            return;
        }

        Touch(result);
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_refused_without_reading_it()
    {
        var content = new EndlessContent(declaredLength: AuthingTransport.MaxResponseBytes + 1L);
        using var transport = Transport(new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content })));

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("larger than 64 MiB", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, content.BytesServed);
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_limit_instead_of_filling_memory()
    {
        var content = new EndlessContent(declaredLength: null);
        using var transport = Transport(new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content })), TimeSpan.FromMinutes(2));

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.InRange(content.BytesServed, AuthingTransport.MaxResponseBytes, AuthingTransport.MaxResponseBytes + (1024 * 1024));
    }

    [Fact]
    public async Task An_endless_body_over_loopback_ends_in_a_typed_exception()
    {
        await using var server = new LoopbackServer(async (context, stopping) =>
        {
            context.Response.StatusCode = 200;
            context.Response.SendChunked = true;
            var chunk = Encoding.UTF8.GetBytes("[1,2,3,4,5,6,7,8,9,0," + new string(' ', 16_000));
            try
            {
                while (!stopping.IsCancellationRequested)
                {
                    await context.Response.OutputStream.WriteAsync(chunk, stopping);
                }
            }
            catch (Exception)
            {
                // The client hung up, as it should.
            }
        });
        using var transport = Transport(new HttpClient(), TimeSpan.FromMinutes(2), server.BaseUrl);

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => SendAsync(transport)).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        AssertSafeMessage(ex, Array.Empty<byte>());
    }

    internal static async Task AssertResultOrTypedAsync(AuthingTransport transport, byte[] body, AuthingErrorKind expectedKind)
    {
        var started = Stopwatch.StartNew();
        try
        {
            var result = await SendAsync(transport).WaitAsync(TimeSpan.FromSeconds(10));
            Touch(result);
        }
        catch (AuthingApiException ex)
        {
            Assert.Equal(expectedKind, ex.Kind);
            AssertSafeMessage(ex, body);
        }

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    /// <summary>Walks everything a caller could look at; nothing may throw there.</summary>
    private static void Touch(HostileResponse response)
    {
        _ = (response.StatusCode, response.Message, response.ApiCode, response.RequestId, response.IsSuccess, response.Id, response.Count, response.Ratio, response.Enabled);
        Walk(response.Extra);
        foreach (var item in response.Items ?? Array.Empty<JsonNode?>())
        {
            Walk(item);
        }

        foreach (var child in response.Children ?? Array.Empty<HostileResponse>())
        {
            Touch(child);
        }

        _ = response.Tags?.Count;
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Walk(value);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    Walk(value);
                }

                break;
            case JsonValue value:
                _ = value.ToJsonString();
                break;
        }
    }

    internal static void AssertSafeMessage(Exception ex, byte[] body)
    {
        var text = ex.ToString();
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("authorization", ex.Message, StringComparison.OrdinalIgnoreCase);
        var bodyText = Encoding.UTF8.GetString(body);
        if (bodyText.Length > 40)
        {
            Assert.DoesNotContain(bodyText, ex.Message, StringComparison.Ordinal);
        }
    }

    internal static ManagementTransport Transport(HttpMessageHandler handler, TimeSpan? timeout = null, bool strict = false, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        Transport(new HttpClient(handler), timeout, strict: strict, logger: logger);

    // Retries are off: these tests are about what one response does (RetryTests cover retrying), and thousands of
    // generated 5xx and timeout cases would otherwise each wait through the backoff.
    internal static ManagementTransport Transport(HttpClient client, TimeSpan? timeout = null, string host = "https://api.authing.cn", bool strict = false, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        new(client, new ManagementClientOptions { AccessKeyId = "ak", AccessKeySecret = Secret, Host = host, Timeout = timeout ?? TimeSpan.FromSeconds(10), StrictResponses = strict, Retry = { MaxRetries = 0 } }, logger);

    internal static Task<HostileResponse> SendAsync(AuthingTransport transport, CancellationToken cancellationToken = default) =>
        transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/get-widget"), HostileResponseConverter.Instance, cancellationToken);

    internal static HttpResponseMessage Respond(HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content };
    }

    /// <summary>A body that never ends (or claims a length it does not have), counting what it served.</summary>
    private sealed class EndlessContent(long? declaredLength) : HttpContent
    {
        private long _served;

        public long BytesServed => Interlocked.Read(ref _served);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            chunk[0] = (byte)'[';
            while (true)
            {
                await stream.WriteAsync(chunk);
                Interlocked.Add(ref _served, chunk.Length);
                chunk[0] = (byte)' ';
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new EndlessStream(this));

        protected override bool TryComputeLength(out long length)
        {
            length = declaredLength ?? 0;
            return declaredLength is not null;
        }

        private sealed class EndlessStream(EndlessContent owner) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                buffer.AsSpan(offset, count).Fill((byte)' ');
                Interlocked.Add(ref owner._served, count);
                return count;
            }

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                buffer.Span.Fill((byte)' ');
                Interlocked.Add(ref owner._served, buffer.Length);
                return ValueTask.FromResult(buffer.Length);
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}

/// <summary>A converter that fails the way a broken generated one would.</summary>
public sealed class ThrowingConverter(Exception exception) : System.Text.Json.Serialization.JsonConverter<HostileResponse>
{
    public override HostileResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw exception;

    public override void Write(Utf8JsonWriter writer, HostileResponse value, JsonSerializerOptions options) => throw new NotSupportedException();
}

/// <summary>A hostile response body and how it was made, for the failure report.</summary>
public sealed record HostileBody(byte[] Bytes, string Recipe)
{
    public override string ToString() => $"{Recipe}: {Encoding.UTF8.GetString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 2000))).Replace("\n", "\\n", StringComparison.Ordinal)}";
}

/// <summary>Valid Authing bodies, then damaged: truncated, retyped, duplicated, nested, mis-encoded, padded.</summary>
public static class HostileBodies
{
    private static readonly string[] s_values =
    {
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-0", "9223372036854775808", "\"\"", "\"x\"", "\"42\"", "\"enabled\"",
        "[]", "{}", "[null]", "[1,\"a\",{}]", "{\"a\":{\"a\":{\"a\":[]}}}", "\"\\u0000\\ud800\"", "\"\\r\\nx-injected: 1\"", "NaN", "Infinity",
        "01", "\"" + new string('x', 100_000) + "\"",
    };

    private static readonly string[] s_fields = { "statusCode", "message", "apiCode", "requestId", "id", "count", "ratio", "enabled", "extra", "tags", "items", "children" };

    public static readonly Gen<HostileBody> Gen = CsCheck.Gen.Select(CsCheck.Gen.Int[0, 11], CsCheck.Gen.Int[1, 4], CsCheck.Gen.Long).Select(Make);

    private static HostileBody Make(int kind, int repeat, long seed)
    {
        var random = new Random((int)(seed ^ (seed >> 32)));
        var text = Valid(random);
        var recipe = new List<string>();
        for (var i = 0; i < repeat; i++)
        {
            var field = s_fields[random.Next(s_fields.Length)];
            var value = s_values[random.Next(s_values.Length)];
            var k = i == 0 ? kind : random.Next(12);
            recipe.Add(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            text = k switch
            {
                0 => text.Substring(0, random.Next(text.Length + 1)),
                1 => text.Replace("\"" + field + "\":", "\"" + field + "\":" + value + ",\"" + field + "\":", StringComparison.Ordinal),
                2 => ReplaceValue(text, field, value),
                3 => ReplaceValue(text, field, new string('[', random.Next(1, 200)) + new string(']', random.Next(0, 200))),
                4 => text.Insert(random.Next(text.Length + 1), value),
                5 => "\uFEFF" + text,
                6 => text + (random.Next(2) == 0 ? " garbage" : "{}"),
                7 => ReplaceValue(text, field, "{\"" + field + "\":1,\"" + field + "\":" + value + "}"),
                8 => value,
                9 => text.Replace(",", random.Next(2) == 0 ? ",," : " , ", StringComparison.Ordinal),
                10 => ReplaceValue(text, "children", "[" + text + "]"),
                _ => text.Length == 0 ? text : text.Remove(random.Next(text.Length), 1),
            };
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(8) == 0 && bytes.Length > 0)
        {
            // Bytes that are not UTF-8: a lone continuation byte, an overlong encoding, an encoded surrogate.
            var bad = new[] { new byte[] { 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xFF } }[random.Next(4)];
            var at = random.Next(bytes.Length);
            bytes = bytes.Take(at).Concat(bad).Concat(bytes.Skip(at)).ToArray();
            recipe.Add("utf8");
        }

        return new HostileBody(bytes, string.Join("+", recipe));
    }

    private static string Valid(Random random) => random.Next(3) switch
    {
        0 => """{"statusCode":200,"message":"ok","apiCode":0,"requestId":"req-1","id":"w_1","count":1669876543210,"ratio":0.75,"enabled":true,"extra":{"a":[1,{"b":null}],"c":"d"},"tags":["a","b"],"items":[1,"x",null,{}],"children":[{"id":"c1","children":[{"id":"c2"}]}]}""",
        1 => """{"statusCode":400,"message":"参数错误","apiCode":2004,"requestId":"req-2","id":null,"tags":null,"children":[]}""",
        _ => """{"statusCode":"200","count":"42","ratio":"0.5","enabled":"enabled","extra":[1,2],"items":[]}""",
    };

    private static string ReplaceValue(string text, string field, string value)
    {
        var key = "\"" + field + "\":";
        var at = text.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return text.Insert(Math.Min(1, text.Length), key + value + ",");
        }

        var start = at + key.Length;
        var end = SkipValue(text, start);
        return text.Substring(0, start) + value + text.Substring(end);
    }

    /// <summary>The end of the JSON value starting at <paramref name="start"/> (best effort on damaged text).</summary>
    private static int SkipValue(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }
}
