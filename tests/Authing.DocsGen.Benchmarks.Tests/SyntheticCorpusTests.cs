using System.Text;
using Authing.DocsGen.Benchmarks.Corpus;
using Authing.DocsGen.Benchmarks.Infrastructure;
using Authing.DocsGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Authing.DocsGen.Benchmarks.Tests;

/// <summary>The synthetic corpus is deterministic, realistic (FORMAT.md variants, 1–20 KB) and generates an SDK that compiles.</summary>
public sealed class SyntheticCorpusTests
{
    private static readonly Lazy<IReadOnlyList<CorpusPage>> s_600 = new(() => SyntheticCorpus.Build(600));

    [Fact]
    public void The_same_seed_builds_the_same_pages_and_smaller_corpora_are_prefixes()
    {
        var again = SyntheticCorpus.Build(600);
        Assert.Equal(s_600.Value, again);
        Assert.Equal(s_600.Value.Take(100), SyntheticCorpus.Build(100));
        Assert.NotEqual(s_600.Value.Select(p => p.Text), SyntheticCorpus.Build(600, seed: 7).Select(p => p.Text));
    }

    [Fact]
    public void Pages_have_unique_paths_and_realistic_sizes()
    {
        var pages = s_600.Value;
        Assert.Equal(pages.Count, pages.Select(p => p.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.All(pages, p => Assert.InRange(p.Utf8Size, 1024, 20 * 1024));
        var sizes = pages.Select(p => p.Utf8Size).Order().ToList();
        Assert.InRange(sizes[sizes.Count / 2], 2 * 1024, 8 * 1024);
        Assert.True(sizes[^1] > 12 * 1024, "some pages are large");
    }

    [Fact]
    public void Pages_cover_the_format_variants()
    {
        var pages = s_600.Value;
        Assert.InRange(pages.Count(p => p.English), 120, 300);
        Assert.InRange(pages.Count(p => p.Path.StartsWith("authentication/", StringComparison.Ordinal)), 120, 300);
        Assert.All(Enum.GetValues<TableLayout>(), layout => Assert.Contains(pages, p => p.Layout == layout));
        Assert.Contains(pages, p => p.QueryMarker);
        var all = string.Concat(pages.Select(p => p.Text));
        foreach (var variant in new[]
        {
            "## 方法名称", "## Method Name", "## 请求参数", "## Request Parameters", "### Request response", "类型： `", "Type： `",
            "<!-- 暂时不显示示例代码 -->", "```csharp", "```python", "management_client.", "ManagementClient.", "AuthenticationClient.",
            "嵌套类型：<a href=", "Nested type: <a href=", "Nesting type: <a href=", "[]</a>", "| string[] |", "| object |", "| array |",
            "<br>- `", "<br>  - `", "<br><br>", "枚举值：`", "可选枚举值：`", "| ---- |  ---- |", "|------|", "<div style=\"width:200px\"></div>示例值</div>",
            "[object Object]", "| String |", "| bool |", "::: tip", "<details>", "### 注意事项", "> 此文档由", "`0.75`", "`1669876543210`",
        })
        {
            Assert.Contains(variant, all, StringComparison.Ordinal);
        }

        // A bare-value enum bullet, and a route-style slug that is not the method name (FORMAT.md §2).
        Assert.Matches(@"<br>- [A-Za-z]+: ", all);
        Assert.Contains(pages, p => !p.Path.Contains(SyntheticCorpusKebab(p.MethodName), StringComparison.Ordinal));
    }

    /// <summary>
    /// The verb and route rules against what the corpus's fictional server expects, with the figures the README states.
    /// </summary>
    [Fact]
    public void Inferred_verbs_and_routes_match_the_precision_the_readme_states()
    {
        var pages = s_600.Value;
        var result = DocsCompiler.Compile(pages.Select(p => new DocsPage(p.Path, p.Text, PageOverrides.None)), GeneratorOptions.Default);
        var byPath = result.Pages.ToDictionary(p => p.FilePath, StringComparer.Ordinal);
        var verbHits = pages.Count(p => byPath[p.Path].Method!.Verb.ToString().ToUpperInvariant() == p.Verb);
        var routeHits = pages.Count(p => byPath[p.Path].Method!.Route == p.Route);

        Assert.Equal(pages.Count, routeHits);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Contains($"verbs right on {verbHits} of {pages.Count} synthetic pages", readme, StringComparison.Ordinal);
        Assert.Contains($"routes right on {routeHits} of {pages.Count} synthetic pages", readme, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Authing.DocsGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Authing.DocsGen.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Every_page_is_a_method_page_the_generator_reads_without_failing()
    {
        var pages = s_600.Value;
        var result = DocsCompiler.Compile(pages.Select(p => new DocsPage(p.Path, p.Text, PageOverrides.None)), GeneratorOptions.Default);

        Assert.Equal(pages.Count, result.Api.Methods.Count);
        var serious = result.Diagnostics.Where(d => d.Id is "ADG001" or "ADG002" or "ADG007" or "ADG008" or "ADG009" or "ADG011" or "ADG012" or "ADG013" or "ADG016" or "ADG018").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Take(10).Select(d => $"{d.Id} {d.Location}: {string.Join(" | ", d.MessageArgs)}")));
        Assert.Contains(result.Diagnostics, d => d.Id == "ADG014");
        Assert.True(result.Api.Enums.Count > 100, "enums in every notation are recognised");
        Assert.Equal(600 + 2, result.Sources.Length); // one file per page and per client
    }

    [Fact]
    public void The_generated_sdk_of_100_pages_compiles()
    {
        var driver = GeneratorRuns.CreateDriver(GeneratorRuns.Texts(SyntheticCorpus.Build(100))).RunGenerators(GeneratorRuns.EmptyCompilation());
        var trees = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SyntaxTree);
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => a.Location)
            .Append(typeof(Authing.Sdk.AuthingResponse).Assembly.Location)
            // Microsoft.Extensions.* come from the ASP.NET Core shared framework here (the benchmarks host Kestrel).
            .Concat(Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)!, "Microsoft.Extensions.*.dll"))
            .Concat(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.*.dll"))
            .Distinct(StringComparer.Ordinal)
            .Where(IsManaged)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));
        var compilation = CSharpCompilation.Create(
            "Corpus100",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void Edits_change_only_what_they_say()
    {
        var page = s_600.Value.First(p => p.RequestCell is not null);
        var described = page.WithEditedDescription();
        Assert.NotEqual(page.Text, described.Text);
        Assert.Equal(page.Text.Length + " Edited.".Length, described.Text.Length);
        Assert.EndsWith("\n\n", page.WithTrailingBlankLine().Text, StringComparison.Ordinal);
        Assert.Contains("（已更新）", page.WithEditedRequestCell().Text, StringComparison.Ordinal);
    }

    private static string SyntheticCorpusKebab(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private static bool IsManaged(string file)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
