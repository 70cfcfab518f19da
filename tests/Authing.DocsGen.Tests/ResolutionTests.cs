using Authing.DocsGen.Model;
using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests;

/// <summary>Names and placements are decided once, in resolution; the emitter and the CLI only read them.</summary>
public sealed class ResolutionTests
{
    private const string PagePath = "management/widgets/get-widget.md";

    [Fact]
    public void Enum_member_names_are_unique_and_a_collision_is_reported_at_the_enum()
    {
        var page = Fixture.WidgetPage.Replace(
            "- `Activated`: 已启用<br>- `Suspended`: 已停用<br>",
            "- `in-use`: 使用中<br>- `in_use`: 使用中<br>- `Value`: 值<br>- `--`: 无<br>",
            StringComparison.Ordinal);
        var compiled = Compile(page);

        var members = compiled.Api.Enums.Single().Members;
        Assert.Equal(new[] { "InUse", "InUse2", "Value2", "Value3" }, members.Select(m => m.MemberName));
        var adjusted = compiled.Diagnostics.Where(d => d.Id == "ADG017").Select(d => d.MessageArgs[0]).ToList();
        Assert.Equal(new[] { "in_use", "Value", "--" }, adjusted);
        Assert.All(compiled.Diagnostics.Where(d => d.Id == "ADG017"), d => Assert.Equal(PagePath, d.Location!.FilePath));

        var source = compiled.Sources.Single(s => s.HintName.StartsWith("management/", StringComparison.Ordinal)).Text;
        Assert.Contains("InUse2", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Query", "Query", "Query")]
    [InlineData("<!-- authing-docsgen: verb=POST -->", "Body", "Body", "Body")]
    [InlineData("<!-- authing-docsgen: verb=GET route=/api/v3/widgets/{widgetId} -->", "Path", "Query", "Query")]
    [InlineData("<!-- authing-docsgen: verb=DELETE route=/api/v3/widgets/{widgetId}/{tags} -->", "Path", "Body", "Path")]
    public void Each_request_field_travels_where_resolution_says(string? directive, string widgetId, string withParts, string tags)
    {
        var compiled = Compile(directive is null ? Fixture.WidgetPage : directive + "\n" + Fixture.WidgetPage);

        var parameters = compiled.Api.Methods.Single().Parameters;
        Assert.Equal(new[] { "widgetId", "withParts", "tags" }, parameters.Select(p => p.Field.WireName));
        Assert.Equal(new[] { widgetId, withParts, tags }, parameters.Select(p => p.In.ToString()));
    }

    private static DocsCompilation Compile(string page) =>
        DocsCompiler.Compile(new[] { new DocsPage(PagePath, page, PageOverrides.None) }, GeneratorOptions.Default);
}
