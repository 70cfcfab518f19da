using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests;

/// <summary>The committed generated/sdk folder is exactly what the generator produces from docs-input.</summary>
public sealed class GeneratedFolderTests
{
    private const string Refresh = "Refresh it with: dotnet build generated";

    [Fact]
    public void Committed_generated_sources_match_a_fresh_run_over_docs_input()
    {
        var pages = Directory.GetFiles(Paths.DocsInput, "*.md", SearchOption.AllDirectories).Select(f => TestPage.FromFile(Paths.DocsInput, f));
        var expected = GeneratorHarness.Run(pages).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        Assert.True(Directory.Exists(Paths.GeneratedSdk), $"generated/sdk is missing. {Refresh}");
        var committed = Directory.GetFiles(Paths.GeneratedSdk, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Paths.GeneratedSdk, f).Replace('\\', '/'), File.ReadAllText);

        var missing = expected.Keys.Except(committed.Keys).ToList();
        var stale = committed.Keys.Except(expected.Keys).ToList();
        var different = expected.Keys.Intersect(committed.Keys).Where(k => Normalize(expected[k]) != Normalize(committed[k])).ToList();
        Assert.True(
            missing.Count + stale.Count + different.Count == 0,
            $"generated/sdk is stale. Missing: [{string.Join(", ", missing)}]; no longer generated: [{string.Join(", ", stale)}]; different: [{string.Join(", ", different)}]. {Refresh}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
