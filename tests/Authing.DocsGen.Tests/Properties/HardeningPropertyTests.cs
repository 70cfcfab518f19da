using System.Text;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// Properties for the shapes of issue 15: wide rows after delimiter-like characters, long names in many rows, pages in
/// encodings other than UTF-8, and odd file names.
/// </summary>
public sealed class HardeningPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] s_delimiterLike = ["_", "*", "`", "[", "<", "~", "**", "![", "<a href=\"#", "_*[`"];

    static HardeningPropertyTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A request table with one row that starts with a delimiter-like character and runs to thousands of cells.</summary>
    public static Gen<TestPage> WideRow { get; } = new CodeGen<TestPage>(
        rnd =>
        {
            var first = rnd.Pick(s_delimiterLike) + rnd.Pick("a", "id", "x_y", " b", "");
            var cells = rnd.Int(1, rnd.Chance(0.2) ? 8_000 : 400);
            var filler = rnd.Pick(" x |", " _ |", " * |", " [x |", " `x` |", " a_b |", " **b** |", " |");
            var row = "| " + first + " |" + string.Concat(Enumerable.Repeat(filler, cells)) + "\n";
            return new TestPage("management/widgets/get-widget.md", WidgetPage(Rows(rnd, 3, 12) + row + Rows(rnd, 2, 12)));
        },
        page => (ulong)page.Text.Length);

    /// <summary>Up to the row limit of names up to the length limit, within the page-size limit.</summary>
    public static Gen<TestPage> LongNamesManyRows { get; } = new CodeGen<TestPage>(
        rnd =>
        {
            var length = rnd.Int(1, ParserLimits.MaxNameLength);
            var rows = rnd.Int(1, Math.Min(ParserLimits.MaxRowsPerTable, (ParserLimits.MaxPageChars - WidgetPage("").Length) / RowLength(length)));
            return new TestPage("management/widgets/get-widget.md", WidgetPage(Rows(rnd, rows, length)));
        },
        page => (ulong)page.Text.Length);

    /// <summary>A page's bytes in UTF-8 (with or without a mark), UTF-16 LE/BE, UTF-32 or Windows-1252, sometimes with invalid bytes spliced in.</summary>
    public static Gen<byte[]> EncodedPage { get; } = new CodeGen<byte[]>(
        rnd =>
        {
            var text = WidgetPage(Rows(rnd, rnd.Int(1, 5), 12)) + (rnd.Chance(0.3) ? string.Concat(Enumerable.Repeat("\nPadding – café “text”. ", rnd.Int(1, 3_000))) : string.Empty);
            var (encoding, mark) = rnd.Pick<(Encoding, bool)>(
                (new UTF8Encoding(false), false), (new UTF8Encoding(true), true), (Encoding.Unicode, true), (Encoding.BigEndianUnicode, true),
                (Encoding.Unicode, false), (Encoding.UTF32, true), (Encoding.GetEncoding(1252), false));
            var bytes = (mark ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(text)).ToList();
            for (var i = rnd.Chance(0.5) ? rnd.Int(1, 4) : 0; i > 0; i--)
            {
                bytes.Insert(rnd.Int(0, bytes.Count), (byte)rnd.Pick(0xFF, 0xC3, 0xE9, 0x80, 0x00, 0xFE));
            }

            return bytes.ToArray();
        },
        bytes => (ulong)bytes.Length);

    /// <summary>File names with characters MSBuild escapes or csc must quote, non-ASCII, quotes, and up to 200 characters.</summary>
    public static Gen<string> OddFileName { get; } = new CodeGen<string>(
        rnd =>
        {
            var name = new StringBuilder();
            for (var i = rnd.Int(1, rnd.Chance(0.2) ? 200 : 20); i > 0; i--)
            {
                name.Append(rnd.Pick("a", "b", "-", " ", "\"", ";", "%", "$", "@", "#", "'", "ü", "名", "😀", "%3B", "&", "(", ")", "[", "]", "{", "}", ",", "=", "!"));
            }

            return "management/widgets/" + name + ".md";
        },
        name => (ulong)name.Length);

    [Fact]
    public void Wide_rows_after_delimiter_like_characters_parse_quickly_and_generate_safe_code()
    {
        PropertyRun.Sample(
            WideRow,
            page =>
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var result = OutputChecks.Compile(new[] { page });
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{page.Text.Length:N0} characters took {watch.Elapsed.TotalSeconds:F1} s");
                OutputChecks.AssertSafe(new[] { page }, result);
                Assert.Contains(Assert.Single(result.Api.Dtos, d => d.Role == DtoRole.Request).Fields, f => f.WireName == "widgetId");
            },
            page => OutputChecks.Print(new[] { page }),
            output,
            PropertyRun.Cases / 40);
    }

    [Fact]
    public void Long_names_in_many_rows_generate_whole_models_that_compile()
    {
        PropertyRun.Sample(
            LongNamesManyRows,
            page =>
            {
                var generated = GeneratedAssembly.Build(new[] { page });
                Assert.True(generated.Problems.Count == 0 && generated.GeneratorDiagnostics.All(d => d.Id.StartsWith("ADG", StringComparison.Ordinal)), generated.DescribeProblems());
                var rows = page.Text.Split('\n').Count(l => l.StartsWith("| f", StringComparison.Ordinal)) + 1;
                Assert.Equal(rows, generated.Model("GetWidgetDto").GetProperties().Count(p => p.Name != "AdditionalProperties"));
            },
            page => $"{page.Text.Length:N0} characters",
            output,
            Math.Max(3, PropertyRun.CompileBatches / 6));
    }

    [Fact]
    public void Pages_in_any_encoding_decode_as_the_compiler_reads_them()
    {
        PropertyRun.Sample(
            EncodedPage,
            bytes =>
            {
                // One file per case: CsCheck runs cases in parallel.
                var file = Path.Combine(Path.GetTempPath(), "adg-encoding-" + Guid.NewGuid().ToString("N") + ".md");
                try
                {
                    File.WriteAllBytes(file, bytes);
                    string compiler;
                    try
                    {
                        compiler = CompilerRead.File(file).ToString();
                    }
                    catch (InvalidDataException)
                    {
                        Assert.Throws<InvalidDataException>(() => PageText.Decode(bytes));
                        return;
                    }

                    Assert.Equal(compiler, PageText.Decode(bytes));
                }
                finally
                {
                    File.Delete(file);
                }
            },
            bytes => Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 64))) + $"… ({bytes.Length:N0} bytes)",
            output,
            PropertyRun.Cases / 10);
    }

    [Fact]
    public void Odd_file_names_generate_safe_output_or_ADG028()
    {
        var page = new TestPage("x.md", WidgetPage(Rows(new Rnd(new PCG(1)), 3, 10)));
        PropertyRun.Sample(
            OddFileName,
            path =>
            {
                var named = page with { Path = path };
                var result = OutputChecks.Compile(new[] { named });
                OutputChecks.AssertSafe(new[] { named }, result);
                if (path.Contains('"', StringComparison.Ordinal))
                {
                    Assert.Equal("ADG028", Assert.Single(result.Diagnostics, d => d.Location is not null).Id);
                    Assert.Empty(result.Api.Methods);
                }
                else
                {
                    Assert.Single(result.Api.Methods);
                    Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ADG028");
                }
            },
            path => path,
            output,
            PropertyRun.Cases / 20);
    }

    private static string WidgetPage(string requestRows) =>
        "# 获取部件\n\n## 方法名称\n\n`ManagementClient.getWidget`\n\n## 请求参数\n\n"
        + "| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |\n| ---- | ---- | ---- | ---- | ---- | ---- |\n"
        + "| widgetId | string | 是 | - | 部件 ID | `w` |\n"
        + requestRows
        + "\n## 请求响应\n\n类型： `IsSuccessRespDto`\n\n| 名称 | 类型 | 描述 |\n| ---- | ---- | ---- |\n| statusCode | number | 状态码 |\n| message | string | 描述 |\n";

    /// <summary>The characters of one row that <see cref="Rows"/> writes, so a page stays within the page-size limit.</summary>
    private static int RowLength(int nameLength) => $"| {new string('x', Math.Max(nameLength, 5))} | string | 否 | - | 字段 | `v` |\n".Length;

    private static string Rows(Rnd rnd, int count, int nameLength) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"| {("f" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).PadRight(nameLength, rnd.Pick('x', 'y'))[..Math.Max(nameLength, 5)]} | string | 否 | - | 字段 | `v` |\n"));
}
