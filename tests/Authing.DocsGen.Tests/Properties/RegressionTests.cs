using System.Text;
using Authing.DocsGen.Text;
using Authing.DocsGen.Emitting;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Tests.Infrastructure;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TypeKind = Authing.DocsGen.Model.TypeKind;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// One test per failure the properties (or the hostile-input review behind them) found. Each fixture lives in
/// <c>tests/fixtures/regressions/</c>: a page <c>&lt;name&gt;.md</c>, or a folder <c>&lt;name&gt;/</c> of pages parsed
/// together when the defect needs several pages.
/// </summary>
public sealed class RegressionTests
{
    public static TheoryData<string> Fixtures() => FixtureFolder.Entries("regressions");

    /// <summary>Every regression fixture passes every property: no throw, located diagnostics, safe code that compiles.</summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Regression_fixture_passes_every_property(string name)
    {
        var pages = Load(name);
        OutputChecks.AssertSafe(pages, OutputChecks.Compile(pages));
        var generated = GeneratedAssembly.Build(pages);
        Assert.True(generated.Problems.Count == 0 && generated.GeneratorDiagnostics.All(d => d.Id.StartsWith("ADG", StringComparison.Ordinal)), generated.DescribeProblems());
    }

    /// <summary>
    /// Found by hand before the properties ran: <c>CellText</c> walked Markdig's inline tree recursively, and emphasis
    /// nested tens of thousands of levels deep (80 KB of asterisks) overflowed the stack, which no catch can stop: the
    /// compiler process died. The walk is iterative now.
    /// </summary>
    [Fact]
    public void Deeply_nested_emphasis_does_not_overflow_the_stack()
    {
        var page = Load("deeply-nested-emphasis.md").Single();
        Assert.True(InlineDepth(page.Text) > 10_000, "The fixture no longer nests deeply; it does not test the stack any more");

        PageModel? parsed = null;
        var thread = new Thread(() => parsed = Parsing.PageParser.Parse(page.Path, page.Text, PageOverrides.None), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(parsed!.Method);
        var request = Assert.Single(parsed.Dtos, d => d.Role == DtoRole.Request);
        Assert.Equal("widgetId", Assert.Single(request.Fields).WireName);
    }

    /// <summary>
    /// Trojan Source: names with bidirectional controls, zero-width characters and tag characters were accepted (the
    /// identifier silently lost them, the wire name kept them), and tag characters (U+E0000 block, outside the BMP)
    /// slipped through the comment escaping, which looked at UTF-16 units one by one. Names are now rejected with ADG020
    /// where they stand; comments drop every such code point.
    /// </summary>
    [Fact]
    public void Invisible_characters_in_names_are_rejected_where_they_stand_and_never_reach_code()
    {
        var page = Load("invisible-characters-in-names.md").Single();
        var result = OutputChecks.Compile(new[] { page });
        OutputChecks.AssertSafe(new[] { page }, result);

        var rejected = result.Diagnostics.Where(d => d.Id == "ADG020").ToList();
        foreach (var marker in new[] { "`ManagementClient.updateWidget\uFEFFName`", "| is\u202EAdmin |", "| name\u200B |", "`admin\u2066`", "### <a id=\"Owner\u200DDto\">", "| tag\U000E0041 |" })
        {
            var line = LineOf(page.Text, marker);
            Assert.True(rejected.Any(d => d.Location!.StartLine <= line && line <= d.Location.EndLine), $"No ADG020 on line {line + 1} ({CSharp.Visible(marker)})");
        }

        var request = Assert.Single(result.Api.Dtos, d => d.Role == DtoRole.Request);
        Assert.Equal(new[] { "widgetId", "role", "owner" }, request.Fields.Select(f => f.WireName));
        Assert.Equal(TypeKind.Json, request.Fields[2].Type.Kind);
        Assert.Equal(new[] { "user" }, Assert.Single(result.Api.Enums).Members.Select(m => m.Value));
        Assert.DoesNotContain(result.Api.Dtos, d => d.Name.Contains("Owner", StringComparison.Ordinal));
        Assert.Equal("InvisibleCharactersInNames", Assert.Single(result.Api.Methods).Method.Name);
        Assert.All(result.Sources, s => Assert.False(CSharp.ContainsUnsafe(s.Text.Replace("\n", string.Empty, StringComparison.Ordinal)), s.HintName));
    }

    /// <summary>Two rows with one wire name gave a converter two identical <c>case</c> labels (CS0152): the SDK did not compile.</summary>
    [Fact]
    public void A_field_listed_twice_keeps_its_first_row_and_reports_ADG023()
    {
        var page = Load("duplicate-field-names.md").Single();
        var result = OutputChecks.Compile(new[] { page });

        var request = Assert.Single(result.Api.Dtos, d => d.Role == DtoRole.Request);
        Assert.Equal(new[] { "widgetId", "label" }, request.Fields.Select(f => f.WireName));
        Assert.Equal(TypeKind.String, request.Fields[1].Type.Kind);
        Assert.Equal(new[] { "success" }, Assert.Single(result.Api.Dtos, d => d.Name == "IsSuccessDto").Fields.Select(f => f.WireName));
        var duplicates = result.Diagnostics.Where(d => d.Id == "ADG023").Select(d => d.Location!.StartLine).ToList();
        Assert.Equal(new[] { LineOf(page.Text, "| label | number |"), LastLineOf(page.Text, "| success | boolean |") }, duplicates);

        var generated = GeneratedAssembly.Build(new[] { page });
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
    }

    /// <summary>
    /// The enum of <c>Widget.status</c> is named <c>WidgetStatus</c>, which the page also defines as a data structure:
    /// both types got one name and one hint name, AddSource threw (CS8785) and nothing was generated. The enum now takes
    /// the name <c>WidgetStatusEnum</c>.
    /// </summary>
    [Fact]
    public void An_enum_named_like_a_data_structure_on_its_page_gets_a_distinct_name()
    {
        var page = Load("enum-named-like-a-dto.md").Single();
        var generated = GeneratedAssembly.Build(new[] { page });
        Assert.True(generated.Problems.Count == 0 && generated.GeneratorDiagnostics.All(d => d.Id.StartsWith("ADG", StringComparison.Ordinal)), generated.DescribeProblems());
        Assert.True(generated.Model("WidgetStatus").IsClass);
        Assert.True(generated.Model("WidgetStatusEnum").IsValueType);
        Assert.Equal(generated.Model("WidgetStatusEnum"), Nullable.GetUnderlyingType(generated.Model("Widget").GetProperty("Status")!.PropertyType));
    }

    /// <summary>
    /// Lead-owned (Emitting/Templates/Dto.scriban). A data structure that refers to itself gets a converter whose
    /// static field <c>s_fN = XJsonConverter.Instance</c> is initialised before <c>Instance</c>: CS8601/CS8604 under
    /// warnings-as-errors, and a null converter at run time.
    /// </summary>
    [Fact]
    public void A_self_referencing_data_structure_compiles_and_reads_nested_json()
    {
        var generated = GeneratedAssembly.Build(Load("self-referencing-dto.md"));
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());

        var response = generated.Read(
            "DepartmentTreeRespDto",
            """{"statusCode":200,"message":"ok","data":{"departmentId":"root","children":[{"departmentId":"a","children":[]}],"parent":{"departmentId":"up"}}}""");
        Assert.Equal("a", GeneratedAssembly.Get(response, "Data.Children[0].DepartmentId"));
        Assert.Equal("up", GeneratedAssembly.Get(response, "Data.Parent.DepartmentId"));
    }

