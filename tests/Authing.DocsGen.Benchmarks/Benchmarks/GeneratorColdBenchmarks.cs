using System.Collections.Immutable;
using Authing.DocsGen.Benchmarks.Corpus;
using Authing.DocsGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using Markdig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Authing.DocsGen.Benchmarks.Benchmarks;

/// <summary>
/// Goal 1: a cold generator run (a new <see cref="GeneratorDriver"/> over N pages, as a command-line build does) against
/// parsing the same texts with Markdig alone, with the parser's pipeline options. Goal: ≤ 3× the baseline.
/// </summary>
[MemoryDiagnoser]
public class GeneratorColdBenchmarks
{
    private string[] _texts = Array.Empty<string>();
    private ImmutableArray<AdditionalText> _additionalTexts;
    private CSharpCompilation _compilation = null!;

    [Params(100, 600)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pages = SyntheticCorpus.Build(Pages);
        _texts = pages.Select(p => p.Text).ToArray();
        _additionalTexts = GeneratorRuns.Texts(pages);
        _compilation = GeneratorRuns.EmptyCompilation();
    }

    /// <summary>Markdig only: every page parsed with the same pipeline (pipe tables, precise source locations).</summary>
    [Benchmark(Baseline = true)]
    public int MarkdigOnly()
    {
        var blocks = 0;
        foreach (var text in _texts)
        {
            blocks += Markdown.Parse(text, GeneratorRuns.MarkdigPipeline).Count;
        }

        return blocks;
    }

    /// <summary>The generator, cold: a new driver, every page read, parsed, resolved, emitted, and the output parsed by Roslyn.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorCold() => GeneratorRuns.CreateDriver(_additionalTexts).RunGenerators(_compilation);
}
