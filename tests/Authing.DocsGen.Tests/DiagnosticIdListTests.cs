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
}
