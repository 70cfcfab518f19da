using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Tests.Infrastructure;

namespace Authing.DocsGen.Tests;

/// <summary>Pages with several methods under free-form headings are skipped with a warning naming every method (ADG029).</summary>
public sealed class MultiMethodPageTests
{
    [Fact]
    public void The_fixture_page_is_skipped_with_a_warning_that_names_both_methods_and_their_lines()
    {
        const string path = "pages/misc/widget-helpers.md";
        var page = PageParser.Parse(path, File.ReadAllText(Path.Combine(Paths.Fixtures, path)), PageOverrides.None);

        Assert.Null(page.Method);
        var warning = Assert.Single(page.Diagnostics, d => d.Id == "ADG029");
        Assert.Equal(
            "'widget-helpers.md' describes 2 methods under free-form headings and none of them is generated: 'getWidgetPreview' (line 7), 'refreshWidgetCache' (line 37); give each method a page of its own",
            warning.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(6, warning.Location!.StartLine);
    }

    [Fact]
    public void A_section_without_sample_code_is_named_by_its_heading_and_data_structure_headings_are_not_methods()
    {
        const string page = """
            # Helpers

            ## Preview a widget

            ### 请求参数

            | 名称 | 类型 | 是否必填 | 描述 |
            | ---- | ---- | ---- | ---- |
            | id | string | 是 | ID |

            ### 请求响应

            | 名称 | 类型 | 描述 |
            | ---- | ---- | ---- |
            | statusCode | number | code |

            ## Purge the cache

            ### 请求参数

            | 名称 | 类型 | 是否必填 | 描述 |
            | ---- | ---- | ---- | ---- |
            | ids | string[] | 是 | IDs |

            ## 数据结构

            ### <a id="PurgeDto"></a> PurgeDto

            | 名称 | 类型 | 描述 |
            | ---- | ---- | ---- |
            | x | string | x |
            """;

        var result = PageParser.Parse("helpers.md", page, PageOverrides.None);

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "ADG029");
        Assert.Contains("describes 2 methods", warning.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("'Preview a widget' (line 3), 'Purge the cache' (line 17)", warning.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_skipped_by_its_own_directive_gets_no_warning()
    {
        const string path = "pages/misc/widget-helpers.md";
        var text = "<!-- authing-docsgen: skip=true -->\n" + File.ReadAllText(Path.Combine(Paths.Fixtures, path));

        var page = PageParser.Parse(path, text, PageOverrides.None);

        Assert.Null(page.Method);
        Assert.DoesNotContain(page.Diagnostics, d => d.Id == "ADG029");
        Assert.Contains(page.Diagnostics, d => d.Id == "ADG001");
    }
}
