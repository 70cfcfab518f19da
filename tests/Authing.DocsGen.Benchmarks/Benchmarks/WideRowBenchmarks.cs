using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using BenchmarkDotNet.Attributes;

namespace Authing.DocsGen.Benchmarks.Benchmarks;

/// <summary>
/// Issue 15, item 2: a request-table row whose first cell starts with a delimiter-like character, followed by
/// <see cref="Cells"/> cells. Markdig nested the rest of the table inside an open <c>_</c>, <c>*</c> or <c>[</c> and
/// split it at every pipe (quadratic: 30,000 cells took 49 s). <see cref="PlainRow"/>, the same row starting with
/// <c>a</c>, is the baseline measured in the same run; the ratio column must stay near 1 at every width, and the time
/// per cell must not grow with the width.
/// </summary>
[MemoryDiagnoser]
public class WideRowBenchmarks
{
    private string _marked = string.Empty;
    private string _plain = string.Empty;

    /// <summary>What the first cell starts with.</summary>
    [Params("_", "*", "`", "[", "<", "~")]
    public string First { get; set; } = "_";

    /// <summary>Cells after the first; 30,000 is about the page-size limit.</summary>
    [Params(2_500, 10_000, 30_000)]
    public int Cells { get; set; } = 2_500;

    [GlobalSetup]
    public void Setup()
    {
        _marked = Page(First + "a");
        _plain = Page("a");
    }

    [Benchmark(Baseline = true)]
    public PageModel PlainRow() => PageParser.Parse("management/widgets/set-widget-marks.md", _plain, PageOverrides.None);

    [Benchmark]
    public PageModel MarkedRow() => PageParser.Parse("management/widgets/set-widget-marks.md", _marked, PageOverrides.None);

    private string Page(string firstCell) =>
        "# 设置部件标记\n\n## 方法名称\n\n`ManagementClient.setWidgetMarks`\n\n## 请求参数\n\n"
        + "| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |\n| ---- | ---- | ---- | ---- | ---- | ---- |\n"
        + "| widgetId | string | 是 | - | 部件 ID | `w` |\n"
        + "| " + firstCell + " |" + string.Concat(Enumerable.Repeat(" x |", Cells)) + "\n"
        + "\n## 请求响应\n\n| 名称 | 类型 | 描述 |\n| ---- | ---- | ---- |\n| statusCode | number | 状态码 |\n";
}
