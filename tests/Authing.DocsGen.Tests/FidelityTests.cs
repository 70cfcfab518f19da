using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;
using Authing.DocsGen.Tests.Infrastructure;
using Authing.DocsGen.Tests.Properties;
using TypeKind = Authing.DocsGen.Model.TypeKind;

namespace Authing.DocsGen.Tests;

/// <summary>
/// Real docs are imperfect (issue 10): each test reproduces a fault found on real pages with a page in
/// <c>tests/fixtures/fidelity/</c> written in their style.
/// </summary>
public sealed class FidelityTests
{
    public static TheoryData<string> Fixtures() => FixtureFolder.Entries("fidelity");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fidelity_fixture_generates_code_that_compiles_without_warnings(string name)
    {
        var pages = Load(name);
        OutputChecks.AssertSafe(pages, OutputChecks.Compile(pages));
        var generated = GeneratedAssembly.Build(pages);
        Assert.True(generated.Problems.Count == 0 && generated.GeneratorDiagnostics.All(d => d.Id.StartsWith("ADG", StringComparison.Ordinal)), generated.DescribeProblems());
    }

    /// <summary>An unbalanced backtick or a missing colon in one bullet lost the whole enum (or one value).</summary>
    [Fact]
    public void Enum_bullets_with_a_missing_backtick_or_colon_keep_every_value()
    {
        var page = Parse("enum-bullets-damaged.md");
        string[] Values(string owner, string field) => page.Enums.Single(e => e.Name == owner + field).Members.Select(m => m.Value).ToArray();

        Assert.Equal(new[] { "SMS", "EMAIL", "WECHAT" }, Values("SetWidgetNotice", "Channel"));
        Assert.Equal(new[] { "LOW", "MEDIUM", "HIGH" }, Values("SetWidgetNotice", "Level"));
        Assert.Equal(new[] { "TEXT", "HTML", "MARKDOWN" }, Values("SetWidgetNotice", "Format"));
        Assert.Equal(new[] { "cn-north", "eu-west", "us-east" }, Values("SetWidgetNotice", "Region"));
        Assert.Equal(new[] { "SYNC", "ASYNC", "BATCH" }, Values("SetWidgetNotice", "Mode"));
        Assert.Equal("短信", page.Enums.Single(e => e.Name == "SetWidgetNoticeChannel").Members[0].Description);
        Assert.Equal("欧洲西部", page.Enums.Single(e => e.Name == "SetWidgetNoticeRegion").Members[1].Description);

        // Prose lists stay prose.
        var request = page.Dtos.Single(d => d.Role == DtoRole.Request);
        Assert.Equal(TypeKind.String, request.Fields.Single(f => f.WireName == "note").Type.Kind);
        Assert.Equal(TypeKind.String, request.Fields.Single(f => f.WireName == "hint").Type.Kind);
    }

    [Theory]
    [InlineData("- `A`: x\n- `B`: y", "A,B")]
    [InlineData("- `A: x\n- `B`: y", "A,B")]
    [InlineData("- A`: x\n- B: y", "A,B")]
    [InlineData("- `A` x\n- `B` y", "A,B")]
    [InlineData("- `A`\n- B", "A,B")]
    [InlineData("- `urn:x:y`: grant\n- `B`: y", "urn:x:y,B")]
    [InlineData("- `A`: x\n- B y", "A,B")]
    [InlineData("- A y\n- B y", "")]
    [InlineData("- 用户名：x\n- `B`: y", "")]
    [InlineData("- foo(bar)\n- `B`", "")]
    public void Enum_rule_reads_damaged_bullets(string description, string expected)
    {
        var (_, members) = EnumRules.Read("Values:\n" + description, string.Empty);
        Assert.Equal(expected, members is null ? string.Empty : string.Join(",", members.Select(m => m.Value)));
    }

    /// <summary>Some real slugs are camelCase; the route was kebab-cased, which the server does not know.</summary>
    [Fact]
    public void Route_uses_the_file_slug_verbatim_including_its_case()
    {
        Assert.Equal("/api/v3/pub-widgetEvent", Parse("pub-widgetEvent.md").Method!.Route);
        Assert.Equal("/api/v3/pub-userEvent", RouteRules.FromFileName("pub-userEvent"));
        Assert.Equal("/api/v3/get_widget.v2", RouteRules.FromFileName("get_widget.v2"));
        Assert.Equal("/api/v3/get-widget-copy-1", RouteRules.FromFileName("get widget (copy 1)"));
    }

    /// <summary>Older pages carry no query-row marker: a read-named page with scalar parameters was POST.</summary>
    [Fact]
    public void Read_named_page_without_the_marker_and_with_scalar_parameters_is_GET()
    {
        var method = Parse("get-widget-usage.md").Method!;
        Assert.Equal(HttpVerb.Get, method.Verb);
        Assert.Equal(FactSource.NamePrefix, method.VerbSource);
    }

