using System.Text.Json;

namespace Authing.DocsGen.Cli.Tests;

/// <summary>
/// <c>docsgen lint</c> and the build's ADG031–ADG036 on tests/fixtures/lint, which has a finding of each kind (in the
/// response example and in a request row's JSON example):
/// located at the page line and cell, summarised per ID and folder, and as SARIF 2.1.0.
/// </summary>
public sealed class LintTests
{
    private static string Fixture => Path.Combine(Repo.Fixtures, "lint");

    public static TheoryData<string, string, string> Findings => new()
    {
        // ID, page(line,col), a part of the message
        { "ADG031", "management/widgets/get-widget.md(36,5)", "Field 'data.colour' of the response example is not in the 'WidgetDto' table" },
        { "ADG031", "management/widgets/get-widget.md(12,107)", "Field 'filter.sort' of the example of 'filter' is not in the 'WidgetFilterDto' table" },
        { "ADG032", "management/widgets/get-widget.md(32,13)", "'data.size' in the response example is a string where the 'WidgetDto' table says an integer (line 49)" },
        { "ADG032", "management/widgets/get-widget.md(34,13)", "'data.tags' in the response example is an object where the 'WidgetDto' table says an array of String" },
        { "ADG032", "management/widgets/get-widget.md(12,102)", "'filter.limit' in the example of 'filter' is a string where the 'WidgetFilterDto' table says an integer (line 59)" },
        { "ADG033", "management/widgets/get-widget.md(48,3)", "Field 'name' of 'WidgetDto' is not in the response example" },
        { "ADG034", "management/widgets/get-widget.md(35,15)", "'data.status' in the response example is 'DELETED', which is not a value of 'WidgetStatus' (known: ACTIVE, ARCHIVED)" },
        { "ADG035", "management/widgets/list-widgets.md(35,1)", "'WidgetDto' is defined differently at management/widgets/get-widget.md(43,1): only here: label; only there: enabled, tags, status; 'name' is optional here, required there; 'size' is a string here, an integer there" },
        { "ADG036", "management/widgets/list-widgets.md(42,11)", "'WidgetLabelDot' is not defined on any page; did you mean 'WidgetLabelDto' (defined at management/tags/get-widget-label.md(35,1))?" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void Each_kind_of_finding_is_reported_at_its_page_line_and_cell(string id, string place, string message)
    {
        var result = Docsgen.Run("lint", Fixture);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Output.Split('\n'), l => l.StartsWith(Fixture.Replace('\\', '/') + "/" + place + ": warning " + id + ": ", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_reports_the_same_findings_as_warnings()
    {
        var expected = Findings.Select(row => $"{row[1]}: {row[0]}").ToList();
        var build = IncrementalGenerator.Diagnostics(Fixture).Where(d => d.Contains(": ADG03", StringComparison.Ordinal) && !d.EndsWith("ADG030", StringComparison.Ordinal)).ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), build.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_prints_every_diagnostic_the_build_reports_lint_findings_included()
    {
        var check = Docsgen.Run("check", Fixture);
        var prefix = Fixture.Replace('\\', '/') + "/";
        var printed = check.Output.Split('\n')
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l[prefix.Length..])
            .Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)] + ": " + l.Split(' ')[2].TrimEnd(':'))
            .ToList();

        Assert.Contains(printed, l => l.EndsWith(": ADG036", StringComparison.Ordinal));
        // Diagnostics about the whole docs set (ADG041, ADG042) have no page; check prints them as "docsgen: …" lines.
        var located = IncrementalGenerator.Diagnostics(Fixture).Where(d => !d.StartsWith('(')).Order(StringComparer.Ordinal);
        Assert.Equal(located, printed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_without_contradictions_have_no_findings()
    {
        var result = Docsgen.Run("lint", Repo.DocsInput);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("docsgen: 1 page, 0 findings\n", result.Output);
    }

    [Fact]
    public void The_text_report_ends_with_a_summary_per_id_and_per_folder()
    {
        var output = Docsgen.Run("lint", Fixture).Output;

        Assert.Contains("docsgen: 3 pages, 9 findings\n", output, StringComparison.Ordinal);
        Assert.Contains("| ADG032 | 3 | Example value contradicts the table |\n", output, StringComparison.Ordinal);
        Assert.Contains("| ADG036 | 1 | Type name one edit from a defined one |\n", output, StringComparison.Ordinal);
        Assert.Contains($"| {Fixture.Replace('\\', '/')}/management/widgets | 9 |\n", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The SARIF 2.1.0 schema's requirements for what docsgen writes (the schema cannot be downloaded here): required
    /// properties (sarifLog: version, runs; run: tool; tool: driver; toolComponent: name; result: message with text;
    /// reportingDescriptor: id), no property the schema does not define on those objects (they are closed), the level
    /// enumeration, 1-based regions, URI references, and ruleIndex pointing at the rule with the result's ruleId.
    /// </summary>
    [Fact]
    public void Sarif_output_has_the_shape_sarif_2_1_0_requires()
    {
        var result = Docsgen.Run("lint", Fixture, "--format", "sarif");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var log = document.RootElement;

        OnlyKnown(log, "$schema", "version", "runs", "inlineExternalProperties", "properties");
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var run = Assert.Single(log.GetProperty("runs").EnumerateArray());
        OnlyKnown(run, "tool", "results", "columnKind", "artifacts", "invocations", "originalUriBaseIds", "properties");
        var driver = run.GetProperty("tool").GetProperty("driver");
        OnlyKnown(driver, "name", "semanticVersion", "version", "informationUri", "rules", "properties");
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
        Assert.True(Uri.IsWellFormedUriString(driver.GetProperty("informationUri").GetString(), UriKind.Absolute));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["ADG031", "ADG032", "ADG033", "ADG034", "ADG035", "ADG036"], rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            OnlyKnown(rule, "id", "name", "shortDescription", "fullDescription", "helpUri", "defaultConfiguration", "properties");
            OnlyKnown(rule.GetProperty("shortDescription"), "text", "markdown");
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(9, results.Count);
        foreach (var finding in results)
        {
            OnlyKnown(finding, "ruleId", "ruleIndex", "level", "message", "locations", "relatedLocations", "properties");
            Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetProperty("text").GetString()));
            Assert.Contains(finding.GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
            Assert.Equal(finding.GetProperty("ruleId").GetString(), rules[finding.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            var locations = finding.GetProperty("locations").EnumerateArray().ToList();
            Assert.Single(locations);
            PhysicalLocation(locations[0]);
            if (finding.TryGetProperty("relatedLocations", out var related))
            {
                foreach (var other in related.EnumerateArray())
                {
                    Assert.True(other.GetProperty("id").GetInt32() >= 0);
                    PhysicalLocation(other);
                }
            }
        }

        // The two cross-page findings point at the other page too.
        Assert.Equal(2, results.Count(r => r.TryGetProperty("relatedLocations", out _)));
        var first = results.First(r => r.GetProperty("ruleId").GetString() == "ADG032").GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(Fixture.Replace('\\', '/') + "/management/widgets/get-widget.md", Uri.UnescapeDataString(first.GetProperty("artifactLocation").GetProperty("uri").GetString()!));
        Assert.Equal(12, first.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(102, first.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void Sarif_uris_escape_file_names()
    {
        using var docs = new TempFolder();
        docs.Write("management/my widgets#1/get-widget.md", File.ReadAllText(Path.Combine(Fixture, "management", "widgets", "get-widget.md")));

        using var document = JsonDocument.Parse(Docsgen.Run("lint", docs.Path, "--format", "sarif").Output);
        var uri = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;

        Assert.EndsWith("/management/my%20widgets%231/get-widget.md", uri, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(uri, UriKind.RelativeOrAbsolute), uri);
    }

    [Fact]
    public void A_bad_format_exits_2()
    {
        var result = Docsgen.Run("lint", Fixture, "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("docsgen: --format must be text or sarif, not 'xml'\n", result.Error);
    }

    private static void PhysicalLocation(JsonElement location)
    {
        var physical = location.GetProperty("physicalLocation");
        OnlyKnown(physical, "artifactLocation", "region", "contextRegion", "address", "properties");
        var artifact = physical.GetProperty("artifactLocation");
        OnlyKnown(artifact, "uri", "uriBaseId", "index", "description", "properties");
        Assert.True(Uri.IsWellFormedUriString(artifact.GetProperty("uri").GetString(), UriKind.RelativeOrAbsolute));
        var region = physical.GetProperty("region");
        OnlyKnown(region, "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "snippet", "message", "properties");
        var startLine = region.GetProperty("startLine").GetInt32();
        var startColumn = region.GetProperty("startColumn").GetInt32();
        Assert.True(startLine >= 1 && startColumn >= 1);
        Assert.True(region.GetProperty("endLine").GetInt32() >= startLine);
        Assert.True(region.GetProperty("endLine").GetInt32() > startLine || region.GetProperty("endColumn").GetInt32() >= startColumn);
    }

    private static void OnlyKnown(JsonElement element, params string[] known)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        foreach (var property in element.EnumerateObject())
        {
            Assert.True(known.Contains(property.Name), $"'{property.Name}' is not a SARIF 2.1.0 property here");
        }
    }
}
