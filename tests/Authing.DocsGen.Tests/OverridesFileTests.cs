using System.Globalization;
using Authing.DocsGen.Model;
using Authing.DocsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Tests;

/// <summary><c>docsgen.json</c>: overrides for the whole docs tree, keyed by docs path or method name.</summary>
public sealed class OverridesFileTests
{
    private const string PagePath = "docs/management/widgets/get-widget.md";
    private const string OverridesPath = "docs/docsgen.json";

    [Fact]
    public void An_entry_keyed_by_docs_path_sets_verb_and_route()
    {
        var result = Run("""{ "methods": { "management/widgets/get-widget.md": { "verb": "POST", "route": "/api/v3/widgets/get" } } }""");

        var method = Method(result);
        Assert.Contains("HttpMethod.Post, \"/api/v3/widgets/get\"", method, StringComparison.Ordinal);
        Assert.Contains("verb from the docsgen.json, route from the docsgen.json", method, StringComparison.Ordinal);
        Assert.True(!result.Diagnostics.Any(d => d.Id is "ADG005" or "ADG006" or "ADG027"), string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void An_entry_keyed_by_method_name_sets_client_and_field_types()
    {
        var result = Run("""
            // comments and trailing commas are fine
            { "methods": { "ManagementClient.getWidget": { "client": "authentication", "fields": { "widgetId": "int64", "withParts": "string" } }, } }
            """);

        var method = result.GeneratedSources.Single(s => s.HintName.EndsWith("get-widget.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("partial class AuthenticationClient", method, StringComparison.Ordinal);
        Assert.Contains("long WidgetId", method, StringComparison.Ordinal);
        Assert.Contains("string? WithParts", method, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_directive_and_item_metadata_beat_the_file()
    {
        const string Json = """{ "methods": { "getWidget": { "verb": "DELETE", "route": "/api/v3/from-file" } } }""";
        var page = Fixture.WidgetPage.Replace("# 获取部件", "# 获取部件\n\n<!-- authing-docsgen: route=/api/v3/from-directive -->", StringComparison.Ordinal);
        var result = GeneratorHarness.Run(new[]
        {
            new TestPage(PagePath, page, new Dictionary<string, string> { ["AuthingVerb"] = "PUT" }),
            new TestPage(OverridesPath, Json),
        });

        Assert.Contains("HttpMethod.Put, \"/api/v3/from-directive\"", Method(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_in_the_file_skips_the_page()
    {
        var result = Run("""{ "methods": { "getWidget": { "skip": true } } }""");

        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("get-widget", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "ADG001" && d.GetMessage(CultureInfo.InvariantCulture).Contains("docsgen.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_values_and_entries_no_page_uses_are_reported_where_they_stand_in_the_file()
    {
        const string Json = "{\n  \"methods\": {\n    \"getWidget\": { \"verb\": \"FETCH\", \"colour\": \"red\" },\n    \"noSuchMethod\": { \"verb\": \"GET\" },\n    \"management/none.md\": { \"route\": \"no-slash\" }\n  }\n}\n";
        var result = Run(Json);

        var problems = result.Diagnostics.Where(d => d.Id == "ADG027").ToList();
        Assert.All(problems, d => Assert.Equal(OverridesPath, d.Location.GetLineSpan().Path));
        Assert.All(problems, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        string[] Messages(int line) => problems.Where(d => d.Location.GetLineSpan().StartLinePosition.Line == line).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToArray();

        Assert.Contains(Messages(2), m => m.Contains("verb 'FETCH' is not valid", StringComparison.Ordinal));
        Assert.Contains(Messages(2), m => m.Contains("unknown setting 'colour'", StringComparison.Ordinal));
        Assert.Contains(Messages(3), m => m.Contains("'noSuchMethod' is not applied", StringComparison.Ordinal));
        Assert.Contains(Messages(4), m => m.Contains("route 'no-slash' is not valid", StringComparison.Ordinal));
        Assert.Contains(Messages(4), m => m.Contains("'management/none.md' is not applied", StringComparison.Ordinal));

        // The bad verb is ignored: the page's own rule decides.
        Assert.Contains("HttpMethod.Get, \"/api/v3/get-widget\"", Method(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_reported_at_the_error_and_ignored()
    {
        var result = Run("{ \"methods\": { \"getWidget\": { \"verb\": POST } }");

        var problem = Assert.Single(result.Diagnostics, d => d.Id == "ADG027");
        Assert.Contains("not valid JSON", problem.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(OverridesPath, problem.Location.GetLineSpan().Path);
        Assert.Contains("HttpMethod.Get, \"/api/v3/get-widget\"", Method(result), StringComparison.Ordinal);
    }

    [Fact]
    public void The_one_shot_compiler_reads_the_file_like_the_generator()
    {
        const string Json = """{ "methods": { "management/widgets/get-widget.md": { "verb": "POST" } } }""";
        var file = DocsCompiler.ReadOverridesFile(new[] { ("docsgen.json", Json) }, rootFromPath: false);
        var compilation = DocsCompiler.Compile(new[] { new DocsPage("management/widgets/get-widget.md", Fixture.WidgetPage, PageOverrides.None) }, GeneratorOptions.Default, file);

        var page = Assert.Single(compilation.Pages);
        Assert.Equal("management/widgets/get-widget.md", page.OverrideKey);
        Assert.Equal(HttpVerb.Post, page.Method!.Verb);
        Assert.Equal(FactSource.OverridesFile, page.Method.VerbSource);
    }

    private static GeneratorRunResult Run(string json) =>
        GeneratorHarness.Run(new[] { new TestPage(PagePath, Fixture.WidgetPage), new TestPage(OverridesPath, json) });

    private static string Method(GeneratorRunResult result) =>
        result.GeneratedSources.Single(s => s.HintName == "management/widgets/get-widget.g.cs").SourceText.ToString();
}