    [Fact]
    public void Parameterless_page_is_GET_unless_its_name_is_an_action()
    {
        Assert.Equal(HttpVerb.Get, Parse("list-widget-zones.md").Method!.Verb);
        Assert.Equal(HttpVerb.Post, Parse("logout-widget-sessions.md").Method!.Verb);
    }

    [Theory]
    [InlineData(true, "String", "CreateWidget", "GET")]
    [InlineData(true, "Dto", "GetWidget", "POST")]
    [InlineData(false, "String", "GetWidget", "GET")]
    [InlineData(false, "String,Enum,Int64,Boolean,Double", "SearchWidgets", "GET")]
    [InlineData(false, "String", "IsWidgetActive", "GET")]
    [InlineData(false, "String", "CheckWidget", "GET")]
    [InlineData(false, "String", "CountWidgets", "GET")]
    [InlineData(false, "StringList", "ListWidgets", "POST")]
    [InlineData(false, "Json", "GetWidget", "POST")]
    [InlineData(false, "String", "UpdateWidget", "POST")]
    [InlineData(false, "String", "Getaway", "POST")]
    [InlineData(false, "", "GetServerTime", "GET")]
    [InlineData(false, "", "UserInfo", "GET")]
    [InlineData(false, "", "Logout", "POST")]
    [InlineData(false, "", "RevokeAllTokens", "POST")]
    public void Verb_rule(bool marker, string parameterKinds, string methodName, string expected)
    {
        var parameters = parameterKinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(kind => kind switch
        {
            "StringList" => TypeRef.ListOf(TypeRef.String),
            "Dto" => TypeRef.Dto("X"),
            "Enum" => TypeRef.Enum("E"),
            _ => new TypeRef(Enum.Parse<TypeKind>(kind)),
        }).ToList();
        Assert.Equal(expected, VerbRules.Infer(marker, parameters, methodName).Verb.ToString().ToUpperInvariant());
    }

