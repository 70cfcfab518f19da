using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using Authing.DocsGen.Model;
using Authing.DocsGen.Resolution;
using Authing.DocsGen.Tests.Infrastructure;
using Authing.DocsGen.Tests.Properties;
using Authing.Sdk;

namespace Authing.DocsGen.Tests;

/// <summary>
/// Auto-pagination on the generator side (issue 12, item 2): which methods resolution marks as paging (WIRE.md §5), how
/// their companions are named, and the generated companions paging a server through the generated client. The paging
/// rules themselves are tested once, in the runtime (<c>PagingTests</c>).
/// </summary>
public sealed class PaginationTests
{
    private static TestPage Fixture(string relativePath) =>
        TestPage.FromFile(Paths.Fixtures, Path.Combine(Paths.Fixtures, "pages", relativePath));

    private static ResolvedMethod Method(DocsCompilation compilation, string name) =>
        Assert.Single(compilation.Api.Methods, m => m.Method.Name == name);

    [Fact]
    public void A_list_method_with_page_limit_list_and_total_count_pages_with_its_item_type_and_property_names()
    {
        var compilation = OutputChecks.Compile(new[] { Fixture("management/widgets/list-widgets.md") });

        var pagination = Method(compilation, "ListWidgets").Pagination;

        Assert.Equal(
            new PaginationModel("ListWidgetsItemsAsync", "ListWidgetsPagesAsync", "Page", "Limit", "Data", "List", "TotalCount", TypeRef.Dto("WidgetListItemDto"), 10),
            pagination);
    }

    [Fact]
    public void A_search_method_with_the_same_shape_pages_too()
    {
        var compilation = OutputChecks.Compile(new[] { Fixture("management/gadgets/search-gadgets.md") });

        var pagination = Method(compilation, "SearchGadgets").Pagination;

        Assert.Equal("SearchGadgetsItemsAsync", pagination?.ItemsMethod);
        Assert.Equal(TypeRef.Dto("GadgetSearchItemDto"), pagination?.ItemType);
    }

    [Theory]
    [InlineData("management/badges/list-badge-templates.md", "ListBadgeTemplates")] // list + totalCount, but no page/limit
    [InlineData("management/devices/list-devices.md", "ListDevices")] // data is a bare array
    [InlineData("management/widgets/get-widget.md", "GetWidget")]
    public void A_method_without_the_whole_pagination_shape_gets_no_companions(string page, string method)
    {
        var compilation = OutputChecks.Compile(new[] { Fixture(page) });

        Assert.Null(Method(compilation, method).Pagination);
        Assert.DoesNotContain(compilation.Sources, s => s.Text.Contains("ItemsAsync(", StringComparison.Ordinal) || s.Text.Contains("AuthingPaging", StringComparison.Ordinal));
    }

    [Fact]
    public void A_companion_name_another_method_has_gets_a_suffix_and_ADG043_and_everything_compiles()
    {
        // A second page whose method is called listWidgetsItems: the name listWidgets' items companion would take.
        var listWidgets = Fixture("management/widgets/list-widgets.md");
        var clash = new TestPage(
            "management/widgets/list-widgets-items.md",
            listWidgets.Text.Replace("managementClient.listWidgets(", "managementClient.listWidgetsItems(", StringComparison.Ordinal));
        var pages = new[] { listWidgets, clash };

        var compilation = OutputChecks.Compile(pages);

        Assert.Equal("ListWidgetsItems2Async", Method(compilation, "ListWidgets").Pagination?.ItemsMethod);
        Assert.Equal("ListWidgetsPagesAsync", Method(compilation, "ListWidgets").Pagination?.PagesMethod);
        Assert.Equal("ListWidgetsItemsItemsAsync", Method(compilation, "ListWidgetsItems").Pagination?.ItemsMethod);
        var warning = Assert.Single(compilation.Diagnostics, d => d.Id == "ADG043");
        Assert.Equal(new[] { "ListWidgetsItemsAsync", "ManagementClient", "ListWidgetsAsync", "ListWidgetsItems2Async" }, warning.MessageArgs);
        Assert.Equal("pages/management/widgets/list-widgets.md", warning.Location?.FilePath);

        var generated = GeneratedAssembly.Build(pages);
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
    }

