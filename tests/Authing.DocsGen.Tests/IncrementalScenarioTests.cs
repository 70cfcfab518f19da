using System.Collections;
using System.Collections.Immutable;
using Authing.DocsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Authing.DocsGen.Tests;

/// <summary>
/// Incremental proofs over a multi-page set (issue 7): the tracked steps of a warm driver show what an edit re-runs, and
/// the source-output steps show what it re-emits. Every scenario also checks that the incremental result equals a fresh
/// run over the same inputs, so caching never trades correctness for speed.
/// </summary>
/// <remarks>
/// The set is <c>tests/fixtures/multi-page</c> (seven management pages that share and conflict on types) plus one
/// authentication page and one more management page, so both clients are covered. Page A is
/// <c>multi-page/management/widgets/get-widget-detail.md</c>: it defines <c>WidgetDetailDto</c>, <c>WidgetOwnerDto</c> and
/// <c>WidgetTagDto</c>, which later pages share or rename.
/// </remarks>
public sealed class IncrementalScenarioTests
{
    private const string PageA = "multi-page/management/widgets/get-widget-detail.md";
    private const string DescriptionA = "获取部件的完整信息，包括所有者和标签。";
    private const string RequestCellA = "部件 ID。 示例值： `w_5f8d2c1a9e`";

    private static readonly string[] s_extraPages =
    {
        "pages/authentication/mfa/send-widget-code.md",
        "pages/management/devices/list-devices.md",
    };

    [Fact]
    public void Editing_page_A_description_reparses_only_A_and_reemits_only_As_method()
    {
        var warm = Warm();
        var edited = Replace(warm, PageA, Text(PageA).Replace(DescriptionA, DescriptionA + "已编辑。", StringComparison.Ordinal));

        AssertOnly(edited, TrackingNames.PageInputs, IncrementalStepRunReason.Modified, 1);
        Assert.Equal(new[] { PageA }, ReparsedPages(edited));
        AssertOnly(edited, TrackingNames.ParsedPages, IncrementalStepRunReason.Modified, 1);
        AssertOnly(edited, TrackingNames.PageEmitItems, IncrementalStepRunReason.Modified, 1);
        AssertResolutionNotRerun(edited);

        var changed = ChangedSources(warm, edited);
        var method = Assert.Single(changed);
        Assert.Contains("已编辑。", edited.Sources[method], StringComparison.Ordinal);
        AssertSetEqual(changed, Reemitted(edited));
        Assert.Subset(OutputsOf(PageA), Reemitted(edited));
        AssertSameAsFreshRun(edited, PagesWith(PageA, edited.Texts[PageA]));
    }

    [Fact]
    public void Editing_page_As_response_example_reemits_only_As_method_with_the_new_test_double_answer()
    {
        var warm = Warm();
        var edited = Replace(warm, PageA, Text(PageA).Replace("\"updatedAt\": 1700000123456", "\"updatedAt\": 1700000999999", StringComparison.Ordinal));

        Assert.Equal(new[] { PageA }, ReparsedPages(edited));
        AssertOnly(edited, TrackingNames.PageEmitItems, IncrementalStepRunReason.Modified, 1);

        var changed = ChangedSources(warm, edited);
        var method = Assert.Single(changed);
        Assert.Contains("1700000999999", edited.Sources[method], StringComparison.Ordinal);
        AssertSetEqual(changed, Reemitted(edited));
        AssertSameAsFreshRun(edited, PagesWith(PageA, edited.Texts[PageA]));
    }

    [Fact]
    public void Editing_a_cell_of_page_As_request_table_reemits_only_outputs_derived_from_A()
    {
        var warm = Warm();
        var edited = Replace(warm, PageA, Text(PageA).Replace(RequestCellA, "部件的 ID。 示例值： `w_5f8d2c1a9e`", StringComparison.Ordinal));

        AssertOnly(edited, TrackingNames.ParsedPages, IncrementalStepRunReason.Modified, 1);
        Assert.Equal(new[] { PageA }, ReparsedPages(edited));
        AssertResolutionNotRerun(edited);
        var changed = ChangedSources(warm, edited);
        var requestType = Assert.Single(changed);
        Assert.Contains("部件的 ID。", edited.Sources[requestType], StringComparison.Ordinal);
        Assert.Superset(changed, Reemitted(edited));
        Assert.Subset(OutputsOf(PageA), Reemitted(edited));
        AssertSameAsFreshRun(edited, PagesWith(PageA, edited.Texts[PageA]));
    }

