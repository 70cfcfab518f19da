using System.Xml.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests;

/// <summary>
/// The diagnostic IDs live in one registry; the one MSBuild copy (Directory.Build.props, used by the projects here that
/// consume the generator) must equal it, or a new warning becomes an error in those builds.
/// </summary>
public sealed class DiagnosticIdListTests
{
    [Fact]
    public void The_msbuild_list_of_diagnostic_ids_equals_the_registry()
    {
        var props = XDocument.Load(Path.Combine(Paths.Repository, "Directory.Build.props"));
        var listed = props.Descendants("AuthingDocsGenDiagnosticIds").Single().Value.Split(';', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_diagnostic_id_is_tracked_in_the_release_file_and_documented_in_the_readme()
    {
        var releases = File.ReadAllText(Path.Combine(Paths.Repository, "generator", "Authing.DocsGen.Generator", "AnalyzerReleases.Unshipped.md"));
        var readme = File.ReadAllText(Path.Combine(Paths.Repository, "README.md"));

        Assert.All(DiagnosticDescriptors.All, d => Assert.Contains(d.Id + " | ", releases, StringComparison.Ordinal));
        Assert.All(DiagnosticDescriptors.All, d => Assert.Contains("| " + d.Id + " |", readme, StringComparison.Ordinal));
    }

    /// <summary>
    /// Each descriptor's help link (the IDE's link, SARIF's <c>helpUri</c>) is README.md#adgNNN; the anchor is an
    /// <c>&lt;a id&gt;</c> in the ID's row of the README's Diagnostics table, so the link lands on that row.
    /// </summary>
    [Fact]
    public void Every_diagnostic_help_link_has_its_anchor_in_the_readme_diagnostics_table()
    {
        const string HelpRoot = "https://github.com/authing/docsgen/blob/main/README.md#";
        var readme = File.ReadAllText(Path.Combine(Paths.Repository, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n## Diagnostics\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no '## Diagnostics' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var rows = readme[start..(end < 0 ? readme.Length : end)].Split('\n');

        Assert.All(DiagnosticDescriptors.All, d =>
        {
            Assert.Equal(HelpRoot + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            var anchor = $"<a id=\"{d.Id.ToLowerInvariant()}\"></a>";
            Assert.True(
                readme.Split(anchor).Length == 2,
                $"README.md must hold {anchor} exactly once (the target of {d.Id}'s help link)");
            Assert.Single(rows, r => r.StartsWith("| " + d.Id + " |", StringComparison.Ordinal) && r.Contains(anchor, StringComparison.Ordinal));
        });
    }
}
