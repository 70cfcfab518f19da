using System.Collections.Immutable;
using Authing.DocsGen.Benchmarks.Corpus;
using Authing.DocsGen.Benchmarks.Infrastructure;
using Authing.DocsGen.Emitting;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Resolution;
using BenchmarkDotNet.Attributes;
using Markdig;

namespace Authing.DocsGen.Benchmarks.Benchmarks;

/// <summary>
/// Where a cold run's time goes: each stage of the generator alone, as <see cref="DocsCompiler"/> chains them. A cold
/// driver run ≈ ParsePages + Resolve + Emit + the driver's own bookkeeping (the driver does not parse the generated C#
/// inside RunGenerators; the compiler parses it later, as it would parse checked-in sources).
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private IReadOnlyList<CorpusPage> _pages = Array.Empty<CorpusPage>();
    private ImmutableArray<PageModel> _parsed;
    private ApiModel _api = null!;
    private PageEmitItems[] _shares = Array.Empty<PageEmitItems>();
    private GeneratedSource[] _sources = Array.Empty<GeneratedSource>();

    [Params(100, 600)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pages = SyntheticCorpus.Build(Pages);
        _parsed = ParsePages();
        _api = Resolve();
        _sources = Emit();
    }

    [Benchmark(Baseline = true)]
    public int MarkdigOnly()
    {
        var blocks = 0;
        foreach (var page in _pages)
        {
            blocks += Markdown.Parse(page.Text, GeneratorRuns.MarkdigPipeline).Count;
        }

        return blocks;
    }

    /// <summary>Stage 1: <see cref="PageParser"/> over every page (preprocessing, Markdig, sections, tables, fields).</summary>
    [Benchmark]
    public ImmutableArray<PageModel> ParsePages() =>
        _pages.Select(p => PageParser.Parse(p.Path, p.Text, PageOverrides.None)).ToImmutableArray();

    /// <summary>
    /// Stage 2: <see cref="ApiResolver"/> over the pages' shapes, the only step that sees every page at once (it re-runs
    /// when a page's shape changes, not on a docs-only edit), then each page's share with its docs restored.
    /// </summary>
    [Benchmark]
    public ApiModel Resolve()
    {
        var resolved = Stages.Resolve(_parsed.Select(Stages.ShapeOf).ToImmutableArray(), null);
        _shares = _parsed.Select(p => Stages.ResolvedPageOf(resolved, p).Items.WithoutLocations()).ToArray();
        return resolved;
    }

    /// <summary>Stage 3: <see cref="Emitter"/> over each page's share (Scriban templates), one file per page.</summary>
    [Benchmark]
    public GeneratedSource[] Emit()
    {
        var options = GeneratorOptions.Default;
        var sources = new List<GeneratedSource>();
        foreach (ClientKind client in Enum.GetValues<ClientKind>())
        {
            sources.Add(Emitter.EmitClient(client, options));
        }

        sources.AddRange(_shares.Select(items => Emitter.EmitPage(items, options)).OfType<GeneratedSource>());
        return sources.ToArray();
    }

    /// <summary>All generator stages without Roslyn (<see cref="DocsCompiler.Compile"/>).</summary>
    [Benchmark]
    public DocsCompilation AllStagesWithoutRoslyn() =>
        DocsCompiler.Compile(_pages.Select(p => new DocsPage(p.Path, p.Text, PageOverrides.None)), GeneratorOptions.Default);
}
