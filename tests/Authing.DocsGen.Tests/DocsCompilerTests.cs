using System.Collections.Immutable;
using Authing.DocsGen.Resolution;
using Authing.DocsGen.Model;
using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests;

/// <summary>The one-shot compiler (CLI, benchmarks) and the incremental generator produce the same files.</summary>
public sealed class DocsCompilerTests
{
    [Fact]
    public void One_shot_compile_matches_the_incremental_generator_over_every_fixture()
    {
        var files = Directory.GetFiles(Paths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Select(f => TestPage.FromFile(Paths.Fixtures, f))
            .ToList();

        var run = GeneratorHarness.Run(files);
        Assert.Null(run.Exception);
        var incremental = run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var oneShot = DocsCompiler.Compile(files.Select(f => new DocsPage(f.Path, f.Text, PageOverrides.None)), GeneratorOptions.Default);

        Assert.Equal(incremental.Keys.Order(StringComparer.Ordinal), oneShot.Sources.Select(s => s.HintName));
        Assert.All(oneShot.Sources, s => Assert.Equal(incremental[s.HintName], s.Text));
        Assert.Contains(oneShot.Diagnostics, d => d.Id == "ADG014");
    }

    /// <summary>
    /// Both runs resolve over page shapes and give each page its share (<see cref="Stages.ResolvedPageOf"/>): the shares
    /// must be the whole API, each item once, without an anchor left, and equal to resolving the full pages directly.
    /// </summary>
    [Fact]
    public void Resolving_shapes_and_restoring_each_page_equals_resolving_the_full_pages()
    {
        var files = Directory.GetFiles(Paths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Select(f => TestPage.FromFile(Paths.Fixtures, f))
            .ToList();
        var pages = files.Select(f => Stages.Parse(f.Path, f.Text, PageOverrides.None, null)).ToImmutableArray();

        var resolved = Stages.Resolve(pages.Select(Stages.ShapeOf).ToImmutableArray(), null);
        var shares = pages.Select(p => Stages.ResolvedPageOf(resolved, p)).ToList();
        var direct = ApiResolver.Resolve(pages);

        Assert.Equal(resolved.Methods.Select(m => m.HintName).Order(StringComparer.Ordinal), shares.SelectMany(s => s.Items.Methods).Select(m => m.HintName).Order(StringComparer.Ordinal));
        Assert.Equal(resolved.Dtos.Select(d => d.Name).Order(StringComparer.Ordinal), shares.SelectMany(s => s.Items.Dtos).Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(resolved.Enums.Select(e => e.Name).Order(StringComparer.Ordinal), shares.SelectMany(s => s.Items.Enums).Select(e => e.Name).Order(StringComparer.Ordinal));

        Assert.Equal(direct.Dtos.OrderBy(d => d.Name, StringComparer.Ordinal), shares.SelectMany(s => s.Items.Dtos).OrderBy(d => d.Name, StringComparer.Ordinal));
        Assert.Equal(direct.Enums.OrderBy(e => e.Name, StringComparer.Ordinal), shares.SelectMany(s => s.Items.Enums).OrderBy(e => e.Name, StringComparer.Ordinal));
        Assert.Equal(direct.Methods.Select(m => m.Method), shares.SelectMany(s => s.Items.Methods).OrderBy(m => m.PagePath, StringComparer.Ordinal).Select(m => m.Method));
        Assert.Equal(
            direct.Diagnostics.OrderBy(d => d.ToString(), StringComparer.Ordinal),
            Stages.DiagnosticsOfNoPage(resolved).Concat(shares.SelectMany(s => s.Diagnostics)).OrderBy(d => d.ToString(), StringComparer.Ordinal));
        Assert.DoesNotContain(shares.SelectMany(s => s.Diagnostics), d => d.Location is { IsAnchor: true });
    }
}