    [Fact]
    public void Adding_an_unrelated_CSharp_file_leaves_every_step_and_output_cached()
    {
        var warm = Warm();
        var compilation = warm.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public sealed class Unrelated { } }", GeneratorHarness.ParseOptions));
        var next = Execute(warm with { Compilation = compilation });

        AssertEverythingCached(next);
        Assert.Equal(warm.Sources, next.Sources);
    }

    [Fact]
    public void Adding_a_non_docs_additional_file_leaves_every_step_and_output_cached()
    {
        var warm = Warm();
        var notes = new MemoryText("multi-page/management/widgets/notes.txt", "# Not a docs page\n\n| a | b |\n| - | - |\n| 1 | 2 |\n");
        var next = Execute(warm with { Driver = warm.Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(notes)) });

        AssertEverythingCached(next);
        Assert.Equal(warm.Sources, next.Sources);
    }

    /// <summary>Whitespace-only edits outside tables: locations move, so the parse re-runs, but nothing is re-emitted and no source changes.</summary>
    [Theory]
    [InlineData("a trailing blank line")]
    [InlineData("blank lines between sections")]
    [InlineData("a trailing space after the description")]
    [InlineData("a trailing space after the title")]
    [InlineData("indented description")]
    public void Whitespace_only_edits_outside_tables_leave_emitted_sources_unchanged(string edit)
    {
        var warm = Warm();
        var text = Text(PageA);
        var editedText = edit switch
        {
            "a trailing blank line" => text + "\n",
            "blank lines between sections" => text.Replace("\n## 请求参数\n", "\n\n\n## 请求参数\n", StringComparison.Ordinal),
            "a trailing space after the description" => text.Replace(DescriptionA + "\n", DescriptionA + " \n", StringComparison.Ordinal),
            "a trailing space after the title" => text.Replace("# 获取部件完整信息\n", "# 获取部件完整信息 \n", StringComparison.Ordinal),
            _ => text.Replace("\n" + DescriptionA + "\n", "\n  " + DescriptionA + "\n", StringComparison.Ordinal),
        };
        Assert.NotEqual(text, editedText);
        Assert.Equal(Collapse(text), Collapse(editedText));

        var edited = Replace(warm, PageA, editedText);

        AssertOnly(edited, TrackingNames.PageInputs, IncrementalStepRunReason.Modified, 1);
        AssertNothingReran(edited, TrackingNames.PageEmitItems);
        Assert.Empty(ChangedSources(warm, edited));
        Assert.Empty(Reemitted(edited));
        Assert.Equal(warm.Sources, edited.Sources);
    }

    [Fact]
    public void Changing_the_namespace_option_regenerates_every_output_without_reparsing()
    {
        var warm = Warm();
        var next = Execute(warm with
        {
            Driver = warm.Driver.WithUpdatedAnalyzerConfigOptions(new GlobalOptionsProvider(new() { ["AuthingDocsGenNamespace"] = "Contoso.Authing" })),
        });

        AssertOnly(next, TrackingNames.Options, IncrementalStepRunReason.Modified, 1);
        AssertNothingReran(next, TrackingNames.ParsedPages);
        Assert.Equal(warm.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal), next.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(next.Sources, source =>
        {
            Assert.NotEqual(warm.Sources[source.Key], source.Value);
            Assert.Contains("namespace Contoso.Authing", source.Value, StringComparison.Ordinal);
        });
        AssertSetEqual(next.Sources.Keys.ToHashSet(StringComparer.Ordinal), Reemitted(next));
        AssertSameAsFreshRun(next, AllPages(), new() { ["AuthingDocsGenNamespace"] = "Contoso.Authing" });
    }

    /// <summary>
    /// Emit items are keyed per page (Roslyn compares a step's outputs by position, so one list over the whole API re-emitted
    /// everything after a page whose method sorts in the middle): adding a page re-emits the outputs that changed only.
    /// </summary>
    [Fact]
    public void Adding_a_page_in_the_middle_reemits_only_the_outputs_that_changed()
    {
        var all = AllPages();
        var added = all.Single(p => p.Path == "multi-page/management/widgets/transfer-widget.md");
        var warm = Warm(all.Where(p => p.Path != added.Path).ToList());
        var next = Execute(warm with { Driver = warm.Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new MemoryText(added.Path, added.Text))) });

        AssertSameAsFreshRun(next, all);
        var changed = ChangedSources(warm, next);
        Assert.NotEmpty(changed);
        var reemitted = Reemitted(next);
        Assert.Subset(changed.Union(OutputsOf(added.Path)).ToHashSet(StringComparer.Ordinal), reemitted);
        Assert.True(reemitted.Count < warm.Sources.Count / 2, $"{reemitted.Count} of {warm.Sources.Count} outputs re-emitted");
    }

    [Fact]
    public void Deleting_a_page_removes_exactly_its_outputs()
    {
        var warm = Warm();
        var page = "multi-page/management/widgets/transfer-widget.md";
        var next = Execute(warm with { Driver = warm.Driver.RemoveAdditionalTexts(ImmutableArray.Create(warm.Additional[page])) });

        var remaining = AllPages().Where(p => p.Path != page).ToList();
        var fresh = Fresh(remaining);
        Assert.Equal(fresh.Keys.OrderBy(k => k, StringComparer.Ordinal), next.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(next.Sources, source => Assert.Equal(fresh[source.Key], source.Value));

        // Its own outputs went (its method file and its request type) and nothing else did.
        var removed = warm.Sources.Keys.Except(next.Sources.Keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var own = OutputsOf(page).Except(Fresh(remaining).Keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(removed);
        AssertSetEqual(own, removed);
        var parses = Reasons(next, TrackingNames.ParsedPages);
        Assert.Single(parses, r => r == IncrementalStepRunReason.Removed);
        Assert.All(parses.Where(r => r != IncrementalStepRunReason.Removed), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    // ------------------------------------------------------------------------------------------------------------------

    private sealed record Scenario(
        GeneratorDriver Driver,
        CSharpCompilation Compilation,
        GeneratorRunResult Result,
        IReadOnlyDictionary<string, string> Sources,
        IReadOnlyDictionary<string, AdditionalText> Additional,
        IReadOnlyDictionary<string, string> Texts);

    private static IReadOnlyList<TestPage> AllPages() =>
        Directory.GetFiles(Path.Combine(Paths.Fixtures, "multi-page"), "*.md", SearchOption.AllDirectories)
            .Concat(s_extraPages.Select(p => Path.Combine(Paths.Fixtures, p)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => TestPage.FromFile(Paths.Fixtures, f))
            .ToList();

    private static string Text(string path) => AllPages().Single(p => p.Path == path).Text;

    private static IReadOnlyList<TestPage> PagesWith(string path, string text) =>
        AllPages().Select(p => p.Path == path ? p with { Text = text } : p).ToList();

    private static Scenario Warm(IReadOnlyList<TestPage>? only = null)
    {
        var pages = only ?? AllPages();
        var driver = GeneratorHarness.CreateDriver(pages, null, out var texts);
        var compilation = GeneratorHarness.EmptyCompilation();
        var scenario = Execute(new Scenario(
            driver,
            compilation,
            default!,
            new Dictionary<string, string>(),
            texts.ToDictionary(t => t.Path, StringComparer.Ordinal),
            pages.ToDictionary(p => p.Path, p => p.Text, StringComparer.Ordinal)));
        Assert.Contains(PageA, scenario.Additional.Keys);
        Assert.True(scenario.Sources.Count >= pages.Count, "the multi-page set generates a file per page");
        return scenario;
    }

    private static Scenario Execute(Scenario scenario)
    {
        var driver = scenario.Driver.RunGenerators(scenario.Compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return scenario with
        {
            Driver = driver,
            Result = result,
            Sources = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal),
        };
    }

    private static Scenario Replace(Scenario scenario, string path, string text)
    {
        var replacement = new MemoryText(path, text);
        var additional = scenario.Additional.ToDictionary(p => p.Key, p => p.Key == path ? (AdditionalText)replacement : p.Value, StringComparer.Ordinal);
        var texts = scenario.Texts.ToDictionary(p => p.Key, p => p.Key == path ? text : p.Value, StringComparer.Ordinal);
        return Execute(scenario with
        {
            Driver = scenario.Driver.ReplaceAdditionalText(scenario.Additional[path], replacement),
            Additional = additional,
            Texts = texts,
        });
    }

    /// <summary>The sources of a fresh driver over <paramref name="pages"/>.</summary>
    private static Dictionary<string, string> Fresh(IEnumerable<TestPage> pages, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        GeneratorHarness.Run(pages, globalOptions).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    private static void AssertSameAsFreshRun(Scenario scenario, IEnumerable<TestPage> pages, Dictionary<string, string>? globalOptions = null)
    {
        var fresh = Fresh(pages, globalOptions);
        Assert.Equal(fresh.Keys.OrderBy(k => k, StringComparer.Ordinal), scenario.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(scenario.Sources, source => Assert.Equal(fresh[source.Key], source.Value));
    }

    /// <summary>
    /// What a page contributes on its own: the sources of a run over that page alone, less the two client shells that
    /// every run emits. (A type the page shares with others is among them; for page A it is A that documents it.)
    /// </summary>
    private static HashSet<string> OutputsOf(string path)
    {
        var alone = Fresh(AllPages().Where(p => p.Path == path));
        var shells = Fresh(Array.Empty<TestPage>()).Keys;
        return alone.Keys.Except(shells, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> ChangedSources(Scenario before, Scenario after) =>
        after.Sources.Where(s => !before.Sources.TryGetValue(s.Key, out var old) || old != s.Value).Select(s => s.Key)
            .Concat(before.Sources.Keys.Where(k => !after.Sources.ContainsKey(k)))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Hint names of the sources whose output step ran again (New or Modified) in the last run.</summary>
    private static HashSet<string> Reemitted(Scenario scenario) =>
        scenario.Result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            .SelectMany(o => HintNames(o.Value))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>A source-output step's value is (ImmutableArray&lt;GeneratedSourceText&gt;, ImmutableArray&lt;Diagnostic&gt;); GeneratedSourceText is internal to Roslyn.</summary>
    private static IEnumerable<string> HintNames(object value)
    {
        var sources = value.GetType().GetField("Item1")?.GetValue(value) as IEnumerable
            ?? throw new InvalidOperationException("Unexpected source-output value " + value.GetType());
        foreach (var source in sources)
        {
            yield return (string)source.GetType().GetProperty("HintName")!.GetValue(source)!;
        }
    }

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(Scenario scenario, string step) =>
        scenario.Result.TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
            : Array.Empty<IncrementalStepRunReason>();

    /// <summary>The pages whose parse ran again and gave a different model.</summary>
    private static IReadOnlyList<string> ReparsedPages(Scenario scenario) =>
        scenario.Result.TrackedSteps[TrackingNames.ParsedPages]
            .SelectMany(s => s.Outputs)
            .Where(o => o.Reason == IncrementalStepRunReason.Modified)
            .Select(o => ((Model.PageModel)o.Value).FilePath)
            .ToList();

    private static void AssertSetEqual(IReadOnlySet<string> expected, IReadOnlySet<string> actual) =>
        Assert.True(
            expected.SetEquals(actual),
            $"expected [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]\n  actual [{string.Join(", ", actual.Order(StringComparer.Ordinal))}]");

    /// <summary>Exactly <paramref name="count"/> outputs of the step have <paramref name="reason"/>; the others are cached or unchanged.</summary>
    private static void AssertOnly(Scenario scenario, string step, IncrementalStepRunReason reason, int count)
    {
        var reasons = Reasons(scenario, step);
        Assert.True(reasons.Count(r => r == reason) == count, $"{step}: expected {count} {reason}, got [{string.Join(", ", reasons)}]");
        Assert.All(reasons.Where(r => r != reason), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
    }

    private static void AssertNothingReran(Scenario scenario, string step)
    {
        var reasons = Reasons(scenario, step);
        Assert.True(
            reasons.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
            $"{step}: expected every output cached or unchanged, got [{string.Join(", ", reasons)}]");
    }

    /// <summary>
    /// A docs-only edit: the page's shape is equal, so cross-page resolution does not run (Cached, not merely Unchanged),
    /// and only the edited page takes its share again.
    /// </summary>
    private static void AssertResolutionNotRerun(Scenario scenario)
    {
        AssertOnly(scenario, TrackingNames.PageShapes, IncrementalStepRunReason.Unchanged, 1);
        Assert.All(Reasons(scenario, TrackingNames.Api), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(scenario, TrackingNames.ApiDiagnostics), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        var shares = Reasons(scenario, TrackingNames.ResolvedPages);
        Assert.Equal(1, shares.Count(r => r != IncrementalStepRunReason.Cached));
    }

    private static void AssertEverythingCached(Scenario scenario)
    {
        foreach (var (name, steps) in scenario.Result.TrackedSteps)
        {
            Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"step {name} was {o.Reason}"));
        }

        Assert.All(scenario.Result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static string Collapse(string text) => string.Join(" ", text.Split(new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries));

    private sealed class MemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class GlobalOptionsProvider(Dictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