    [Fact]
    public async Task Generated_companions_page_through_the_client_without_changing_the_request()
    {
        var generated = GeneratedAssembly.Build(new[] { Fixture("management/widgets/list-widgets.md") });
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
        var handler = new ListHandler(total: 7);
        var client = ManagementClient(generated, handler);
        var request = Activator.CreateInstance(generated.Model("ListWidgetsDto"))!;
        request.GetType().GetProperty("Limit")!.SetValue(request, 3L);
        request.GetType().GetProperty("Keywords")!.SetValue(request, "lamp");

        var items = (IAsyncEnumerable<object>)Invoke(client, "ListWidgetsItemsAsync", request, CancellationToken.None);
        var ids = new List<string>();
        await foreach (var item in items)
        {
            ids.Add((string)GeneratedAssembly.Get(item, "WidgetId")!);
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => "w" + i), ids);
        Assert.Equal(new[] { "page=1&limit=3", "page=2&limit=3", "page=3&limit=3" }, handler.Queries.Select(q => q.Substring(0, q.IndexOf("&status", StringComparison.Ordinal) is var i and >= 0 ? i : q.IndexOf("&sortOrder", StringComparison.Ordinal))));
        Assert.All(handler.Queries, q => Assert.Contains("keywords=lamp", q, StringComparison.Ordinal));
        Assert.Null(request.GetType().GetProperty("Page")!.GetValue(request));
        Assert.Equal(3L, request.GetType().GetProperty("Limit")!.GetValue(request));

        // The pages companion, with per-call options: the same requests again, each carrying the options' header.
        handler.Queries.Clear();
        handler.CorrelationIds.Clear();
        var options = new AuthingRequestOptions().AddHeader("x-correlation-id", "pages");
        var pages = (IAsyncEnumerable<object>)Invoke(client, "ListWidgetsPagesAsync", request, options, CancellationToken.None);
        var seen = new List<(long Page, int Count, long? Total)>();
        await foreach (var page in pages)
        {
            var type = page.GetType();
            seen.Add(((long)type.GetProperty("PageNumber")!.GetValue(page)!, ((System.Collections.ICollection)type.GetProperty("Items")!.GetValue(page)!).Count, (long?)type.GetProperty("TotalCount")!.GetValue(page)));
        }

