using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests;

/// <summary>Generated sources and diagnostics for the seed, every fixture page and the multi-page set.</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> FixturePages()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(Paths.Fixtures, "pages");
        foreach (var file in Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void Seed_page()
    {
        var result = GeneratorHarness.Run(new[] { TestPage.FromFile(Paths.Repository, Paths.SeedPage) });
        Snapshot.VerifyGenerated("Seed/enroll-factor", result);
    }

    [Theory]
    [MemberData(nameof(FixturePages))]
    public void Fixture_page(string relativePath)
    {
        var root = Path.Combine(Paths.Fixtures, "pages");
        var result = GeneratorHarness.Run(new[] { TestPage.FromFile(Paths.Fixtures, Path.Combine(root, relativePath)) });
        Snapshot.VerifyGenerated("Pages/" + Path.ChangeExtension(relativePath, null), result, includeHint: IsPageOutput);
    }

    [Fact]
    public void Multi_page_set_shares_identical_types_and_renames_conflicting_ones()
    {
        var root = Path.Combine(Paths.Fixtures, "multi-page");
        var pages = Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).Select(f => TestPage.FromFile(Paths.Fixtures, f));
        var result = GeneratorHarness.Run(pages);
        Snapshot.VerifyGenerated("MultiPage/set", result, includeHint: IsPageOutput);
    }

    /// <summary>The two client shells are the same for every page; the seed snapshot holds them.</summary>
    private static bool IsPageOutput(string hintName) => hintName is not ("AuthenticationClient.g.cs" or "ManagementClient.g.cs");
}
