namespace Authing.DocsGen.Cli.Tests;

/// <summary>
/// Issue 15, item 4. A <c>"</c> in a page's file name failed the build with CS2001 (csc's <c>/additionalfile:</c>
/// drops quotes, so the compiler looked for another file) while docsgen generated the page. Both now skip it with
/// ADG028 naming the file; every other odd name generates the same files in both paths.
/// </summary>
public sealed class FileNameTests
{
    [Fact]
    public void Pages_with_odd_file_names_generate_the_same_files_with_the_tool_and_the_compiler()
    {
        using var docs = new TempFolder();
        var fixtures = Path.Combine(Repo.Fixtures, "regressions", "odd-file-names");
        foreach (var file in Directory.GetFiles(fixtures, "*.md", SearchOption.AllDirectories))
        {
            docs.Write(Path.GetRelativePath(fixtures, file), File.ReadAllText(file));
        }

        // Names a repository cannot hold on every platform: a quote, and 200 characters.
        var page = File.ReadAllText(Directory.GetFiles(fixtures, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First());
        docs.Write("management/widgets/enroll\"factor.md", page.Replace("get_gadget_", "get_gadget_quoted_", StringComparison.Ordinal));
        docs.Write("management/widgets/" + string.Concat(Enumerable.Repeat("long-name-", 20)) + ".md", page.Replace("get_gadget_", "get_gadget_long_", StringComparison.Ordinal));

        using var output = new TempFolder();
        var result = Docsgen.Run("generate", docs.Path, "-o", output.Path, "--quiet");

        Assert.True(result.ExitCode == 0, result.Error);
        var expected = IncrementalGenerator.Run(docs.Path);
        var written = GenerateTests.ReadTree(output.Path);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.True(pair.Value == written[pair.Key], pair.Key + " differs"));
        Assert.Equal(9, written.Keys.Count(k => k.StartsWith("management/widgets/", StringComparison.Ordinal)));
        Assert.DoesNotContain(written.Values, text => text.Contains("GetGadgetQuoted", StringComparison.Ordinal));

        var check = Docsgen.Run("check", docs.Path);
        Assert.Contains("enroll\"factor.md(1,1): warning ADG028:", check.Output, StringComparison.Ordinal);
    }
}
