using System.Collections.Immutable;
using Authing.DocsGen.Benchmarks.Corpus;
using Authing.DocsGen.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Authing.DocsGen.Benchmarks.Benchmarks;

/// <summary>
/// Goal 2: one page edited after a warm run (the IDE case: the driver re-run with one changed AdditionalText) against a
/// cold run of the same N pages. Goal: ≤ 5% of cold at N = 600, and not growing with N. Every invocation starts from the
/// same warm driver (drivers are immutable), so each measures exactly one edit.
/// </summary>
[MemoryDiagnoser]
public class IncrementalEditBenchmarks
{
    private ImmutableArray<AdditionalText> _texts;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _descriptionPage = null!;
    private AdditionalText _descriptionEdited = null!;
    private AdditionalText _cellPage = null!;
    private AdditionalText _cellEdited = null!;
    private AdditionalText _added = null!;

    [Params(100, 600)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pages = SyntheticCorpus.Build(Pages + 1);
        var corpus = pages.Take(Pages).ToList();
        _texts = GeneratorRuns.Texts(corpus);
        _compilation = GeneratorRuns.EmptyCompilation();
        _warm = GeneratorRuns.CreateDriver(_texts).RunGenerators(_compilation);

        // The middle page: its method sorts in the middle of the resolved model.
        var middle = Pages / 2;
        _descriptionPage = _texts[middle];
        _descriptionEdited = new GeneratorRuns.MemoryText(corpus[middle].Path, corpus[middle].WithEditedDescription().Text);
        var withTable = Enumerable.Range(middle, Pages - middle).Concat(Enumerable.Range(0, middle)).First(i => corpus[i].RequestCell is not null);
        _cellPage = _texts[withTable];
        _cellEdited = new GeneratorRuns.MemoryText(corpus[withTable].Path, corpus[withTable].WithEditedRequestCell().Text);
        _added = new GeneratorRuns.MemoryText(pages[Pages].Path, pages[Pages].Text);
    }

    /// <summary>The cold run of the same pages (baseline).</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver ColdRun() => GeneratorRuns.CreateDriver(_texts).RunGenerators(_compilation);

    /// <summary>One page's description paragraph edited (outside tables): one method file changes.</summary>
    [Benchmark]
    public GeneratorDriver EditDescription() => _warm.ReplaceAdditionalText(_descriptionPage, _descriptionEdited).RunGenerators(_compilation);

    /// <summary>One cell of one page's request table edited: that page's request type changes.</summary>
    [Benchmark]
    public GeneratorDriver EditRequestTableCell() => _warm.ReplaceAdditionalText(_cellPage, _cellEdited).RunGenerators(_compilation);

    /// <summary>One new page added (its method and types are new; every other output is unchanged).</summary>
    [Benchmark]
    public GeneratorDriver AddPage() => _warm.AddAdditionalTexts(ImmutableArray.Create(_added)).RunGenerators(_compilation);

    /// <summary>The middle page deleted (its outputs go; a type it was the origin of moves to the next page defining it).</summary>
    [Benchmark]
    public GeneratorDriver RemovePage() => _warm.RemoveAdditionalTexts(ImmutableArray.Create(_descriptionPage)).RunGenerators(_compilation);

    /// <summary>A re-run with nothing changed (the floor of any incremental run).</summary>
    [Benchmark]
    public GeneratorDriver NoChange() => _warm.RunGenerators(_compilation);
}