    /// <summary>
    /// Lead-owned (Emitting/Templates/Dto.scriban). A → B → A: the first converter touched starts its static
    /// initialiser, which starts the other's, which reads the first's <c>Instance</c> while it is still null. Reading
    /// the nested JSON then throws NullReferenceException, which the transport does not turn into AuthingApiException.
    /// </summary>
    [Fact]
    public void Mutually_recursive_data_structures_read_nested_json()
    {
        var generated = GeneratedAssembly.Build(Load("mutually-recursive-dtos.md"));
        var response = generated.Read(
            "MemberDepartmentRespDto",
            """{"statusCode":200,"data":{"memberId":"m1","department":{"departmentId":"d1","leader":{"memberId":"m2","department":{"departmentId":"d2"}}}}}""");
        Assert.Equal("m2", GeneratedAssembly.Get(response, "Data.Department.Leader.MemberId"));
        Assert.Equal("d2", GeneratedAssembly.Get(response, "Data.Department.Leader.Department.DepartmentId"));
    }

    /// <summary>
    /// Lead-owned (Emitting/Templates/ClientMethod.scriban, Emitter.cs). A required enum in a GET method's query is a
    /// non-nullable struct property, and <c>call.AddQuery(name, request.Status)</c> finds no overload (CS1503).
    /// </summary>
    [Fact]
    public void A_required_enum_query_parameter_compiles()
    {
        var generated = GeneratedAssembly.Build(Load("required-enum-query-parameter.md"));
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
    }

