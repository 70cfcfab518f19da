using System.Collections;
using System.Reflection;
using Authing.DocsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Authing.DocsGen.Tests;

/// <summary>Proves the pipeline is incremental: unchanged input re-runs nothing, and editing one page re-runs only that page.</summary>
public sealed class IncrementalTests
{
    private static readonly string s_seed = File.ReadAllText(Paths.SeedPage);

    private static IEnumerable<TestPage> TwoPages() => new[]
    {
        new TestPage("docs/authentication/mfa/enroll-factor.md", s_seed),
        new TestPage("docs/management/widgets/get-widget.md", Fixture.WidgetPage),
    };

    [Fact]
    public void Second_run_with_no_change_leaves_every_tracked_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoPages(), null, out _).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Unrelated {}", GeneratorHarness.ParseOptions)));
        var result = driver.GetRunResult().Results.Single();

        foreach (var (name, steps) in result.TrackedSteps)
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {name} was {output.Reason}");
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static readonly IncrementalStepRunReason[] s_notReemitted = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Fact]
    public void Editing_one_pages_description_reparses_only_that_page_and_changes_only_its_method_file()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoPages(), null, out var texts).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var seed = texts.Single(t => t.Path.Contains("enroll-factor", StringComparison.Ordinal));
        var edited = new EditedText(seed.Path, s_seed.Replace("绑定 MFA 要素\n", "绑定一个 MFA 要素\n", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(seed, edited).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var parsed = result.TrackedSteps[TrackingNames.ParsedPages].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, parsed.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, parsed.Count(r => r == IncrementalStepRunReason.Cached));

        var items = result.TrackedSteps[TrackingNames.PageEmitItems].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, items.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.All(items.Where(r => r != IncrementalStepRunReason.Modified), r => Assert.Contains(r, s_notReemitted));

        var after = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = after.Where(p => before[p.Key] != p.Value).Select(p => p.Key).ToList();
        Assert.Equal(new[] { "authentication/mfa/enroll-factor.g.cs" }, changed);
        Assert.Contains("/// 绑定一个 MFA 要素", after["authentication/mfa/enroll-factor.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_or_syntax_node()
    {
        var driver = GeneratorHarness.CreateDriver(TwoPages(), null, out _).RunGenerators(GeneratorHarness.EmptyCompilation());
        var result = driver.GetRunResult().Results.Single();
        foreach (var (name, steps) in result.TrackedSteps)
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree, $"Step {step} outputs a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObjects(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }

    private sealed class EditedText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
