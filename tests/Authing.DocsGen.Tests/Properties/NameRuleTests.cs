using Authing.DocsGen.Model;
using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>Names that cannot become C# names are reported where they stand (ADG024), and something sensible is generated instead.</summary>
public sealed class NameRuleTests
{
    private const string Tables =
        "## 请求参数\n\n| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |\n| ---- | ---- | ---- | ---- | ---- | ---- |\n| widgetId | string | 是 | - | 部件 ID | `w` |\n\n"
        + "## 请求响应\n\n类型： `{0}`\n\n| 名称 | 类型 | 描述 |\n| ---- | ---- | ---- |\n| statusCode | number | 状态码 |\n| data | <a href=\"#{1}\">{1}</a> | 数据 |\n\n"
        + "## 数据结构\n\n### <a id=\"{1}\"></a> {1}\n\n| 名称 | 类型 | 是否必填 | 描述 | 示例值 |\n| ---- | ---- | ---- | ---- | ---- |\n| id | string | 是 | ID | `x` |\n";

    [Fact]
    public void A_type_line_without_letters_falls_back_to_the_default_name_with_ADG024()
    {
        var page = new TestPage("management/widgets/get-widget.md", "# 获取部件\n\n## 方法名称\n\n`ManagementClient.getWidget`\n\n" + string.Format(Tables, "部件响应", "WidgetDto"));

        var result = OutputChecks.Compile(new[] { page });

        Assert.Equal("GetWidgetRespDto", Assert.Single(result.Api.Methods).Method.ResponseDtoName);
        var unusable = Assert.Single(result.Diagnostics, d => d.Id == "ADG024");
        Assert.Equal(OutputChecks.Position(page.Text, page.Text.IndexOf("`部件响应`", StringComparison.Ordinal)).Line, unusable.Location!.StartLine);
        OutputChecks.AssertSafe(new[] { page }, result);
    }

    [Fact]
    public void A_data_structure_heading_without_a_name_is_reported_and_links_to_it_become_free_form_json()
    {
        var text = "# 获取部件\n\n## 方法名称\n\n`ManagementClient.getWidget`\n\n" + string.Format(Tables, "GetWidgetRespDto", string.Empty);

        var result = OutputChecks.Compile(new[] { new TestPage("management/widgets/get-widget.md", text) });

        Assert.Contains(result.Diagnostics, d => d.Id == "ADG024");
        var response = Assert.Single(result.Api.Dtos, d => d.Role == DtoRole.Response);
        Assert.Equal(Model.TypeKind.Json, Assert.Single(response.Fields, f => f.WireName == "data").Type.Kind);
        Assert.DoesNotContain(result.Api.Dtos, d => d.Name.Length == 0);
    }

    [Fact]
    public void A_page_whose_method_name_has_no_letters_anywhere_is_skipped_with_ADG024()
    {
        var page = new TestPage("management/widgets/部件.md", "# 获取部件\n\n" + string.Format(Tables, "GetWidgetRespDto", "WidgetDto"));

        var result = OutputChecks.Compile(new[] { page });

        Assert.Null(Assert.Single(result.Pages).Method);
        Assert.Contains(result.Diagnostics, d => d.Id == "ADG024" && d.MessageArgs[1] == "部件.md");
        Assert.Empty(result.Api.Methods);
    }

    [Fact]
    public void An_invisible_character_in_the_method_name_section_falls_back_to_the_next_source()
    {
        var page = new TestPage("management/widgets/get-widget.md", "# 获取部件\n\n## 方法名称\n\n`ManagementClient.get\u202EWidget`\n\n" + string.Format(Tables, "GetWidgetRespDto", "WidgetDto"));

        var result = OutputChecks.Compile(new[] { page });

        var method = Assert.Single(result.Api.Methods).Method;
        Assert.Equal("GetWidget", method.Name);
        Assert.Equal(FactSource.FileName, method.NameSource);
        Assert.Contains(result.Diagnostics, d => d.Id == "ADG020" && d.MessageArgs[1] == "get\\u202EWidget");
    }
}
