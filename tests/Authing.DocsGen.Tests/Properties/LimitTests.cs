using System.Text;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Tests.Infrastructure;
using TypeKind = Authing.DocsGen.Model.TypeKind;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// The parser's limits (<see cref="ParserLimits"/>): past each one the page still parses, the rest is left out, and
/// ADG022 says where the limit was crossed; inputs that used to crash a thread now end in a located diagnostic.
/// </summary>
public sealed class LimitTests
{
    private const string Header = "| 名称 | 类型 | <div style=\"width:80px\">是否必填</div> | <div style=\"width:300px\">描述</div> | <div style=\"width:200px\">示例值</div> |\n| ---- |  ---- | ---- | ---- | ---- |\n";

    [Fact]
    public void A_page_over_the_size_limit_is_skipped_with_ADG022_where_the_limit_is_crossed()
    {
        var text = Page(Rows(10)) + "\n```\n" + new string('x', ParserLimits.MaxPageChars) + "\n```\n";
        var page = new TestPage("management/widgets/get-widget.md", text);

        var result = OutputChecks.Compile(new[] { page });

        Assert.Null(Assert.Single(result.Pages).Method);
        var limit = Assert.Single(result.Diagnostics, d => d.Location is not null);
        Assert.Equal("ADG022", limit.Id);
        Assert.Equal(ParserLimits.MaxPageChars, limit.Location!.Start);
        OutputChecks.AssertSafe(new[] { page }, result);
    }

    [Fact]
    public void Rows_past_the_limit_are_ignored_with_ADG022_on_the_first_ignored_row()
    {
        var page = new TestPage("management/widgets/get-widget.md", Page(Rows(ParserLimits.MaxRowsPerTable + 200)));

        var result = OutputChecks.Compile(new[] { page });

        var request = Assert.Single(result.Api.Dtos, d => d.Role == DtoRole.Request);
        Assert.Equal(ParserLimits.MaxRowsPerTable, request.Fields.Count);
        var limit = Assert.Single(result.Diagnostics, d => d.Id == "ADG022");
        Assert.Equal(LineOf(page.Text, $"| field{ParserLimits.MaxRowsPerTable} |"), limit.Location!.StartLine);
        OutputChecks.AssertSafe(new[] { page }, result);
    }

    [Fact]
    public void Cells_past_the_limit_are_ignored_with_ADG022()
    {
        var wide = string.Concat(Enumerable.Repeat(" x |", ParserLimits.MaxCellsPerRow * 2));
        var rows = $"| widgetId | string | 是 | - | 部件 ID |{wide}\n| name | string | 否 | - | 名称 | `n` |\n";
        var page = new TestPage("management/widgets/get-widget.md", Page(rows));

        var result = OutputChecks.Compile(new[] { page });

        var request = Assert.Single(result.Api.Dtos, d => d.Role == DtoRole.Request);
        Assert.Equal(new[] { "widgetId", "name" }, request.Fields.Select(f => f.WireName));
        var limit = Assert.Single(result.Diagnostics, d => d.Id == "ADG022");
        Assert.Equal(LineOf(page.Text, "| widgetId |"), limit.Location!.StartLine);
        OutputChecks.AssertSafe(new[] { page }, result);
    }

    [Fact]
    public void Data_structures_nested_past_the_limit_are_cut_into_free_form_json_with_ADG022()
    {
        const int levels = ParserLimits.MaxDtoNestingDepth + 8;
        var page = new TestPage("management/widgets/get-widget.md", ChainPage(levels, cycle: false));

        var result = OutputChecks.Compile(new[] { page });

        var cut = Assert.Single(result.Diagnostics, d => d.Id == "ADG022");
        Assert.Contains("levels", string.Join(" ", cut.MessageArgs), StringComparison.Ordinal);
        Assert.True(Height(result.Api, "Level0Dto") <= ParserLimits.MaxDtoNestingDepth);
        Assert.Contains(result.Api.Dtos.SelectMany(d => d.Fields), f => f.WireName == "next" && f.Type.Kind == TypeKind.Json);
        var generated = GeneratedAssembly.Build(new[] { page });
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
    }

    [Fact]
    public void A_long_cycle_of_data_structures_is_cut_but_a_short_one_is_kept_whole()
    {
        var longCycle = new TestPage("management/widgets/get-widget.md", ChainPage(ParserLimits.MaxDtoNestingDepth + 8, cycle: true));
        var shortCycle = new TestPage("management/widgets/list-widgets.md", ChainPage(6, cycle: true));

        var cutLong = OutputChecks.Compile(new[] { longCycle });
        var keptShort = OutputChecks.Compile(new[] { shortCycle });

        Assert.Single(cutLong.Diagnostics, d => d.Id == "ADG022");
        Assert.DoesNotContain(keptShort.Diagnostics, d => d.Id == "ADG022");
        Assert.All(keptShort.Api.Dtos.SelectMany(d => d.Fields).Where(f => f.WireName == "next"), f => Assert.Equal(TypeKind.Dto, f.Type.Kind));
        var generated = GeneratedAssembly.Build(new[] { shortCycle });
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
    }

