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
}
