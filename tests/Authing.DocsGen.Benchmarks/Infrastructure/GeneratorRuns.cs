using System.Collections.Immutable;
using System.Text;
using Authing.DocsGen.Benchmarks.Corpus;
using Markdig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Authing.DocsGen.Benchmarks.Infrastructure;

/// <summary>Runs <see cref="AuthingDocsGenerator"/> through a <see cref="GeneratorDriver"/>, as the compiler does, over in-memory pages.</summary>
public static class GeneratorRuns
{
    /// <summary>The parser's Markdig pipeline, built with the same options (PageParser keeps its own private instance).</summary>
    public static readonly MarkdownPipeline MarkdigPipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// The compilation handed to the driver. The generator reads only AdditionalFiles and options, never the compilation, so
    /// an empty one costs nothing extra; the driver still parses every generated source into a syntax tree, as in a build.
    /// </summary>
    public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create(
        "Consumer",
        Array.Empty<SyntaxTree>(),
        Array.Empty<MetadataReference>(),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static ImmutableArray<AdditionalText> Texts(IEnumerable<CorpusPage> pages) =>
        pages.Select(p => (AdditionalText)new MemoryText(p.Path, p.Text)).ToImmutableArray();

    /// <param name="texts">The AdditionalFiles.</param>
    /// <param name="globalOptions">MSBuild properties visible to the generator (<c>AuthingDocsGenNamespace</c>, …), without the <c>build_property.</c> prefix.</param>
    /// <param name="trackSteps">Record every step's run reason (tests); the compiler does not, so benchmarks do not either.</param>
    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> texts, IReadOnlyDictionary<string, string>? globalOptions = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new AuthingDocsGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new OptionsProvider(globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static AnalyzerConfigOptionsProvider Options(IReadOnlyDictionary<string, string>? globalOptions) => new OptionsProvider(globalOptions);

    /// <summary>The run's generated sources as hint name → text.</summary>
    public static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>An AdditionalFile held in memory; its text is created once, as the IDE and the compiler do.</summary>
    public sealed class MemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(IReadOnlyDictionary<string, string>? global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(
            (global ?? new Dictionary<string, string>()).ToDictionary(p => "build_property." + p.Key, p => p.Value, StringComparer.Ordinal));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
