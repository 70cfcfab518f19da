using Authing.DocsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Tests;

/// <summary>The generated SDK compiles against the runtime with no warnings under Nullable and warnings-as-errors.</summary>
public sealed class CompileTests
{
    [Fact]
    public void Seed_sdk_compiles_without_warnings()
    {
        AssertCompilesClean(new[] { TestPage.FromFile(Paths.Repository, Paths.SeedPage) });
    }

    [Fact]
    public void All_fixture_pages_together_compile_without_warnings()
    {
        var pages = Directory.GetFiles(Path.Combine(Paths.Fixtures, "pages"), "*.md", SearchOption.AllDirectories)
            .Select(f => TestPage.FromFile(Paths.Fixtures, f))
            .Append(TestPage.FromFile(Paths.Repository, Paths.SeedPage));
        AssertCompilesClean(pages);
    }

    [Fact]
    public void Multi_page_set_compiles_without_warnings()
    {
        var pages = Directory.GetFiles(Path.Combine(Paths.Fixtures, "multi-page"), "*.md", SearchOption.AllDirectories)
            .Select(f => TestPage.FromFile(Paths.Fixtures, f));
        AssertCompilesClean(pages);
    }

    [Fact]
    public void Internal_accessibility_and_a_custom_namespace_compile()
    {
        var options = new Dictionary<string, string> { ["AuthingDocsGenNamespace"] = "Contoso.Identity", ["AuthingDocsGenAccessibility"] = "internal" };
        var output = AssertCompilesClean(new[] { TestPage.FromFile(Paths.Repository, Paths.SeedPage) }, options);
        var client = output.GetTypeByMetadataName("Contoso.Identity.AuthenticationClient");
        Assert.NotNull(client);
        Assert.Equal(Accessibility.Internal, client!.DeclaredAccessibility);
    }

    private static Compilation AssertCompilesClean(IEnumerable<TestPage> pages, IReadOnlyDictionary<string, string>? options = null)
    {
        var driver = GeneratorHarness.CreateDriver(pages, options, out _);
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out var output, out var generatorDiagnostics);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30).Select(d => d.ToString())));
        Assert.NotEmpty(output.SyntaxTrees);
        return output;
    }
}
