using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Authing.DocsGen.Tests.Infrastructure;

/// <summary>A docs page as the generator sees it: a path (relative, so snapshots hold no machine paths), text and item metadata.</summary>
public sealed record TestPage(string Path, string Text, IReadOnlyDictionary<string, string>? Metadata = null)
{
    public static TestPage FromFile(string root, string file) =>
        new(System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file));
}

/// <summary>Runs <see cref="AuthingDocsGenerator"/> in memory through a <see cref="GeneratorDriver"/>.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static GeneratorDriver CreateDriver(IEnumerable<TestPage> pages, IReadOnlyDictionary<string, string>? globalOptions, out ImmutableArray<AdditionalText> texts)
    {
        texts = pages.Select(p => (AdditionalText)new InMemoryAdditionalText(p.Path, p.Text)).ToImmutableArray();
        var metadata = pages.ToDictionary(p => p.Path, p => p.Metadata ?? new Dictionary<string, string>());
        return CSharpGeneratorDriver.Create(
            new[] { new AuthingDocsGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>(), metadata),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorRunResult Run(IEnumerable<TestPage> pages, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var driver = CreateDriver(pages, globalOptions, out _).RunGenerators(EmptyCompilation());
        return driver.GetRunResult().Results.Single();
    }

    public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create(
        "GeneratedSdk",
        Array.Empty<SyntaxTree>(),
        References.Value,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                // The generator's own docs diagnostics are asserted by snapshots, not failed on here.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            }));

    /// <summary>The framework plus the runtime library and its dependencies, as loaded by the test host.</summary>
    public static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = Directory.GetFiles(framework, "*.dll").Where(f => !f.EndsWith("Native.dll", StringComparison.Ordinal) && IsManaged(f));
        var runtime = typeof(Authing.Sdk.AuthingResponse).Assembly.Location;
        var local = Directory.GetFiles(Path.GetDirectoryName(runtime)!, "Microsoft.Extensions.*.dll");
        return platform.Concat(local).Append(runtime)
            .GroupBy(Path.GetFileName)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToList();
    });

    private static bool IsManaged(string file)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, Dictionary<string, IReadOnlyDictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global.ToDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            perFile.TryGetValue(textFile.Path, out var metadata)
                ? new DictionaryOptions(metadata.ToDictionary(p => "build_metadata.AdditionalFiles." + p.Key, p => p.Value))
                : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}

/// <summary>
/// How the C# compiler reads an <c>AdditionalFiles</c> item: Roslyn's internal <c>EncodedStringText.Create</c> over
/// the file (no /codepage), through reflection: the behaviour <see cref="PageText"/> must match.
/// </summary>
public static class CompilerRead
{
    private static readonly System.Reflection.MethodInfo s_create = typeof(SourceText).Assembly
        .GetType("Microsoft.CodeAnalysis.Text.EncodedStringText", throwOnError: true)!
        .GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)
        .Single(m => m.Name == "Create" && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(Stream), typeof(Encoding), typeof(SourceHashAlgorithm), typeof(bool) }));

    public static SourceText File(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.None);
        try
        {
            return (SourceText)s_create.Invoke(null, new object?[] { stream, null, SourceHashAlgorithm.Sha1, false })!;
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
