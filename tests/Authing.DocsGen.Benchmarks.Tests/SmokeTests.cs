using Authing.DocsGen.Benchmarks.Benchmarks;
using Authing.DocsGen.Benchmarks.Infrastructure;
using Authing.DocsGen.Benchmarks.Runtime;
using Authing.DocsGen.Benchmarks.Sdk.Models;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Benchmarks.Tests;

/// <summary>
/// Smoke mode: every benchmark method runs once, untimed, with a small N, so the benchmarks compile, set up and work in
/// every CI run and never rot. Timing is never asserted here (see docs/benchmarks.md for the measured numbers).
/// </summary>
public sealed class SmokeTests
{
    private const int SmokePages = 12;

    public static TheoryData<string> BenchmarkClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in SmokeRunner.BenchmarkTypes)
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void Every_benchmark_class_is_known_here()
    {
        Assert.Equal(
            new[] { nameof(ClientCallBenchmarks), nameof(GeneratorColdBenchmarks), nameof(IncrementalEditBenchmarks), nameof(JsonBenchmarks), nameof(StageBenchmarks), nameof(WideRowBenchmarks) },
            SmokeRunner.BenchmarkTypes.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public async Task Every_benchmark_method_runs_once(string className)
    {
        var type = SmokeRunner.BenchmarkTypes.Single(t => t.Name == className);
        var results = await SmokeRunner.RunAsync(type, SmokePages);

        Assert.Equal(SmokeRunner.BenchmarkMethods(type).Select(m => m.Name), results.Keys.Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.NotNull(r.Value));
    }

    /// <summary>BenchmarkDotNet accepts each class (parameters, baselines, categories) as it would before a real run.</summary>
    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void BenchmarkDotNet_can_plan_every_class(string className)
    {
        var type = SmokeRunner.BenchmarkTypes.Single(t => t.Name == className);
        var info = BenchmarkConverter.TypeToBenchmarks(type);
        Assert.NotEmpty(info.BenchmarksCases);
        var baselines = info.BenchmarksCases.Where(c => c.Descriptor.Baseline).Select(c => c.Descriptor.WorkloadMethod.Name).Distinct().ToList();
        Assert.NotEmpty(baselines);
    }

    [Fact]
    public void Generator_benchmarks_produce_the_same_sources_cold_and_after_an_edit()
    {
        var benchmark = new IncrementalEditBenchmarks { Pages = SmokePages };
        benchmark.Setup();
        var cold = Sources(benchmark.ColdRun());
        var edited = Sources(benchmark.EditDescription());

        Assert.Equal(cold.Keys.Order(StringComparer.Ordinal), edited.Keys.Order(StringComparer.Ordinal));
        Assert.Single(cold, s => edited[s.Key] != s.Value);
        Assert.Equal(cold.Count + 0, Sources(benchmark.NoChange()).Count);
        Assert.True(Sources(benchmark.AddPage()).Count > cold.Count);
        Assert.True(Sources(benchmark.RemovePage()).Count < cold.Count);
    }

    [Fact]
    public void Every_json_variant_reads_and_writes_the_same_document()
    {
        var json = new JsonBenchmarks();
        json.Setup();

        var generated = json.GeneratedDeserialize();
        Assert.Equal(100, generated.Data!.List!.Count);
        Assert.Equal(200, generated.StatusCode);
        Assert.Equal(UserStatus.Activated, generated.Data.List[2].Status);
        Assert.Equal("张三2", generated.Data.List[2].Name);
        Assert.Equal(2, generated.Data.List[1].Identities!.Count);

        foreach (var poco in new[] { json.NewtonsoftDeserialize(), json.StjReflectionDeserialize(), json.StjSourceGenDeserialize() })
        {
            Assert.Equal(100, poco.Data!.List!.Count);
            Assert.Equal(PocoUserStatus.Activated, poco.Data.List[2].Status);
            Assert.Equal(PocoProvider.Github, poco.Data.List[1].Identities![0].Provider);
            Assert.Equal(generated.Data.List[99].LastLogin, poco.Data.List[99].LastLogin);
        }

        // Every serialiser writes the same JSON (same wire names, same values; property order may differ).
        var expected = System.Text.Json.Nodes.JsonNode.Parse(json.Payload)!;
        foreach (var bytes in new[] { json.GeneratedSerialize(), json.NewtonsoftSerialize(), json.StjReflectionSerialize(), json.StjSourceGenSerialize() })
        {
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected, System.Text.Json.Nodes.JsonNode.Parse(bytes)), System.Text.Encoding.UTF8.GetString(bytes, 0, 300));
        }
    }

    [Fact]
    public async Task Both_clients_make_the_same_call_to_the_loopback_server()
    {
        var client = new ClientCallBenchmarks();
        client.Setup();
        try
        {
            Assert.Equal(100, await client.HandWrittenCall());
            Assert.Equal(100, await client.GeneratedClientCall());
        }
        finally
        {
            client.Cleanup();
        }
    }

    private static Dictionary<string, string> Sources(GeneratorDriver driver) => GeneratorRuns.Sources(driver);
}