    /// <summary>
    /// Lead-owned (Resolution/). Types whose names differ only in punctuation or case (<c>Widget-Dto</c>,
    /// <c>WidgetDto</c>, <c>Widgetdto</c>) on three pages map to one C# name and one hint name (ignoring case).
    /// Expected: three types, distinct names, ADG017, the same output in any page order.
    /// </summary>
    [Fact]
    public void Data_structures_named_alike_on_several_pages_stay_distinct_types()
    {
        AssertCrossPageCollisionHandled("dto-names-differing-in-punctuation-or-case", "ADG017", expectedTypes: 3, "code", "createdAt", "ownerId");
    }

    /// <summary>
    /// Lead-owned (Resolution/). <c>Widget.status</c> makes an enum named <c>WidgetStatus</c> on one page; another page
    /// defines a data structure <c>WidgetStatus</c>, a third <c>Widget_Status</c>. Expected: an enum and two classes
    /// with distinct names, ADG017, the same output in any page order.
    /// </summary>
    [Fact]
    public void An_enum_and_data_structures_named_alike_on_several_pages_stay_distinct_types()
    {
        AssertCrossPageCollisionHandled("enum-and-dto-named-alike-on-two-pages", "ADG017", expectedTypes: null, "changedAt", "online");
    }

    /// <summary>
    /// Lead-owned (Resolution/ApiResolver.cs). <c>TagDto</c> conflicts between two pages, so the later one is renamed
    /// <c>ListTagsTagDto</c>, a name a third page already defines. Expected: both definitions survive as two types
    /// (neither silently replaces the other), with ADG014, in any page order.
    /// </summary>
    [Fact]
    public void A_renamed_data_structure_does_not_replace_one_that_already_has_that_name()
    {
        AssertCrossPageCollisionHandled("renamed-dto-collides-with-a-defined-name", "ADG014", expectedTypes: null, "usage", "tagId", "key");
    }

