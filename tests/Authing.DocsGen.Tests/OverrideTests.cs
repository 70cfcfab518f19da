using Authing.DocsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Tests;

/// <summary>Per-page overrides through MSBuild item metadata and page directives, and their precedence.</summary>
public sealed class OverrideTests
{
    private const string PagePath = "docs/management/widgets/get-widget.md";

    [Fact]
    public void Item_metadata_sets_verb_route_and_client_and_silences_the_inference_diagnostics()
    {
        var metadata = new Dictionary<string, string>
        {
            ["AuthingVerb"] = "delete",
            ["AuthingRoute"] = "/api/v3/widgets/{widgetId}",
            ["AuthingClient"] = "authentication",
        };
        var result = GeneratorHarness.Run(new[] { new TestPage(PagePath, Fixture.WidgetPage, metadata) });

        var method = result.GeneratedSources.Single(s => s.HintName.StartsWith("authentication/", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("partial class AuthenticationClient", method, StringComparison.Ordinal);
        Assert.Contains("HttpMethod.Delete, \"/api/v3/widgets/{widgetId}\"", method, StringComparison.Ordinal);
        Assert.Contains("call.SetPathParameter(\"widgetId\", global::Authing.Sdk.Runtime.AuthingJson.ToPathValue(request.WidgetId, \"widgetId\"));", method, StringComparison.Ordinal);
        Assert.Contains("client from the MSBuild item metadata, verb from the MSBuild item metadata, route from the MSBuild item metadata", method, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "ADG005" or "ADG006" or "ADG021");
    }

    [Fact]
    public void Item_metadata_beats_a_page_directive()
    {
        var page = Fixture.WidgetPage.Replace("# 获取部件", "# 获取部件\n\n<!-- authing-docsgen: verb=PUT route=/api/v3/from-directive -->", StringComparison.Ordinal);
        var result = GeneratorHarness.Run(new[] { new TestPage(PagePath, page, new Dictionary<string, string> { ["AuthingVerb"] = "GET" }) });

        var method = result.GeneratedSources.Single(s => s.HintName == "management/widgets/get-widget.g.cs").SourceText.ToString();
        Assert.Contains("HttpMethod.Get, \"/api/v3/from-directive\"", method, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_metadata_skips_the_page_with_an_informational_diagnostic()
    {
        var result = GeneratorHarness.Run(new[] { new TestPage(PagePath, Fixture.WidgetPage, new Dictionary<string, string> { ["AuthingSkip"] = "true" }) });

        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("get-widget", StringComparison.Ordinal));
        var skipped = Assert.Single(result.Diagnostics, d => d.Id == "ADG001");
        Assert.Equal(DiagnosticSeverity.Info, skipped.DefaultSeverity);
        Assert.Equal(PagePath, skipped.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Invalid_override_is_reported_and_ignored()
    {
        var result = GeneratorHarness.Run(new[] { new TestPage(PagePath, Fixture.WidgetPage, new Dictionary<string, string> { ["AuthingVerb"] = "FETCH" }) });

        Assert.Contains(result.Diagnostics, d => d.Id == "ADG019" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("FETCH", StringComparison.Ordinal));
        var method = result.GeneratedSources.Single(s => s.HintName == "management/widgets/get-widget.g.cs").SourceText.ToString();
        Assert.Contains("HttpMethod.Get, \"/api/v3/get-widget\"", method, StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_option_that_is_not_a_namespace_is_reported_and_falls_back_to_the_default()
    {
        var result = GeneratorHarness.Run(new[] { new TestPage(PagePath, Fixture.WidgetPage) }, new Dictionary<string, string> { ["AuthingDocsGenNamespace"] = "Not A;Namespace" });
        Assert.Contains(result.Diagnostics, d => d.Id == "ADG019" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("AuthingDocsGenNamespace", StringComparison.Ordinal));
        Assert.All(result.GeneratedSources, s => Assert.Contains("namespace Authing.Sdk", s.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Clients_option_generates_only_the_named_client_and_the_types_it_uses()
    {
        var pages = new[]
        {
            TestPage.FromFile(Paths.Repository, Paths.SeedPage),
            new TestPage(PagePath, Fixture.WidgetPage),
        };
        var result = GeneratorHarness.Run(pages, new Dictionary<string, string> { ["AuthingDocsGenClients"] = "Management" });
        var hints = result.GeneratedSources.Select(s => s.HintName).ToList();

        Assert.Contains("ManagementClient.g.cs", hints);
        Assert.Contains("management/widgets/get-widget.g.cs", hints);
        Assert.Contains("sealed partial class WidgetDto", result.GeneratedSources.Single(s => s.HintName == "management/widgets/get-widget.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AuthenticationClient.g.cs", hints);
        Assert.DoesNotContain(hints, h => h.StartsWith("authentication/", StringComparison.Ordinal));
        Assert.DoesNotContain(hints, h => h.Contains("EnrollFactor", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_clients_option_is_reported_and_both_clients_are_generated()
    {
        var result = GeneratorHarness.Run(new[] { new TestPage(PagePath, Fixture.WidgetPage) }, new Dictionary<string, string> { ["AuthingDocsGenClients"] = "Mgmt" });
        Assert.Contains(result.Diagnostics, d => d.Id == "ADG019");
        Assert.Contains(result.GeneratedSources, s => s.HintName == "AuthenticationClient.g.cs");
    }

    [Fact]
    public void When_pages_are_marked_other_markdown_additional_files_are_not_parsed()
    {
        var marked = new Dictionary<string, string> { ["AuthingDocsGenPage"] = "true" };
        var releaseNotes = "# Release notes\n\n## 请求参数\n\n| 名称 | 类型 |\n| -- | -- |\n| a | string |\n";
        var result = GeneratorHarness.Run(new[]
        {
            new TestPage(PagePath, Fixture.WidgetPage, marked),
            new TestPage("src/AnalyzerReleases.md", releaseNotes),
        });

        Assert.Contains(result.GeneratedSources, s => s.HintName == "management/widgets/get-widget.g.cs");
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.GetLineSpan().Path == "src/AnalyzerReleases.md");
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("analyzer", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Number_width_directive_overrides_the_example_rule_per_field()
    {
        var page = Fixture.WidgetPage.Replace("# 获取部件", "# 获取部件\n\n<!-- authing-docsgen: number.createdAt=double number.count=huge -->", StringComparison.Ordinal);
        var parsed = Authing.DocsGen.Parsing.PageParser.Parse(PagePath, page, Authing.DocsGen.Model.PageOverrides.None);

        var widget = parsed.Dtos.Single(d => d.Name == "WidgetDto");
        Assert.Equal(Authing.DocsGen.Model.TypeRef.Double, widget.Fields.Single(f => f.WireName == "createdAt").Type);
        var invalid = Assert.Single(parsed.Diagnostics, d => d.Id == "ADG019");
        Assert.Equal("number.count", invalid.MessageArgs[0]);
        Assert.Equal(2, invalid.Location!.StartLine);
    }

    [Fact]
    public void A_field_named_field_is_a_normal_identifier_without_an_adjustment_diagnostic()
    {
        var page = Fixture.WidgetPage.Replace("| id | string | 是 | 部件 ID", "| field | string | 是 | 部件 ID", StringComparison.Ordinal);
        var compiled = DocsCompiler.Compile(new[] { new DocsPage(PagePath, page, Authing.DocsGen.Model.PageOverrides.None) }, Authing.DocsGen.Model.GeneratorOptions.Default);

        Assert.Equal("Field", compiled.Api.Dtos.Single(d => d.Name == "WidgetDto").Fields[0].PropertyName);
        Assert.DoesNotContain(compiled.Diagnostics, d => d.Id == "ADG017");
    }
}