    /// <summary>A plain <c>array</c> (or an empty type) whose element type the page shows became a list of free-form JSON.</summary>
    [Fact]
    public void Array_element_types_are_inferred_from_examples_links_and_the_response_example()
    {
        var page = Parse("array-element-types.md");
        var request = page.Dtos.Single(d => d.Role == DtoRole.Request);
        string TypeOf(DtoModel dto, string field) => dto.Fields.Single(f => f.WireName == field).Type.ToString();

        Assert.Equal("String[]", TypeOf(request, "widgetIds"));
        Assert.Equal("Double[]", TypeOf(request, "weights"));
        Assert.Equal("Int64[]", TypeOf(request, "years"));
        Assert.Equal("Boolean[]", TypeOf(request, "flags"));
        Assert.Equal("WidgetLabelOwnerDto[]", TypeOf(request, "owners"));
        Assert.Equal("Json[]", TypeOf(request, "mixed"));
        Assert.Equal("Json", TypeOf(request, "extra"));

        var response = page.Dtos.Single(d => d.Role == DtoRole.Response);
        Assert.Equal("WidgetLabelStatDto[]", TypeOf(response, "data"));
        var stat = page.Dtos.Single(d => d.Name == "WidgetLabelStatDto");
        Assert.Equal("String[]", TypeOf(stat, "aliases"));
        Assert.Equal("WidgetLabelHitDto[]", TypeOf(stat, "history"));

        var inferred = page.Diagnostics.Where(d => d.Id == "ADG026").Select(d => d.MessageArgs[0]).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "aliases", "data", "flags", "history", "owners", "weights", "widgetIds", "years" }, inferred);
        Assert.All(page.Diagnostics.Where(d => d.Id == "ADG026"), d => Assert.NotNull(d.Location));
        Assert.Single(page.Diagnostics, d => d.Id == "ADG007" && d.MessageArgs[0] == "extra");
    }

    [Fact]
    public void Response_data_typed_array_is_a_list_of_the_only_unreferenced_data_structure()
    {
        var page = Parse("list-widget-zones.md");
        var response = page.Dtos.Single(d => d.Role == DtoRole.Response);
        Assert.Equal("WidgetZoneDto[]", response.Fields.Single(f => f.WireName == "data").Type.ToString());
        Assert.Contains(page.Diagnostics, d => d.Id == "ADG026" && d.MessageArgs[3].Contains("no field refers to", StringComparison.Ordinal));
    }

    /// <summary>
    /// Three pages define WidgetSingleRespDto → WidgetDto → WidgetOwnerDto; a and b agree, c's WidgetOwnerDto has one
    /// more field. The parents used to be shared, so a and b's response pointed at whichever owner came first and c lost
    /// its field, or the other way round.
    /// </summary>
    [Fact]
    public void Types_are_shared_across_pages_only_when_equal_all_the_way_down()
    {
        var result = OutputChecks.Compile(Load("cross-page"));
        var api = result.Api;
        DtoModel Dto(string name) => api.Dtos.Single(d => d.Name == name);
        string Response(string method) => api.Methods.Single(m => m.Method.Name == method).Method.ResponseDtoName!;

        Assert.Equal("WidgetSingleRespDto", Response("GetWidgetA"));
        Assert.Equal("WidgetSingleRespDto", Response("GetWidgetB"));
        Assert.Equal("GetWidgetCWidgetSingleRespDto", Response("GetWidgetC"));

        Assert.Equal("WidgetDto", Dto("WidgetSingleRespDto").Fields.Single(f => f.WireName == "data").Type.Name);
        Assert.Equal("WidgetOwnerDto", Dto("WidgetDto").Fields.Single(f => f.WireName == "owner").Type.Name);
        Assert.Equal(new[] { "userId" }, Dto("WidgetOwnerDto").Fields.Select(f => f.WireName));

        Assert.Equal("GetWidgetCWidgetDto", Dto("GetWidgetCWidgetSingleRespDto").Fields.Single(f => f.WireName == "data").Type.Name);
        Assert.Equal("GetWidgetCWidgetOwnerDto", Dto("GetWidgetCWidgetDto").Fields.Single(f => f.WireName == "owner").Type.Name);
        Assert.Equal(new[] { "userId", "email" }, Dto("GetWidgetCWidgetOwnerDto").Fields.Select(f => f.WireName));

        var conflicts = result.Diagnostics.Where(d => d.Id == "ADG014").ToList();
        Assert.Equal(3, conflicts.Count);
        Assert.All(conflicts, d => Assert.EndsWith("get-widget-c.md", d.Location!.FilePath, StringComparison.Ordinal));
    }

    /// <summary>A row that ends with '|' but lacks cells was not reported; only rows without the closing pipe were.</summary>
    [Fact]
    public void A_short_row_is_reported_even_when_it_ends_with_a_pipe()
    {
        var page = Parse("short-row-with-closing-pipe.md");
        var shortRow = Assert.Single(page.Diagnostics, d => d.Id == "ADG012");
        Assert.Equal("purgeAt", shortRow.MessageArgs[0]);
        Assert.Equal("4", shortRow.MessageArgs[1]);
        Assert.Equal("6", shortRow.MessageArgs[2]);
    }

    /// <summary>Findings about one cell pointed at column 1 of the row; they point at the cell now.</summary>
    [Fact]
    public void Cell_diagnostics_point_at_their_cell()
    {
        var path = Path.Combine(Paths.Fixtures, "pages", "management", "tenants", "get-tenant-config.md");
        var text = File.ReadAllText(path);
        var page = PageParser.Parse("pages/management/tenants/get-tenant-config.md", text, PageOverrides.None);

        var contradiction = Assert.Single(page.Diagnostics, d => d.Id == "ADG011");
        var location = contradiction.Location!;
        var line = text.Split('\n')[location.StartLine];
        Assert.True(location.StartColumn > 0, "ADG011 still points at column 1");
        Assert.Equal("`10`", line.Substring(location.StartColumn, location.EndColumn - location.StartColumn).Trim());
    }

    /// <summary>A page with a method-name section but no tables vanished behind an info (ADG001).</summary>
    [Fact]
    public void A_page_that_looks_like_an_API_page_but_yields_no_method_is_a_warning()
    {
        var page = Parse("method-name-but-no-tables.md");
        Assert.Null(page.Method);
        var warning = Assert.Single(page.Diagnostics, d => d.Id == "ADG040");
        Assert.Contains("ManagementClient.refreshWidgetCache", warning.MessageArgs[1], StringComparison.Ordinal);
        Assert.DoesNotContain(page.Diagnostics, d => d.Id == "ADG001");
    }

    [Fact]
    public void A_build_reports_one_summary_and_warns_when_no_method_is_generated()
    {
        var some = OutputChecks.Compile(Load("cross-page").Concat(Load("method-name-but-no-tables.md")).ToList());
        var summary = Assert.Single(some.Diagnostics, d => d.Id == "ADG042");
        Assert.Equal("4 pages read", summary.MessageArgs[0]);
        Assert.StartsWith("3 methods, ", summary.MessageArgs[1], StringComparison.Ordinal);
        Assert.EndsWith("; 1 page skipped (most often: it has no request-parameter or response section)", summary.MessageArgs[1], StringComparison.Ordinal);
        Assert.DoesNotContain(some.Diagnostics, d => d.Id == "ADG041");

        var none = DocsCompiler.Compile(Array.Empty<DocsPage>(), GeneratorOptions.Default);
        Assert.Single(none.Diagnostics, d => d.Id == "ADG041");
        Assert.Equal("0 pages read", Assert.Single(none.Diagnostics, d => d.Id == "ADG042").MessageArgs[0]);
    }

    private static PageModel Parse(string name)
    {
        var page = Load(name).Single();
        return PageParser.Parse(page.Path, page.Text, PageOverrides.None);
    }

    private static IReadOnlyList<TestPage> Load(string name) => FixtureFolder.Load("fidelity", name);
}