    /// <summary>
    /// Lead-owned (Resolution/). One method on three pages whose paths differ only in case or punctuation
    /// (<c>Widgets/get-widget.md</c>, <c>widgets/get-widget.md</c>, <c>widgets/get_widget.md</c>). Expected: three
    /// methods with distinct names and distinct hint names, ADG016, in any page order.
    /// </summary>
    [Fact]
    public void One_method_on_pages_whose_paths_differ_only_in_case_or_punctuation_is_generated_three_times()
    {
        var pages = Load("same-method-and-file-name-twice");
        var generated = AssertCrossPageCollisionHandled("same-method-and-file-name-twice", "ADG016", expectedTypes: null);
        var client = generated.Assembly!.GetType("Authing.Sdk.ManagementClient")!;
        // Each method has two overloads: (request, CancellationToken) and (request, AuthingRequestOptions?, CancellationToken).
        var methods = client.GetMethods().Where(m => m.Name.StartsWith("GetWidget", StringComparison.Ordinal) && m.Name.EndsWith("Async", StringComparison.Ordinal));
        Assert.Equal(pages.Count, methods.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// Lead-owned (the <c>AuthingDocsGenClients</c> option: Resolution/, AuthingDocsGenerator.cs). Found by the batch
    /// compile property. With <c>AuthingDocsGenClients=Authentication</c> the management method and <c>RoleDto</c>, used
    /// only by it, are left out, but <c>RoleGrantDto</c>, which no method uses and so is always generated, still refers
    /// to <c>RoleDto</c>: CS0234. Expected: a type that is generated keeps every type it refers to.
    /// </summary>
    [Fact]
    public void Generating_one_client_keeps_every_type_a_generated_type_refers_to()
    {
        var pages = Load("clients-option-drops-a-type-an-unused-type-needs");
        var generated = GeneratedAssembly.Build(pages, new Dictionary<string, string> { ["AuthingDocsGenClients"] = "Authentication" });

        Assert.True(generated.Problems.Count == 0 && generated.GeneratorDiagnostics.All(d => d.Id.StartsWith("ADG", StringComparison.Ordinal)), generated.DescribeProblems());
        Assert.Null(generated.Assembly!.GetType("Authing.Sdk.ManagementClient"));
    }

    /// <summary>
    /// Issue 15, item 1. Scriban cuts what it renders at 1 MiB by default: a request table of 1,000 rows (the row limit)
    /// or of 700 rows with 128-character names gave a model file cut at 1,048,576 characters and ending in "...", with
    /// no diagnostic, and the SDK did not compile (CS8635, CS1513, CS1002, CS0103). At each of the parser's maxima, as
    /// far as the page-size limit lets one page reach it, the model is generated whole and compiles.
    /// </summary>
    [Theory]
    [InlineData("rows per table", ParserLimits.MaxRowsPerTable, 48, 6)]
    [InlineData("name length", ParserLimits.MaxRowsPerTable, ParserLimits.MaxNameLength, 2)]
    [InlineData("cells per row", ParserLimits.MaxRowsPerTable, 8, ParserLimits.MaxCellsPerRow)]
    public void A_model_at_a_parser_limit_is_generated_whole_and_compiles(string limit, int maxRows, int nameLength, int cells)
    {
        var fixture = Load("model-over-one-mebibyte.md").Single();
        var page = fixture with { Text = WithRequestTable(fixture.Text, maxRows, nameLength, cells) };
        Assert.True(page.Text.Length <= ParserLimits.MaxPageChars, limit);

        var generated = GeneratedAssembly.Build(new[] { page });

        Assert.True(generated.Problems.Count == 0 && generated.GeneratorDiagnostics.All(d => d.Id.StartsWith("ADG", StringComparison.Ordinal)), limit + ": " + generated.DescribeProblems());
        Assert.DoesNotContain(generated.GeneratorDiagnostics, d => d.Id is "ADG022" or "ADG030");
        var rows = page.Text.Split('\n').Count(l => l.StartsWith("| f", StringComparison.Ordinal)) + 1;
        Assert.Equal(rows, generated.Model("UpdateWidgetAttributesDto").GetProperties().Count(p => p.Name != "AdditionalProperties"));
        var model = generated.Sources.Single(s => s.SourceText.ToString().Contains("sealed partial class UpdateWidgetAttributesDto", StringComparison.Ordinal)).SourceText.ToString();
        Assert.EndsWith("}\n", model, StringComparison.Ordinal);
        if (limit != "cells per row")
        {
            Assert.True(model.Length > 1 << 20, $"{limit}: the model has {model.Length:N0} characters; the case no longer crosses Scriban's old 1 MiB limit");
        }
    }

    /// <summary>
    /// Issue 15, item 2. A table row starting with <c>_a</c> and followed by tens of thousands of cells: Markdig nests
    /// everything after the open <c>_</c> inside it and its pipe-table step splits that container at every later pipe,
    /// moving the rest of the table each time (30,000 cells: 49 s, against 0.44 s for the same row starting with
    /// <c>a</c>). Table rows now reach Markdig with stand-ins for <c>*</c>, <c>_</c> and <c>[</c>, and a cell that had
    /// one is read again on its own: the page parses in about the time of the plain row, and the cells keep their
    /// emphasis and links.
    /// </summary>
    [Theory]
    [InlineData("wide")]
    [InlineData("tall")]
    public void A_table_after_an_emphasis_marker_parses_in_linear_time(string shape)
    {
        var fixture = Load("wide-row-after-an-emphasis-marker.md").Single();
        var marked = fixture with { Text = Grow(fixture.Text, "| _a |", shape) };
        var plain = fixture with { Text = Grow(fixture.Text.Replace("| _a |", "| a |", StringComparison.Ordinal), "| a |", shape) };

        var (markedTime, parsed) = FastestParse(marked);
        var (plainTime, _) = FastestParse(plain);

        Assert.True(markedTime < plainTime * 5 + TimeSpan.FromSeconds(1), $"{shape}: the row after '_' took {markedTime.TotalSeconds:F2} s, the plain row {plainTime.TotalSeconds:F2} s");
        var request = Assert.Single(parsed.Dtos, d => d.Role == DtoRole.Request);
        Assert.Contains("widgetId", request.Fields.Select(f => f.WireName));
        var token = Assert.Single(request.Fields, f => f.WireName == "access_token");
        Assert.Equal("访问令牌，见 说明。", token.Description);
        Assert.Equal("t_1", token.Example);
    }

    /// <summary>The page with the row that starts with <paramref name="row"/> grown to the page-size limit, as one wide row or as many rows.</summary>
    private static string Grow(string page, string row, string shape)
    {
        // Wide: cells after the marked row. Tall: rows after the last row, so that the checked rows stay within the row limit.
        var end = page.IndexOf('\n', page.IndexOf(shape == "wide" ? row : "| access_token |", StringComparison.Ordinal));
        var room = ParserLimits.MaxPageChars - page.Length - 64;
        var grown = shape == "wide"
            ? string.Concat(Enumerable.Repeat(" x |", room / 4))
            : string.Concat(Enumerable.Range(0, room / 32).Select(i => $"\n| f{i:D5} | string | 否 | - | x |"));
        return page[..end] + grown + page[end..];
    }

    private static (TimeSpan Time, PageModel Page) FastestParse(TestPage page)
    {
        PageModel? parsed = null;
        var fastest = TimeSpan.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            parsed = PageParser.Parse(page.Path, page.Text, PageOverrides.None);
            fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
        }

        return (fastest, parsed!);
    }

    /// <summary>
    /// Issue 15, item 5. 128 levels of <c>&gt;</c>, 200 nested list items or 60,000 <c>[</c> in a description made
    /// Markdig throw "too deeply nested", and the whole page was skipped with ADG002. The nested lines (or the
    /// paragraph's markers) are now left out before Markdig sees them, with ADG022 on their line, and the method is
    /// generated. (200 nested emphasis markers parse as they are; the case guards that they stay so.)
    /// </summary>
    [Theory]
    [InlineData("block quotes")]
    [InlineData("list items")]
    [InlineData("emphasis")]
    [InlineData("brackets")]
    public void Markdown_nested_too_deeply_in_a_description_is_left_out_and_the_page_still_generates(string construct)
    {
        var fixture = Load("deep-nesting-in-a-description.md").Single();
        var quotes = new string('>', 128) + " 嵌套的引用";
        var nested = construct switch
        {
            "block quotes" => quotes,
            "list items" => string.Join("\n", Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- 第 " + i + " 层")),
            "emphasis" => string.Concat(Enumerable.Repeat("*强调 ", 200)) + "中间" + string.Concat(Enumerable.Repeat(" 强调*", 200)),
            _ => new string('[', 60_000),
        };
        var page = fixture with { Text = fixture.Text.Replace(quotes, nested, StringComparison.Ordinal) };
        var line = LineOf(page.Text, nested[..Math.Min(nested.Length, 40)]);

        var result = OutputChecks.Compile(new[] { page });

        OutputChecks.AssertSafe(new[] { page }, result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ADG002");
        var method = Assert.Single(result.Api.Methods).Method;
        Assert.Equal("GetWidgetTags", method.Name);
        Assert.Contains("这一段在嵌套之后", method.Description, StringComparison.Ordinal);
        Assert.Equal(new[] { "widgetId", "withParts" }, Assert.Single(result.Api.Dtos, d => d.Role == DtoRole.Request).Fields.Select(f => f.WireName));
        if (construct != "emphasis")
        {
            var limit = Assert.Single(result.Diagnostics, d => d.Id == "ADG022");
            Assert.True(limit.Location!.StartLine <= line + 32 && limit.Location.StartLine >= line, $"ADG022 on line {limit.Location.StartLine + 1}, the construct starts on line {line + 1}");
        }
    }

    /// <summary>
    /// The page's request table rebuilt with <paramref name="cells"/> columns and as many rows (up to
    /// <paramref name="maxRows"/>) of names <paramref name="nameLength"/> characters long as the page-size limit allows.
    /// </summary>
    private static string WithRequestTable(string page, int maxRows, int nameLength, int cells)
    {
        var start = page.IndexOf("| 名称 |", StringComparison.Ordinal);
        var end = page.IndexOf("\n\n## 请求响应", start, StringComparison.Ordinal);
        string[] header = ["名称", "类型", "是否必填", "默认值", "描述", "示例值"];
        string[] values = ["string", "否", "-", "属性", "`v`"];
        var columns = Enumerable.Range(0, cells).Select(i => i < header.Length ? header[i] : "备注" + i).ToList();
        var table = new StringBuilder("| " + string.Join(" | ", columns) + " |\n|" + string.Concat(Enumerable.Repeat(" ---- |", cells)) + "\n");
        table.Append("| widgetId | string |" + string.Concat(Enumerable.Range(2, cells - 2).Select(i => i == 2 ? " 是 |" : " - |")) + "\n");
        var rest = page.Length - (end - start);
        for (var i = 1; i < maxRows; i++)
        {
            var name = ("f" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).PadRight(nameLength, 'x');
            var row = "| " + name + " |" + string.Concat(Enumerable.Range(1, cells - 1).Select(c => " " + (c < values.Length + 1 ? values[c - 1] : ".") + " |")) + "\n";
            if (rest + table.Length + row.Length > ParserLimits.MaxPageChars)
            {
                break;
            }

            table.Append(row);
        }

        return page[..start] + table.ToString().TrimEnd('\n') + page[end..];
    }

    private static GeneratedAssembly AssertCrossPageCollisionHandled(string name, string diagnosticId, int? expectedTypes, params string[] everyFieldSurvives)
    {
        var pages = Load(name);
        var generated = GeneratedAssembly.Build(pages);
        Assert.True(generated.GeneratorDiagnostics.All(d => d.Id.StartsWith("ADG", StringComparison.Ordinal)), "The generator threw:\n" + generated.DescribeProblems());
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
        Assert.Contains(generated.GeneratorDiagnostics, d => d.Id == diagnosticId);
        OutputChecks.AssertUniqueHintNames(generated.Sources.Select(s => s.HintName));

        var models = generated.Assembly!.GetTypes().Where(t => t.Namespace == "Authing.Sdk.Models" && !t.Name.EndsWith("JsonConverter", StringComparison.Ordinal)).ToList();
        var properties = models.SelectMany(t => t.GetProperties().Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var field in everyFieldSurvives)
        {
            Assert.True(properties.Contains(char.ToUpperInvariant(field[0]) + field[1..]), $"No generated type has the field '{field}': a definition was lost");
        }

        if (expectedTypes is { } count)
        {
            Assert.Equal(count, models.Count(t => t.Name.StartsWith("Widget", StringComparison.OrdinalIgnoreCase)));
        }

        var expected = Snapshot(OutputChecks.Compile(pages));
        foreach (var order in Permutations(pages))
        {
            Assert.Equal(expected, Snapshot(OutputChecks.Compile(order)));
        }

        return generated;
    }

    private static string Snapshot(DocsCompilation result) =>
        string.Join("\n", result.Sources.Select(s => "// " + s.HintName + "\n" + s.Text))
        + string.Join("\n", result.Diagnostics.Select(d => $"{d.Id} {d.Location} {string.Join("|", d.MessageArgs)}").Order(StringComparer.Ordinal));

    private static IEnumerable<IReadOnlyList<TestPage>> Permutations(IReadOnlyList<TestPage> pages)
    {
        if (pages.Count <= 1)
        {
            yield return pages;
            yield break;
        }

        for (var i = 0; i < pages.Count; i++)
        {
            foreach (var rest in Permutations(pages.Where((_, k) => k != i).ToList()))
            {
                yield return rest.Prepend(pages[i]).ToList();
            }
        }
    }

    internal static IReadOnlyList<TestPage> Load(string name) => FixtureFolder.Load("regressions", name);

    private static int LineOf(string text, string marker) => OutputChecks.Position(text, text.IndexOf(marker, StringComparison.Ordinal)).Line;

    private static int LastLineOf(string text, string marker) => OutputChecks.Position(text, text.LastIndexOf(marker, StringComparison.Ordinal)).Line;

    private static int InlineDepth(string text)
    {
        var document = Markdown.Parse(text, new MarkdownPipelineBuilder().UsePipeTables().Build());
        var deepest = 0;
        var pending = new Stack<(Inline Inline, int Depth)>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is { } root)
            {
                pending.Push((root, 1));
            }
        }

        while (pending.Count > 0)
        {
            var (inline, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            if (inline is ContainerInline container)
            {
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    pending.Push((child, depth + 1));
                }
            }
        }

        return deepest;
    }
}
