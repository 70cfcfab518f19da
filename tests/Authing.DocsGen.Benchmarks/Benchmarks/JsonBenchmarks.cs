using System.Text;
using System.Text.Json;
using Authing.DocsGen.Benchmarks.Runtime;
using Authing.DocsGen.Benchmarks.Sdk.Models;
using Authing.Sdk.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Authing.DocsGen.Benchmarks.Benchmarks;

/// <summary>
/// Goal 4a: (de)serialisation of a listUsers response (the envelope, <c>data.totalCount</c>, <c>data.list</c> of 100
/// users with nested identities) through the converters the generator wrote for <c>Docs/authentication/users/list-users.md</c>,
/// against reflection-based System.Text.Json and Newtonsoft.Json on equivalent hand-written classes (and, for reference,
/// System.Text.Json's source generator). System.Text.Json's source generator is the baseline of each category (issue 13:
/// the generated converters at least as fast, with no more allocations). Every variant reads from and writes to UTF-8 bytes, as an HTTP body is.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly PocoJsonContext s_relaxedContext = new(new JsonSerializerOptions(PocoJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
    private byte[] _payload = Array.Empty<byte>();
    private UserPaginatedRespDto _generated = null!;
    private PocoUserPaginatedResponse _poco = null!;

    [Params(100)]
    public int Users { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        _payload = UserListPayload.Create(Users);
        _generated = GeneratedDeserialize();
        _poco = StjReflectionDeserialize();
    }

    public byte[] Payload => _payload;

    [Benchmark]
    [BenchmarkCategory("Deserialize")]
    public PocoUserPaginatedResponse NewtonsoftDeserialize()
    {
        using var text = new StreamReader(new MemoryStream(_payload), s_utf8);
        using var reader = new Newtonsoft.Json.JsonTextReader(text);
        return UserListPayload.NewtonsoftSerializer.Deserialize<PocoUserPaginatedResponse>(reader)!;
    }

    [Benchmark]
    [BenchmarkCategory("Deserialize")]
    public PocoUserPaginatedResponse StjReflectionDeserialize() =>
        JsonSerializer.Deserialize<PocoUserPaginatedResponse>(_payload, UserListPayload.StjOptions)!;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Deserialize")]
    public PocoUserPaginatedResponse StjSourceGenDeserialize() =>
        JsonSerializer.Deserialize(_payload, PocoJsonContext.Default.PocoUserPaginatedResponse)!;

    /// <summary>What the SDK's transport does with a response body.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize")]
    public UserPaginatedRespDto GeneratedDeserialize()
    {
        var reader = new Utf8JsonReader(_payload);
        reader.Read();
        return UserPaginatedRespDtoJsonConverter.Instance.Read(ref reader, typeof(UserPaginatedRespDto), AuthingJson.Options)!;
    }

    [Benchmark]
    [BenchmarkCategory("Serialize")]
    public byte[] NewtonsoftSerialize()
    {
        var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, s_utf8))
        {
            UserListPayload.NewtonsoftSerializer.Serialize(text, _poco);
        }

        return stream.ToArray();
    }

    [Benchmark]
    [BenchmarkCategory("Serialize")]
    public byte[] StjReflectionSerialize() => JsonSerializer.SerializeToUtf8Bytes(_poco, UserListPayload.StjOptions);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Serialize")]
    public byte[] StjSourceGenSerialize() => JsonSerializer.SerializeToUtf8Bytes(_poco, PocoJsonContext.Default.PocoUserPaginatedResponse);

    /// <summary>
    /// The source generator with the SDK's escaping (non-ASCII text as is, as <c>JSON.stringify</c> writes it): the same
    /// bytes as the generated converters write, where the default encoder escapes every non-ASCII character.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("Serialize")]
    public byte[] StjSourceGenRelaxedSerialize() => JsonSerializer.SerializeToUtf8Bytes(_poco, s_relaxedContext.PocoUserPaginatedResponse);

    /// <summary>What the SDK does with a request body: <c>AuthingRequest.SetJsonBody</c> writes through the converter into a pooled per-thread buffer and copies the written bytes.</summary>
    [Benchmark]
    [BenchmarkCategory("Serialize")]
    public byte[] GeneratedSerialize() =>
        AuthingJson.SerializeToUtf8Bytes(_generated, UserPaginatedRespDtoJsonConverter.Instance);
}
