using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Authing.DocsGen.Model;
using Authing.DocsGen.Tests.Infrastructure;
using Authing.Sdk;
using Authing.Sdk.Runtime;
using CsCheck;
using Xunit.Abstractions;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// Issue 10 §2: random JSON shaped like a generated response DTO, with values of the wrong kind anywhere (arrays for
/// objects, objects for lists, strings for numbers and booleans, JSON inside strings, unknown fields), never fails a call
/// with <c>StrictResponses</c> off; nothing received is lost when the result is written again; and with it on the call
/// fails only with <see cref="AuthingErrorKind.InvalidResponse"/> naming a JSON path. Every non-strict DTO the fixture
/// sets generate takes part (strict, request-only DTOs keep failing on a missing required field by design).
/// </summary>
public sealed class TolerantReadPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Random_json_of_the_wrong_shape_never_fails_a_tolerant_read_of_a_generated_dto()
    {
        var targets = FixtureSdk.Sets
            .Select(FixtureSdk.Load)
            .SelectMany(sdk => sdk.Api.Dtos.Where(d => !d.IsStrict).Select(d => (Sdk: sdk, Dto: d)))
            .ToList();
        Assert.True(targets.Count > 50, $"only {targets.Count} DTOs");

        var gen = Gen.Select(Gen.Int[0, targets.Count - 1], Gen.Int);
        var cases = Math.Max(500, PropertyRun.Cases / 5);
        var withMismatches = 0;
        PropertyRun.Sample(
            gen,
            c =>
            {
                if (Check(targets[c.Item1].Sdk, targets[c.Item1].Dto, c.Item2))
                {
                    Interlocked.Increment(ref withMismatches);
                }
            },
            c => $"{targets[c.Item1].Dto.Name}: {Body(targets[c.Item1].Sdk, targets[c.Item1].Dto, c.Item2)}",
            output,
            cases);

        // The generator is meant to produce wrong shapes: most cases must have hit at least one.
        output.WriteLine($"{withMismatches} cases had values that did not fit");
        Assert.True(withMismatches > cases / 4, $"only {withMismatches} of {cases} cases had a mismatch");
    }

    /// <summary>Checks one case; true when the tolerant read reported a value that did not fit.</summary>
    private static bool Check(FixtureSdk sdk, DtoModel dto, int seed)
    {
        var body = Body(sdk, dto, seed);
        var type = sdk.Type("Authing.Sdk.Models." + dto.Name);
        var converter = sdk.Type("Authing.Sdk.Models." + dto.Name + "JsonConverter").GetProperty("Instance")!.GetValue(null)!;

        var logger = new MismatchLogger();
        var result = Send(type, converter, body, strict: false, logger, out var error);
        Assert.True(error is null, $"tolerant read threw {error}");
        Assert.NotNull(result);

        var written = JsonNode.Parse(Write(converter, result!))!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(body)!.AsObject())
        {
            if (value is not null)
            {
                Assert.True(written.ContainsKey(key), $"'{key}' was lost: {written.ToJsonString()}");
            }
        }

        Send(type, converter, body, strict: true, new MismatchLogger(), out error);
        if (error is not null)
        {
            var api = Assert.IsType<AuthingApiException>(error);
            Assert.Equal(AuthingErrorKind.InvalidResponse, api.Kind);
            Assert.Contains("$", api.Message, StringComparison.Ordinal);
        }

        return !logger.Mismatches.IsEmpty;
    }

    private static object? Send(Type type, object converter, string body, bool strict, MismatchLogger logger, out Exception? error)
    {
        using var transport = new ManagementTransport(
            new HttpClient(new FixedResponse(body)),
            new ManagementClientOptions { AccessKeyId = "ak", AccessKeySecret = "sk", StrictResponses = strict },
            logger);
        var send = typeof(AuthingTransport).GetMethods()
            .Single(m => m.Name == nameof(AuthingTransport.SendAsync) && m.IsGenericMethodDefinition && m.GetParameters().Length == 3)
            .MakeGenericMethod(type);
        var task = (Task)send.Invoke(transport, new[] { new AuthingRequest(HttpMethod.Get, "/api/v3/random"), converter, CancellationToken.None })!;
        try
        {
            task.GetAwaiter().GetResult();
            error = null;
            return task.GetType().GetProperty("Result")!.GetValue(task);
        }
        catch (Exception ex)
        {
            error = ex;
            return null;
        }
    }

    private static string Write(object converter, object value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, AuthingJson.WriterOptions))
        {
            converter.GetType().GetMethod("Write")!.Invoke(converter, new[] { writer, value, AuthingJson.Options });
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The JSON for one case: deterministic in the seed, so a failure replays from CsCheck's seed.</summary>
    private static string Body(FixtureSdk sdk, DtoModel dto, int seed)
    {
        var shapes = new Shapes(sdk, new Random(seed));
        var body = shapes.Object(dto, depth: 0);
        if (dto.IsEnvelope)
        {
            // The business status decides success; a status that cannot be read fails the call by design.
            body["statusCode"] = 200;
        }

        return body.ToJsonString();
    }

    private sealed class Shapes(FixtureSdk sdk, Random random)
    {
        private const int MaxDepth = 4;

        public JsonObject Object(DtoModel dto, int depth)
        {
            var obj = new JsonObject();
            if (depth >= MaxDepth)
            {
                return obj;
            }

            foreach (var field in dto.Fields)
            {
                if (random.NextDouble() < 0.75)
                {
                    obj[field.WireName] = Value(field.Type, depth + 1);
                }
            }

            if (random.NextDouble() < 0.2)
            {
                obj["undocumented" + random.Next(3)] = Any(depth + 1);
            }

            return obj;
        }

        private JsonNode? Value(TypeRef type, int depth) => random.NextDouble() < 0.35 ? Wrong(type, depth) : Right(type, depth);

        private JsonNode? Right(TypeRef type, int depth) => type.Kind switch
        {
            TypeKind.String => "s" + random.Next(100),
            TypeKind.Int64 => random.Next(),
            TypeKind.Double => random.NextDouble(),
            TypeKind.Boolean => random.Next(2) == 0,
            TypeKind.Enum => "VALUE",
            TypeKind.Json => Any(depth),
            TypeKind.Dto => sdk.Api.Dtos.FirstOrDefault(d => d.Name == type.Name) is { } nested ? Object(nested, depth) : new JsonObject(),
            _ => depth >= MaxDepth ? new JsonArray() : new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => Value(type.Element!, depth + 1)).ToArray()),
        };

        private JsonNode? Wrong(TypeRef type, int depth) => random.Next(9) switch
        {
            0 => "text",
            1 => " false",
            2 => "12",
            3 => random.Next(2) == 0 ? 12 : 1.5,
            4 => true,
            5 => new JsonObject { ["k"] = Any(depth + 1) },
            6 => new JsonArray(Any(depth + 1), Any(depth + 1)),
            7 => Right(type, depth)?.ToJsonString(), // the right value, encoded as a JSON string
            _ => null,
        };

        private JsonNode? Any(int depth) => random.Next(depth >= MaxDepth ? 4 : 6) switch
        {
            0 => null,
            1 => random.Next(),
            2 => "x",
            3 => false,
            4 => new JsonObject { ["a"] = Any(depth + 1), ["b"] = Any(depth + 1) },
            _ => new JsonArray(Any(depth + 1)),
        };
    }

    private sealed class FixedResponse(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
