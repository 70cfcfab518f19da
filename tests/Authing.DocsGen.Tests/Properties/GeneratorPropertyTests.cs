using System.Collections.Immutable;
using Authing.DocsGen.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// Property tests of issue 6: hostile docs never crash the generator or inject code. Each property prints its seed on
/// failure (see <see cref="PropertyRun"/> to replay it or to run a million cases).
/// </summary>
public sealed class GeneratorPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Random_valid_pages_never_throw_and_generate_safe_parseable_code()
    {
        PropertyRun.Sample(PageGenerator.Page(hostile: false), page => AssertPage(page, validPage: true), page => OutputChecks.Print(new[] { page }), output);
    }

    [Fact]
    public void Random_pages_with_hostile_text_never_throw_and_generate_safe_parseable_code()
    {
        PropertyRun.Sample(PageGenerator.Page(hostile: true), page => AssertPage(page, validPage: false), page => OutputChecks.Print(new[] { page }), output);
    }

    [Fact]
    public void Mutated_fixture_pages_never_throw_and_generate_safe_parseable_code()
    {
        PropertyRun.Sample(FixtureMutator.Page(), page => AssertPage(page, validPage: false), page => OutputChecks.Print(new[] { page }), output);
    }

    /// <summary>Project options a batch is generated with: defaults, another namespace, internal types, one client only.</summary>
    private static readonly Dictionary<string, string>[] s_projectOptions =
    {
        new(),
        new() { ["AuthingDocsGenNamespace"] = "Contoso.Identity", ["AuthingDocsGenAccessibility"] = "internal" },
        new() { ["AuthingDocsGenNamespace"] = "System.Authing" },
        new() { ["AuthingDocsGenNamespace"] = "Models" },
        new() { ["AuthingDocsGenClients"] = "Management" },
        new() { ["AuthingDocsGenClients"] = "Authentication", ["AuthingDocsGenAccessibility"] = "internal" },
    };

    [Fact]
    public void Batches_of_random_and_mutated_pages_compile_without_errors_or_warnings()
    {
        var gen = Gen.Select(PageGenerator.Batch(hostile: true, PropertyRun.PagesPerBatch / 2), FixtureMutator.Page().Array[PropertyRun.PagesPerBatch / 2], Gen.Int[0, s_projectOptions.Length - 1])
            .Select((generated, mutated, options) => (Pages: generated.Concat(mutated).DistinctBy(p => p.Path, StringComparer.OrdinalIgnoreCase).ToArray(), Options: options));
        PropertyRun.Sample(
            gen,
            batch => AssertBatchCompiles(batch.Pages, s_projectOptions[batch.Options]),
            batch => string.Join(", ", s_projectOptions[batch.Options].Select(o => o.Key + "=" + o.Value)) + "\n" + OutputChecks.Print(batch.Pages),
            output,
            PropertyRun.CompileBatches);
    }

    [Fact]
    public void Batches_give_safe_output_that_does_not_depend_on_the_page_order()
    {
        var gen = Gen.Select(PageGenerator.Batch(hostile: true, 8), FixtureMutator.Page().Array[4], Gen.Int[0, int.MaxValue])
            .Select((generated, mutated, seed) => (generated.Concat(mutated).DistinctBy(p => p.Path, StringComparer.OrdinalIgnoreCase).ToArray(), seed));
        PropertyRun.Sample(
            gen,
            t =>
            {
                var (pages, shuffleSeed) = t;
                var first = OutputChecks.Compile(pages);
                OutputChecks.AssertSafe(pages, first);
                var shuffled = pages.ToArray();
                new Random(shuffleSeed).Shuffle(shuffled);
                var second = OutputChecks.Compile(shuffled);
                Assert.Equal(first.Sources.Select(s => s.HintName), second.Sources.Select(s => s.HintName));
                foreach (var (a, b) in first.Sources.Zip(second.Sources))
                {
                    OutputChecks.Check(a.Text == b.Text, $"{a.HintName} depends on the order of the pages");
                }

                Assert.Equal(Describe(first.Diagnostics).Order(StringComparer.Ordinal), Describe(second.Diagnostics).Order(StringComparer.Ordinal));
            },
            t => OutputChecks.Print(t.Item1),
            output,
            Math.Max(50, PropertyRun.Cases / 100));
    }

    internal static void AssertPage(TestPage page, bool validPage)
    {
        DocsCompilation result;
        try
        {
            result = OutputChecks.Compile(new[] { page });
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException("The generator threw: " + ex);
        }

        OutputChecks.AssertSafe(new[] { page }, result);
        var failed = result.Diagnostics.FirstOrDefault(d => d.Id == "ADG002");
        OutputChecks.Check(failed is null, $"A page failed (ADG002): {string.Join(", ", failed?.MessageArgs ?? default)}");
        if (validPage)
        {
            OutputChecks.Check(
                result.Pages.Single().Method is not null || result.Diagnostics.Any(d => d.Id is "ADG001" or "ADG040"),
                "A valid page yields a method or says why it is skipped");
        }
    }

    private static void AssertBatchCompiles(TestPage[] pages, IReadOnlyDictionary<string, string> projectOptions)
    {
        OutputChecks.AssertSafe(pages, OutputChecks.Compile(pages));

        var driver = GeneratorHarness.CreateDriver(pages, projectOptions, out _).WithUpdatedParseOptions(OutputChecks.ParseOptions);
        var compilation = GeneratorHarness.EmptyCompilation();
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var compiled, out var generatorDiagnostics);

        // CS8785: the generator threw (AddSource included); nothing would be generated in a real build.
        var crashes = generatorDiagnostics.Where(d => !d.Id.StartsWith("ADG", StringComparison.Ordinal)).ToList();
        OutputChecks.Check(crashes.Count == 0, "The generator failed:\n" + string.Join("\n", crashes));
        var byPath = pages.ToDictionary(p => p.Path, p => p.Text, StringComparer.Ordinal);
        foreach (var diagnostic in generatorDiagnostics.Where(d => d.Id is not ("ADG041" or "ADG042")))
        {
            var span = diagnostic.Location.GetLineSpan();
            OutputChecks.Check(diagnostic.Location.Kind == LocationKind.ExternalFile && byPath.TryGetValue(span.Path, out var text) && diagnostic.Location.SourceSpan.End <= text.Length, $"{diagnostic} is not located in a page");
        }

        var problems = compiled.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        OutputChecks.Check(problems.Count == 0, $"The generated SDK does not compile cleanly ({problems.Count} problems):\n" + string.Join("\n", problems.Take(20).Select(d => $"{d} :: {Line(d)}")));
    }

    private static string Line(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        return tree is null ? string.Empty : tree.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Trim();
    }

    private static IEnumerable<string> Describe(ImmutableArray<Model.DiagnosticInfo> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location} {string.Join("|", d.MessageArgs)}");
}
