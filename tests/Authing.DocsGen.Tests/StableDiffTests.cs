using Authing.DocsGen.Model;
using Authing.DocsGen.Tests.Infrastructure;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Authing.DocsGen.Tests;

/// <summary>A one-field docs change is a diff about that field only; the order pages arrive in changes nothing (issue 11).</summary>
public sealed class StableDiffTests
{
    private const string PagePath = "management/widgets/get-widget.md";

    [Fact]
    public void Inserting_an_optional_row_only_adds_lines_about_that_field()
    {
        var before = Compile(Fixture.WidgetPage);
        var after = Compile(Fixture.WidgetPage.Replace(
            "| id | string | 是 | 部件 ID   |  `w_01` |\n",
            "| id | string | 是 | 部件 ID   |  `w_01` |\n| colour | string | 否 | 颜色   |  `red` |\n",
            StringComparison.Ordinal));

        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var changed = before.Keys.Where(name => before[name] != after[name]).ToList();
        // One file per page: the page's file, which holds WidgetDto.
        var file = Assert.Single(changed);
        Assert.Contains("sealed partial class WidgetDto", after[file], StringComparison.Ordinal);

        var diff = InlineDiffBuilder.Diff(before[file], after[file]);
        Assert.DoesNotContain(diff.Lines, line => line.Type is ChangeType.Deleted or ChangeType.Modified);

        // Every run of inserted lines is about the new field (a property with its docs, a converter, a case, a write).
        foreach (var block in Blocks(diff.Lines))
        {
            Assert.True(block.Any(line => line.Contains("olour", StringComparison.Ordinal)), "An inserted block does not mention the new field:\n" + string.Join("\n", block));
        }
    }

    [Fact]
    public void Pages_in_any_order_generate_the_same_files()
    {
        var pages = Directory.GetFiles(Path.Combine(Paths.Fixtures, "multi-page"), "*.md", SearchOption.AllDirectories)
            .Select(f => new DocsPage(Path.GetRelativePath(Paths.Fixtures, f).Replace('\\', '/'), File.ReadAllText(f), PageOverrides.None))
            .ToList();

        var forward = DocsCompiler.Compile(pages, GeneratorOptions.Default).Sources;
        var backward = DocsCompiler.Compile(Enumerable.Reverse(pages), GeneratorOptions.Default).Sources;

        Assert.Equal(forward.Select(s => (s.HintName, s.Text)), backward.Select(s => (s.HintName, s.Text)));
    }

    private static Dictionary<string, string> Compile(string page) =>
        DocsCompiler.Compile(new[] { new DocsPage(PagePath, page, PageOverrides.None) }, GeneratorOptions.Default).Sources
            .ToDictionary(s => s.HintName, s => s.Text, StringComparer.Ordinal);

    private static IEnumerable<List<string>> Blocks(IEnumerable<DiffPiece> lines)
    {
        var block = new List<string>();
        foreach (var line in lines)
        {
            if (line.Type == ChangeType.Inserted)
            {
                block.Add(line.Text);
            }
            else if (block.Count > 0)
            {
                yield return block;
                block = new List<string>();
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }
}
