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

    /// <summary>Both runs emit per page (<see cref="Stages.EmitItemsOf"/>): the pages' items must be the whole API, each item once.</summary>
    [Fact]
    public void Each_method_type_and_enum_is_emitted_by_exactly_one_page()
    {
        var files = Directory.GetFiles(Paths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Select(f => TestPage.FromFile(Paths.Fixtures, f))
            .ToList();
        var api = DocsCompiler.Compile(files.Select(f => new DocsPage(f.Path, f.Text, PageOverrides.None)), GeneratorOptions.Default).Api;

        var items = files.Select(f => Stages.EmitItemsOf(api, f.Path)).ToList();

        Assert.Equal(api.Methods.Select(m => m.HintName).Order(StringComparer.Ordinal), items.SelectMany(i => i.Methods).Select(m => m.HintName).Order(StringComparer.Ordinal));
        Assert.Equal(api.Dtos.Select(d => d.Name).Order(StringComparer.Ordinal), items.SelectMany(i => i.Dtos).Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(api.Enums.Select(e => e.Name).Order(StringComparer.Ordinal), items.SelectMany(i => i.Enums).Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(items.SelectMany(i => i.Dtos), d => Assert.Equal(MarkdownLocation.None, d.Location));
    }
}