    [Fact]
    public void Names_over_the_length_limit_are_rejected_with_ADG022()
    {
        var longName = "field" + new string('x', ParserLimits.MaxNameLength);
        var page = new TestPage("management/widgets/get-widget.md", Page($"| widgetId | string | 是 | - | 部件 ID | `w` |\n| {longName} | string | 否 | - | 太长 | `x` |\n"));

        var result = OutputChecks.Compile(new[] { page });

        Assert.Equal(new[] { "widgetId" }, Assert.Single(result.Api.Dtos, d => d.Role == DtoRole.Request).Fields.Select(f => f.WireName));
        Assert.Equal(LineOf(page.Text, "| fieldxxx"), Assert.Single(result.Diagnostics, d => d.Id == "ADG022").Location!.StartLine);
    }

    [Theory]
    [InlineData("blockquotes", ">")]
    [InlineData("brackets", "[")]
    [InlineData("emphasis", "*")]
    [InlineData("lists", "- ")]
    public void Markdown_nested_beyond_reason_ends_in_a_located_diagnostic_and_other_pages_still_generate(string name, string unit)
    {
        var nested = new StringBuilder("# 部件\n\n");
        for (var i = 0; i < 20_000 && nested.Length < ParserLimits.MaxPageChars - 100; i++)
        {
            nested.Append(unit);
        }

        var pages = new[]
        {
            new TestPage($"management/widgets/{name}.md", nested.Append(" x\n").ToString()),
            new TestPage("management/widgets/get-widget.md", Page(Rows(2))),
        };

        DocsCompilation? result = null;
        var thread = new Thread(() => result = OutputChecks.Compile(pages), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        OutputChecks.AssertSafe(pages, result!);
        Assert.Contains(result!.Api.Methods, m => m.Method.Name == "GetWidget");
    }

    private static string Page(string requestRows) =>
        "# 获取部件\n\n## 方法名称\n\n`ManagementClient.getWidget`\n\n## 请求参数\n\n"
        + "| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |\n| ---- | ---- | ---- | ---- | ---- | ---- |\n"
        + requestRows
        + "\n## 请求响应\n\n类型： `IsSuccessRespDto`\n\n| 名称 | 类型 | 描述 |\n| ---- | ---- | ---- |\n| statusCode | number | 状态码 |\n| message | string | 描述 |\n";

    private static string Rows(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"| field{i} | string | 否 | - | 字段 {i} | `v{i}` |\n"));

    /// <summary>Level0Dto → Level1Dto → … (→ Level0Dto again when <paramref name="cycle"/>).</summary>
    private static string ChainPage(int levels, bool cycle)
    {
        var text = new StringBuilder(Page("| widgetId | string | 是 | - | 部件 ID | `w` |\n").Replace("`IsSuccessRespDto`", "`GetWidgetRespDto`", StringComparison.Ordinal));
        text.Append("| data | <a href=\"#Level0Dto\">Level0Dto</a> | 数据 |\n\n## 数据结构\n\n");
        for (var i = 0; i < levels; i++)
        {
            var next = i + 1 < levels ? $"Level{i + 1}Dto" : cycle ? "Level0Dto" : null;
            text.Append($"### <a id=\"Level{i}Dto\"></a> Level{i}Dto\n\n").Append(Header).Append($"| id{i} | string | 是 | 第 {i} 层 | `l{i}` |\n");
            if (next is not null)
            {
                text.Append($"| next |  | 否 | 下一层。嵌套类型：<a href=\"#{next}\">{next}</a>。 |  |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The longest chain of data-structure references from <paramref name="root"/>, not following cycles.</summary>
    private static int Height(Model.ApiModel api, string root)
    {
        var byName = api.Dtos.ToDictionary(d => d.Name, StringComparer.Ordinal);
        int Walk(string name, HashSet<string> path)
        {
            if (!byName.TryGetValue(name, out var dto) || !path.Add(name))
            {
                return 0;
            }

            var below = dto.Fields.Where(f => f.Type.Kind == TypeKind.Dto).Select(f => Walk(f.Type.Name!, path)).DefaultIfEmpty(0).Max();
            path.Remove(name);
            return 1 + below;
        }

        return Walk(root, new HashSet<string>(StringComparer.Ordinal));
    }

    private static int LineOf(string text, string marker) => OutputChecks.Position(text, text.IndexOf(marker, StringComparison.Ordinal)).Line;
}
