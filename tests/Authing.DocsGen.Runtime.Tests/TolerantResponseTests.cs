using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Authing.Sdk;
using Authing.Sdk.Runtime;
using CsCheck;
using Microsoft.Extensions.Logging;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>
/// A response that is valid JSON never fails a call because one value does not fit its documented type: the value is
/// converted when that is lossless, else the property stays empty; either way the value as received is kept in
/// <c>AdditionalProperties</c>, written back on serialization, and logged once per type and field with its JSON path.
/// <c>StrictResponses</c> throws instead. <see cref="HostileResponse"/> is read the way generated converters read.
/// </summary>
public sealed class TolerantResponseTests
{
    [Theory]
    [InlineData("count", "\"many\"")]         // string for an integer
    [InlineData("count", "1.5")]              // a fraction for an integer
    [InlineData("count", "[1]")]              // array for an integer
    [InlineData("count", "true")]             // boolean for an integer
    [InlineData("ratio", "{}")]               // object for a number
    [InlineData("ratio", "\"fast\"")]         // string for a number
    [InlineData("enabled", "\"maybe\"")]      // string for a boolean
    [InlineData("enabled", "2")]              // number for a boolean
    [InlineData("enabled", "{\"on\":true}")]  // object for a boolean
    [InlineData("id", "{\"a\":1}")]           // object for a string
    [InlineData("id", "[\"a\"]")]             // array for a string
    [InlineData("tags", "\"a,b\"")]           // string for an array
    [InlineData("tags", "{\"0\":\"a\"}")]     // object for an array
    [InlineData("items", "{}")]               // object for an array of free-form JSON
    [InlineData("children", "{\"id\":\"c1\"}")] // object for a list of objects
    [InlineData("children", "7")]             // number for a list of objects
    [InlineData("owner", "[{\"id\":\"o1\"}]")] // array for an object
    [InlineData("owner", "\"o1\"")]           // string for an object
    [InlineData("apiCode", "\"E42\"")]        // envelope field of the wrong kind
    [InlineData("message", "{\"zh\":\"好\"}")]
    public async Task A_value_of_the_wrong_kind_leaves_the_property_empty_and_is_kept_raw(string field, string value)
    {
        var body = "{\"statusCode\":200,\"requestId\":\"r-1\",\"" + field + "\":" + value + "}";
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body));

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("r-1", result.RequestId);
        Assert.Null(Property(result, field));
        var kept = Assert.Single(result.AdditionalProperties!);
        Assert.Equal(field, kept.Key);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(value), JsonNode.Parse(kept.Value.GetRawText())), kept.Value.GetRawText());
    }

    [Theory]
    [InlineData("count", "\"12.0\"", 12L)]
    [InlineData("count", "\"1e3\"", 1000L)]
    [InlineData("enabled", "\" false\"", false)]
    [InlineData("enabled", "\"TRUE \"", true)]
    public async Task A_string_holding_a_value_of_the_documented_kind_is_converted_and_kept_raw(string field, string value, object expected)
    {
        var body = "{\"statusCode\":200,\"" + field + "\":" + value + "}";
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body));

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.Equal(expected, Property(result, field));
        Assert.Equal(JsonValueKind.String, result.AdditionalProperties![field].ValueKind);
        Assert.Equal(JsonSerializer.Deserialize<string>(value), result.AdditionalProperties[field].GetString());
    }

    [Fact]
    public async Task Arrays_and_objects_encoded_as_json_strings_are_decoded_when_they_fit_completely()
    {
        const string body = """
            {"statusCode":200,
             "tags":"[\"a\",\"b\"]",
             "children":" [{\"id\":\"c1\",\"count\":\"3\"}] ",
             "owner":"{\"id\":\"o1\"}",
             "items":"[1,{\"x\":null}]"}
            """;
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body));

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.Equal(new[] { "a", "b" }, result.Tags);
        var child = Assert.Single(result.Children!);
        Assert.Equal(("c1", 3L), (child.Id, child.Count));
        Assert.Equal("o1", result.Owner!.Id);
        Assert.Equal(2, result.Items!.Count);
        Assert.Equal(new[] { "children", "items", "owner", "tags" }, result.AdditionalProperties!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("tags", "\"[1,{}]\"")]                    // decodes, but an item does not fit: not lossless
    [InlineData("children", "\"[{\\\"count\\\":[]}]\"")]  // decodes, but a nested value does not fit
    [InlineData("owner", "\"{\\\"id\\\":\"")]              // not JSON
    [InlineData("count", "\"12 apples\"")]
    [InlineData("enabled", "\"null\"")]
    public async Task A_json_string_that_does_not_fit_completely_is_not_converted(string field, string value)
    {
        var body = "{\"statusCode\":200,\"" + field + "\":" + value + "}";
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body));

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.Null(Property(result, field));
        Assert.Equal(JsonValueKind.String, result.AdditionalProperties![field].ValueKind);
    }

    [Fact]
    public async Task A_list_item_that_does_not_fit_is_left_out_and_the_whole_list_is_kept_raw()
    {
        const string body = """{"statusCode":200,"tags":["a",{"b":1},"c",[2]],"children":[{"id":"c1"},"c2",{"id":"c3"}]}""";
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body));

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.Equal(new[] { "a", "c" }, result.Tags);
        Assert.Equal(new[] { "c1", "c3" }, result.Children!.Select(c => c.Id));
        Assert.Equal("""["a",{"b":1},"c",[2]]""", result.AdditionalProperties!["tags"].GetRawText());
        Assert.Equal("""[{"id":"c1"},"c2",{"id":"c3"}]""", result.AdditionalProperties["children"].GetRawText());
    }

    [Fact]
    public async Task A_mismatch_inside_a_nested_object_is_kept_by_that_object_not_by_its_parents()
    {
        const string body = """{"statusCode":200,"children":[{"id":"c1"},{"id":"c2","enabled":"maybe"}],"owner":{"owner":{"count":{}}}}""";
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body));

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.Null(result.AdditionalProperties);
        Assert.Equal(2, result.Children!.Count);
        Assert.Null(result.Children[0].AdditionalProperties);
        Assert.Equal("\"maybe\"", result.Children[1].AdditionalProperties!["enabled"].GetRawText());
        Assert.Null(result.Owner!.AdditionalProperties);
        Assert.Equal("{}", result.Owner.Owner!.AdditionalProperties!["count"].GetRawText());
    }

    [Fact]
    public async Task Unknown_and_mismatched_fields_round_trip_through_the_converter()
    {
        const string body = """{"statusCode":200,"message":"ok","id":"w1","count":"many","tags":"a,b","enabled":" false","future":{"deep":[1,"x",null]},"list":[],"owner":{"id":"o1","extra2":true}}""";
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body));
        var result = await HostileResponseTests.SendAsync(transport);

        string written = Write(result);

        // Everything comes back; the converted boolean is written as the typed value (a property that has a value wins).
        var expected = JsonNode.Parse(body)!.AsObject();
        expected["enabled"] = false;
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(written)), written);
        Assert.Equal(written, Write(Read(written)));
    }

    [Fact]
    public void A_repeated_key_keeps_the_last_value_whether_or_not_it_fits()
    {
        var fitsLast = Read("""{"count":"many","count":3}""");
        Assert.Equal(3L, fitsLast.Count);
        Assert.Null(fitsLast.AdditionalProperties);

        var fitsFirst = Read("""{"count":3,"count":"many"}""");
        Assert.Null(fitsFirst.Count);
        Assert.Equal("\"many\"", fitsFirst.AdditionalProperties!["count"].GetRawText());
    }

    [Fact]
    public void Generated_style_converters_are_tolerant_and_silent_outside_a_transport()
    {
        var result = Read("""{"statusCode":200,"enabled":[],"tags":["a",1,{}]}""");

        Assert.Null(result.Enabled);
        Assert.Equal(new[] { "a", "1" }, result.Tags);
        Assert.Equal(new[] { "enabled", "tags" }, result.AdditionalProperties!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_mismatch_is_logged_once_per_type_and_field_with_its_path_and_kinds_but_not_its_value()
    {
        const string body = """{"statusCode":200,"children":[{"id":"c0"},{"enabled":"SECRET-1"},{"enabled":"SECRET-2"}],"tags":["a",{"k":"SECRET-3"}],"count":"SECRET-4"}""";
        var logger = new ListLogger();
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body), logger: logger);

        await HostileResponseTests.SendAsync(transport);
        await HostileResponseTests.SendAsync(transport);

        var warnings = logger.Lines.Where(l => l.StartsWith("Warning:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, l => l.Contains("$.children[1].enabled is a string where the docs say a boolean (HostileResponse.enabled)", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains("$.tags[1] is an object where the docs say a string (HostileResponse.tags)", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains("$.count is a string where the docs say an integer (HostileResponse.count)", StringComparison.Ordinal));
        Assert.All(warnings, l => Assert.Contains("GET /api/v3/get-widget", l, StringComparison.Ordinal));
        Assert.All(warnings, l => Assert.DoesNotContain("SECRET", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_converted_value_is_logged_as_converted()
    {
        var logger = new ListLogger();
        using var transport = HostileResponseTests.Transport(StubHandler.Json("""{"statusCode":200,"data":1,"enabled":" false"}"""), logger: logger);

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.False(result.Enabled);
        var warning = Assert.Single(logger.Lines, l => l.StartsWith("Warning:", StringComparison.Ordinal));
        Assert.Contains("$.enabled is a string where the docs say a boolean", warning, StringComparison.Ordinal);
        Assert.Contains("converted", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_quote_names_that_are_not_plain_and_never_carry_control_characters()
    {
        var logger = new ListLogger();
        const string body = """{"statusCode":200,"children":[{"owner":{"count":[]}}],"owner":{"tags":[1,"ok",{}]},"we\u0000ird name":{"x":1}}""";
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body), logger: logger);

        await HostileResponseTests.SendAsync(transport);

        Assert.Contains(logger.Lines, l => l.Contains("$.children[0].owner.count is an array", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Contains("$.owner.tags[2] is an object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_logged_when_the_response_fits()
    {
        var logger = new ListLogger();
        using var transport = HostileResponseTests.Transport(StubHandler.Json("""{"statusCode":200,"id":"w1","count":"42","enabled":"enabled","unknown":[1]}"""), logger: logger);

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.Equal(42L, result.Count);
        Assert.DoesNotContain(logger.Lines, l => l.StartsWith("Warning:", StringComparison.Ordinal));
        Assert.Equal("[1]", result.AdditionalProperties!["unknown"].GetRawText());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Strict_responses_throw_with_the_json_path_and_tolerant_responses_do_not(bool strict)
    {
        const string body = """{"statusCode":200,"data":{"list":[]},"children":[{"id":"c0"},{"id":"c1"},{"id":"c2","enabled":" false"}]}""";
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body), strict: strict);

        if (strict)
        {
            var ex = await Assert.ThrowsAsync<AuthingApiException>(() => HostileResponseTests.SendAsync(transport));
            Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
            Assert.Contains("$.children[2].enabled is a string where the docs say a boolean", ex.Message, StringComparison.Ordinal);
            Assert.Contains("StrictResponses", ex.Message, StringComparison.Ordinal);
            Assert.Equal(body, ex.RawBody);
        }
        else
        {
            var result = await HostileResponseTests.SendAsync(transport);
            Assert.False(result.Children![2].Enabled);
        }
    }

    [Theory]
    [InlineData("""{"statusCode":200,"count":"42","enabled":"disabled","id":12,"ratio":"0.5"}""")]
    [InlineData("""{"statusCode":200,"unknown":{"a":[1,2]},"tags":["a",null,"b"]}""")]
    public async Task Strict_responses_accept_the_variations_servers_are_known_to_send_and_unknown_fields(string body)
    {
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body), strict: true);

        var result = await HostileResponseTests.SendAsync(transport);

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public void Strict_responses_are_off_by_default_and_shown_by_to_string()
    {
        var management = new ManagementClientOptions { AccessKeyId = "ak", AccessKeySecret = "sk" };
        var authentication = new AuthenticationClientOptions { AppId = "app", AppSecret = "s", AppHost = "https://x.authing.cn" };

        Assert.False(management.StrictResponses);
        Assert.False(authentication.StrictResponses);
        authentication.StrictResponses = true;
        Assert.Contains("StrictResponses = True", authentication.ToString(), StringComparison.Ordinal);
        Assert.Contains("StrictResponses = False", management.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_authentication_client_honours_strict_responses_too()
    {
        const string body = """{"statusCode":200,"count":{}}""";
        AuthenticationTransport Create(bool strict) => new(
            new HttpClient(StubHandler.Json(body)),
            new AuthenticationClientOptions { AppId = "app", AppSecret = "s", AppHost = "https://x.authing.cn", StrictResponses = strict });

        using var tolerant = Create(strict: false);
        using var strict = Create(strict: true);

        Assert.Null((await HostileResponseTests.SendAsync(tolerant)).Count);
        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => HostileResponseTests.SendAsync(strict));
        Assert.Contains("$.count is an object", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"statusCode":200,"count":"many","id":tru""")]
    [InlineData("""{"statusCode":200,"children":[{"enabled":"x"},{"id":"a"}""")]
    [InlineData("""{"statusCode":200,"owner":{"count":[}}""")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("<html>bad gateway</html>")]
    public async Task A_body_that_is_not_a_readable_json_object_still_throws_invalid_response(string body)
    {
        using var transport = HostileResponseTests.Transport(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => HostileResponseTests.SendAsync(transport));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(body, ex.RawBody);
    }

    [Fact]
    public async Task Invalid_utf8_anywhere_in_the_body_is_an_invalid_response_not_a_value_kept_raw()
    {
        var body = Encoding.UTF8.GetBytes("""{"statusCode":200,"unknown":"#"}""").ToList();
        var at = body.IndexOf((byte)'#');
        body.RemoveAt(at);
        body.InsertRange(at, new byte[] { 0xC0, 0xAF });
        using var transport = HostileResponseTests.Transport(new StubHandler((_, _) => Task.FromResult(HostileResponseTests.Respond(HttpStatusCode.OK, body.ToArray()))));

        var ex = await Assert.ThrowsAsync<AuthingApiException>(() => HostileResponseTests.SendAsync(transport));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Any valid JSON value, in any field, never fails a tolerant call, and nothing is lost: every field comes back when the
    /// result is written again, and a value that did not fit comes back exactly as received. Strict calls fail only with
    /// InvalidResponse naming a path.
    /// </summary>
    [Fact]
    public async Task Any_json_value_in_any_field_is_read_tolerantly_and_written_back()
    {
        string[] fields = { "message", "apiCode", "requestId", "id", "count", "ratio", "enabled", "extra", "tags", "items", "children", "owner", "unknown" };
        var gen = Gen.Select(Gen.OneOfConst(fields), RandomJson.Value(3)).Array[1, 6];
        await gen.SampleAsync(
            async pairs =>
            {
                var body = new JsonObject { ["statusCode"] = 200 };
                foreach (var (field, value) in pairs)
                {
                    body[field] = value?.DeepClone();
                }

                var text = body.ToJsonString();
                using var tolerant = HostileResponseTests.Transport(StubHandler.Json(text));
                var result = await HostileResponseTests.SendAsync(tolerant);
                Assert.Equal(200, result.StatusCode);
                var written = JsonNode.Parse(Write(result))!.AsObject();
                foreach (var (key, value) in body)
                {
                    var known = key != "unknown" && key != "statusCode";
                    if (value is null && known)
                    {
                        continue;
                    }

                    Assert.True(written.ContainsKey(key), $"{key} was lost: {written.ToJsonString()}");
                    if (known && Property(result, key) is null && value is not null)
                    {
                        Assert.True(JsonNode.DeepEquals(value, written[key]), $"{key}: {written[key]?.ToJsonString()}");
                    }
                }

                using var strict = HostileResponseTests.Transport(StubHandler.Json(text), strict: true);
                try
                {
                    await HostileResponseTests.SendAsync(strict);
                }
                catch (AuthingApiException ex)
                {
                    Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
                    Assert.Contains("$.", ex.Message, StringComparison.Ordinal);
                }
            },
            iter: Math.Max(500, HostileResponseTests.Cases / 10),
            print: pairs => string.Join(", ", pairs.Select(p => p.Item1 + "=" + (p.Item2?.ToJsonString() ?? "null"))));
    }

    private static object? Property(HostileResponse result, string field) => field switch
    {
        "count" => result.Count,
        "ratio" => result.Ratio,
        "enabled" => result.Enabled,
        "id" => result.Id,
        "tags" => result.Tags,
        "items" => result.Items,
        "children" => result.Children,
        "owner" => result.Owner,
        "apiCode" => result.ApiCode,
        "message" => result.Message,
        "requestId" => result.RequestId,
        "extra" => result.Extra,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static HostileResponse Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return HostileResponseConverter.Instance.Read(ref reader, typeof(HostileResponse), AuthingJson.Options)!;
    }

    private static string Write(HostileResponse value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, AuthingJson.WriterOptions))
        {
            HostileResponseConverter.Instance.Write(writer, value, AuthingJson.Options);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>Random JSON values of every kind, nested up to a depth.</summary>
public static class RandomJson
{
    private static readonly Gen<JsonNode?> s_scalar = Gen.OneOf(
        Gen.Const((JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.OneOfConst("", " ", "12", " 12 ", "1.5", "true", " false", "enabled", "[\"a\"]", "{\"id\":\"x\"}", "[1,{}]", "null", "好", "a,b")
            .Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.String[Gen.Char.AlphaNumeric, 0, 8].Select(s => (JsonNode?)JsonValue.Create(s)));

    public static Gen<JsonNode?> Value(int depth) => depth <= 0
        ? s_scalar
        : Gen.Frequency(
            (3, s_scalar),
            (1, Value(depth - 1).Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (1, Gen.Select(Gen.OneOfConst("id", "count", "enabled", "tags", "children", "owner", "x", "statusCode"), Value(depth - 1)).Array[0, 4]
                .Select(pairs =>
                {
                    var obj = new JsonObject();
                    foreach (var (name, value) in pairs)
                    {
                        obj[name] = value?.DeepClone();
                    }

                    return (JsonNode?)obj;
                })));
}