        Assert.Equal(new[] { (1L, 3, (long?)7), (2L, 3, 7), (3L, 1, 7) }, seen);
        Assert.Equal(3, handler.Queries.Count);
        Assert.All(handler.CorrelationIds, id => Assert.Equal("pages", id));
    }

    [Fact]
    public async Task A_post_list_of_strings_pages_in_the_body_with_the_docs_default_page_size()
    {
        var page = TestPage.FromFile(Paths.Fixtures, Path.Combine(Paths.Fixtures, "fidelity", "list-widget-tag-names.md"));
        var compilation = OutputChecks.Compile(new[] { page });
        var resolved = Assert.Single(compilation.Api.Methods);
        Assert.Equal(HttpVerb.Post, resolved.Method.Verb);
        Assert.Equal(TypeRef.String, resolved.Pagination?.ItemType);
        Assert.Equal(20, resolved.Pagination?.DefaultPageSize);

        var generated = GeneratedAssembly.Build(new[] { page });
        Assert.True(generated.Problems.Count == 0, generated.DescribeProblems());
        var bodies = new ConcurrentQueue<string>();
        var handler = new BodyHandler(bodies, total: 45);
        var request = Activator.CreateInstance(generated.Model("ListWidgetTagNamesDto"))!;
        request.GetType().GetProperty("WidgetId")!.SetValue(request, "w_01");

        var names = new List<string>();
        await foreach (var name in (IAsyncEnumerable<string>)Invoke(ManagementClient(generated, handler), "ListWidgetTagNamesItemsAsync", request, CancellationToken.None))
        {
            names.Add(name);
        }

        Assert.Equal(Enumerable.Range(0, 45).Select(i => "tag-" + i), names);
        Assert.Equal(
            new[] { "{\"widgetId\":\"w_01\",\"page\":1,\"limit\":20}", "{\"widgetId\":\"w_01\",\"page\":2,\"limit\":20}", "{\"widgetId\":\"w_01\",\"page\":3,\"limit\":20}" },
            bodies);
    }

    [Fact]
    public void The_companions_are_on_the_client_interface_and_virtual()
    {
        var generated = GeneratedAssembly.Build(new[] { Fixture("management/widgets/list-widgets.md") });
        var assembly = generated.Assembly!;
        var contract = assembly.GetType("Authing.Sdk.IManagementClient")!;
        var client = assembly.GetType("Authing.Sdk.ManagementClient")!;

        foreach (var name in new[] { "ListWidgetsItemsAsync", "ListWidgetsPagesAsync" })
        {
            Assert.Equal(2, contract.GetMethods().Count(m => m.Name == name));
            Assert.All(client.GetMethods().Where(m => m.Name == name), m => Assert.True(m.IsVirtual && !m.IsFinal));
        }
    }

    private static object ManagementClient(GeneratedAssembly generated, HttpMessageHandler handler)
    {
        var type = generated.Assembly!.GetType("Authing.Sdk.ManagementClient")!;
        var options = new ManagementClientOptions
        {
            AccessKeyId = "test-ak",
            AccessKeySecret = "test-secret",
            Host = "http://paging.test",
            Retry = { MaxRetries = 0 },
        };
        return Activator.CreateInstance(type, new HttpClient(handler), options, null)!;
    }

    private static object Invoke(object target, string name, params object[] arguments)
    {
        var method = target.GetType().GetMethods().Single(m => m.Name == name && m.GetParameters().Length == arguments.Length);
        try
        {
            return method.Invoke(target, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    /// <summary>Serves <c>list-widget-tag-names</c> pages of strings, reading page and limit from the JSON body.</summary>
    private sealed class BodyHandler(ConcurrentQueue<string> bodies, int total) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            bodies.Enqueue(body);
            using var json = System.Text.Json.JsonDocument.Parse(body);
            var page = json.RootElement.GetProperty("page").GetInt32();
            var limit = json.RootElement.GetProperty("limit").GetInt32();
            var first = (page - 1) * limit;
            var items = Enumerable.Range(first, Math.Clamp(total - first, 0, limit)).Select(i => $"\"tag-{i}\"");
            var text = $"{{\"statusCode\":200,\"message\":\"ok\",\"data\":{{\"list\":[{string.Join(",", items)}],\"totalCount\":{total}}}}}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        }
    }

    /// <summary>Serves <c>list-widgets</c> pages from a list of <c>total</c> widgets, honouring page and limit.</summary>
    private sealed class ListHandler(int total) : HttpMessageHandler
    {
        public ConcurrentQueue<string> Queries { get; } = new();

        public ConcurrentQueue<string?> CorrelationIds { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = request.RequestUri!.Query.TrimStart('?');
            Queries.Enqueue(query);
            CorrelationIds.Enqueue(request.Headers.TryGetValues("x-correlation-id", out var values) ? values.Single() : null);
            var parameters = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            var page = int.Parse(parameters["page"], System.Globalization.CultureInfo.InvariantCulture);
            var limit = int.Parse(parameters["limit"], System.Globalization.CultureInfo.InvariantCulture);
            var first = (page - 1) * limit;
            var items = Enumerable.Range(first, Math.Clamp(total - first, 0, limit))
                .Select(i => $"{{\"widgetId\":\"w{i}\",\"name\":\"Widget {i}\",\"status\":\"ACTIVE\",\"createdAt\":1669876543210}}");
            var body = $"{{\"statusCode\":200,\"message\":\"ok\",\"data\":{{\"list\":[{string.Join(",", items)}],\"totalCount\":{total}}}}}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
