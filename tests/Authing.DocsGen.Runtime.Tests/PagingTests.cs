using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>
/// Auto-pagination (issue 12, item 2): the paging loop behind the generated <c>XxxItemsAsync</c>/<c>XxxPagesAsync</c>
/// companions, over a loopback server that serves WIRE.md §5 pages (<c>page</c>/<c>limit</c> in, <c>data: {list, totalCount}</c> out).
/// </summary>
public sealed class PagingTests
{
    private static ManagementClientOptions Options(string host) => new()
    {
        AccessKeyId = "test-ak",
        AccessKeySecret = "test-secret",
        Host = host,
        Retry = { MaxRetries = 0 },
    };

    /// <summary>A list server: answers each page request with what <paramref name="page"/> says, and records (page, limit).</summary>
    private sealed class ListServer : IAsyncDisposable
    {
        private readonly LoopbackServer _server;

        public ListServer(Func<int, long, long, (int Count, long? Total)> page, Func<int, string?>? envelope = null)
        {
            _server = new LoopbackServer(async (context, _) =>
            {
                long pageNumber = long.Parse(context.Request.QueryString["page"]!, System.Globalization.CultureInfo.InvariantCulture);
                long limit = long.Parse(context.Request.QueryString["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
                int index = Interlocked.Increment(ref _count) - 1;
                Requests.Enqueue((pageNumber, limit, context.Request.Headers["x-correlation-id"]));
                if (envelope?.Invoke(index) is { } body)
                {
                    await LoopbackServer.WriteAsync(context, 200, body);
                    return;
                }

                (int count, long? total) = page(index, pageNumber, limit);
                long offset = (pageNumber - 1) * limit;
                var items = Enumerable.Range(0, count).Select(i => "\"item-" + (offset + i) + "\"");
                await LoopbackServer.WriteAsync(context, 200, Page(index, items, total));
            });
        }

        private int _count;

        public string BaseUrl => _server.BaseUrl;

        public ConcurrentQueue<(long Page, long Limit, string? CorrelationId)> Requests { get; } = new();

        public long[] Pages => Requests.Select(r => r.Page).ToArray();

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }

    private static string Page(int index, IEnumerable<string> items, long? total) =>
        "{\"statusCode\":200,\"message\":\"ok\",\"requestId\":\"req-" + index + "\",\"data\":{\"list\":[" + string.Join(",", items) + "]"
        + (total is long t ? ",\"totalCount\":" + t : "") + "}}";

    /// <summary>A server holding <paramref name="total"/> items that honours page and limit and reports the true totalCount.</summary>
    private static Func<int, long, long, (int, long?)> Holding(long total) =>
        (_, page, limit) => ((int)Math.Clamp(total - ((page - 1) * limit), 0, limit), total);

    /// <summary>What a generated <c>XxxPagesAsync</c> does: one <c>GET</c> per page, through the transport, with the call's options.</summary>
    private static IAsyncEnumerable<AuthingPage<ListResponse, string>> Pages(
        ManagementTransport transport, long? startPage = null, long? limit = null, AuthingRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AuthingPaging.PagesAsync(
            startPage,
            limit,
            10L,
            (page, size, ct) =>
            {
                var call = new AuthingRequest(HttpMethod.Get, "/api/v3/list-widgets");
                call.AddQuery("page", page);
                call.AddQuery("limit", size);
                return transport.SendAsync(call, ListResponseConverter.Instance, options, ct);
            },
            static response => response.Data?.List,
            static response => response.Data?.TotalCount,
            cancellationToken);

    private static IAsyncEnumerable<string> Items(ManagementTransport transport, long? startPage = null, long? limit = null, AuthingRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AuthingPaging.ItemsAsync(Pages(transport, startPage, limit, options, cancellationToken), cancellationToken);

    public static TheoryData<int, int> Sizes()
    {
        var data = new TheoryData<int, int>();
        foreach (int pageSize in new[] { 1, 3, 10 })
        {
            foreach (int n in new[] { 0, 1, pageSize - 1, pageSize, pageSize + 1, 2 * pageSize, 3 * pageSize, (3 * pageSize) + 1 }.Distinct())
            {
                data.Add(n, pageSize);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_item_arrives_once_and_exactly_the_pages_that_hold_items_are_requested(int n, int pageSize)
    {
        await using var server = new ListServer(Holding(n));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        List<string> items = await ToListAsync(Items(transport, limit: pageSize));

        Assert.Equal(Enumerable.Range(0, n).Select(i => "item-" + i), items);
        long expectedPages = Math.Max(1, (n + pageSize - 1) / pageSize);
        Assert.Equal(Enumerable.Range(1, (int)expectedPages).Select(p => (long)p), server.Pages);
        Assert.All(server.Requests, r => Assert.Equal(pageSize, r.Limit));
    }

    [Fact]
    public async Task Without_a_limit_the_default_page_size_is_sent_and_the_start_page_is_one()
    {
        await using var server = new ListServer(Holding(25));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        Assert.Equal(25, (await ToListAsync(Items(transport))).Count);
        Assert.Equal(new[] { (1L, 10L), (2L, 10L), (3L, 10L) }, server.Requests.Select(r => (r.Page, r.Limit)));
    }

    [Fact]
    public async Task The_request_page_is_the_start_page_and_the_total_counts_the_pages_before_it()
    {
        await using var server = new ListServer(Holding(25));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        List<string> items = await ToListAsync(Items(transport, startPage: 2, limit: 10));

        Assert.Equal(Enumerable.Range(10, 15).Select(i => "item-" + i), items);
        Assert.Equal(new long[] { 2, 3 }, server.Pages);
    }

    [Fact]
    public async Task An_empty_first_page_is_one_request_and_one_empty_page_with_its_total()
    {
        await using var server = new ListServer(Holding(0));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        List<AuthingPage<ListResponse, string>> pages = await ToListAsync(Pages(transport, limit: 5));

        AuthingPage<ListResponse, string> page = Assert.Single(pages);
        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal(1, page.PageNumber);
        Assert.Equal(new long[] { 1 }, server.Pages);
        Assert.Empty(await ToListAsync(Items(transport, limit: 5)));
    }

    [Fact]
    public async Task An_empty_first_page_that_claims_items_still_ends_paging()
    {
        await using var server = new ListServer((_, _, _) => (0, 40));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        Assert.Empty(await ToListAsync(Items(transport, limit: 10)));
        Assert.Equal(new long[] { 1 }, server.Pages);
    }

    [Fact]
    public async Task Pages_carry_their_items_total_page_number_size_and_request_id()
    {
        await using var server = new ListServer(Holding(7));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        List<AuthingPage<ListResponse, string>> pages = await ToListAsync(Pages(transport, limit: 3));

        Assert.Equal(new long[] { 1, 2, 3 }, pages.Select(p => p.PageNumber));
        Assert.Equal(new[] { 3, 3, 1 }, pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(7, p.TotalCount));
        Assert.All(pages, p => Assert.Equal(3, p.PageSize));
        Assert.Equal(new[] { "req-0", "req-1", "req-2" }, pages.Select(p => p.RequestId));
        Assert.Equal(new[] { "item-6" }, pages[2].Response.Data!.List);
    }

    [Fact]
    public async Task A_total_that_grows_with_every_full_page_ends_at_the_pages_the_first_total_needs()
    {
        // Every page is full and claims one more page than has been served: without a bound this never ends.
        await using var server = new ListServer((_, page, limit) => ((int)limit, (page + 1) * limit));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        List<string> items = await ToListAsync(Items(transport, limit: 5)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(10, items.Count);
        Assert.Equal(new long[] { 1, 2 }, server.Pages);
    }

    [Fact]
    public async Task A_total_that_shrinks_mid_iteration_ends_paging_when_the_items_received_reach_it()
    {
        // 30 items at first; after the first page the list shrinks to 12.
        await using var server = new ListServer((index, page, limit) => index == 0 ? ((int)limit, 30) : ((int)Math.Clamp(12 - ((page - 1) * limit), 0, limit), 12));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        List<string> items = await ToListAsync(Items(transport, limit: 10));

        Assert.Equal(12, items.Count);
        Assert.Equal(new long[] { 1, 2 }, server.Pages);
    }

    [Fact]
    public async Task A_list_that_runs_out_before_its_total_ends_on_the_short_page()
    {
        // The server claims 100 but holds 23: the short third page ends paging, no request for page 4.
        await using var server = new ListServer((_, page, limit) => ((int)Math.Clamp(23 - ((page - 1) * limit), 0, limit), 100));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        Assert.Equal(23, (await ToListAsync(Items(transport, limit: 10))).Count);
        Assert.Equal(new long[] { 1, 2, 3 }, server.Pages);
    }

    [Fact]
    public async Task A_server_that_caps_the_limit_is_paged_to_the_end_by_its_total()
    {
        // Asked for 10 per page, the server returns at most 4 (and numbers pages by its own size): 10 items in 3 pages.
        await using var server = new ListServer((_, page, _) => ((int)Math.Clamp(10 - ((page - 1) * 4), 0, 4), 10));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        List<AuthingPage<ListResponse, string>> pages = await ToListAsync(Pages(transport, limit: 10));

        Assert.Equal(new[] { 4, 4, 2 }, pages.Select(p => p.Items.Count));
        Assert.Equal(new long[] { 1, 2, 3 }, server.Pages);
    }

    [Fact]
    public async Task Without_a_total_a_short_page_ends_paging()
    {
        await using var server = new ListServer((_, page, limit) => ((int)Math.Clamp(12 - ((page - 1) * limit), 0, limit), null));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        Assert.Equal(12, (await ToListAsync(Items(transport, limit: 5))).Count);
        Assert.Equal(new long[] { 1, 2, 3 }, server.Pages);
    }

    [Fact]
    public async Task Without_a_total_full_pages_forever_fail_after_the_page_ceiling_instead_of_looping()
    {
        // In memory: the ceiling is 10,000 pages.
        long requests = 0;
        var pages = AuthingPaging.PagesAsync<ListResponse, string>(
            null,
            2,
            10,
            (page, limit, _) =>
            {
                requests++;
                return Task.FromResult(new ListResponse { StatusCode = 200, Data = new ListData { List = new[] { "a", "b" } } });
            },
            static r => r.Data?.List,
            static r => r.Data?.TotalCount);

        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(() => ToListAsync(pages));

        Assert.Equal(AuthingErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(AuthingPaging.MaxPagesWithoutTotalCount, requests);
    }

    [Fact]
    public async Task Nothing_is_requested_until_the_first_item_is_read_and_each_page_only_when_needed()
    {
        await using var server = new ListServer(Holding(30));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        IAsyncEnumerable<string> items = Items(transport, limit: 10);
        Assert.Empty(server.Requests);

        await using IAsyncEnumerator<string> enumerator = items.GetAsyncEnumerator();
        for (int i = 0; i < 10; i++)
        {
            Assert.True(await enumerator.MoveNextAsync());
        }

        Assert.Equal(new long[] { 1 }, server.Pages);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new long[] { 1, 2 }, server.Pages);
    }

    [Fact]
    public async Task Cancelling_the_method_token_stops_between_pages()
    {
        await using var server = new ListServer(Holding(30));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (string item in Items(transport, limit: 10, cancellationToken: cancellation.Token))
            {
                seen.Add(item);
                if (seen.Count == 10)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(10, seen.Count);
        Assert.Equal(new long[] { 1 }, server.Pages);
    }

    [Fact]
    public async Task Cancelling_the_token_given_to_WithCancellation_stops_between_pages()
    {
        await using var server = new ListServer(Holding(30));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));
        using var cancellation = new CancellationTokenSource();

        int pages = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in Pages(transport, limit: 10).WithCancellation(cancellation.Token))
            {
                pages++;
                cancellation.Cancel();
            }
        });

        Assert.Equal(1, pages);
        Assert.Equal(new long[] { 1 }, server.Pages);
    }

    [Fact]
    public async Task The_call_options_go_with_every_page_request()
    {
        await using var server = new ListServer(Holding(7));
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));
        AuthingRequestOptions options = new AuthingRequestOptions().AddHeader("x-correlation-id", "paging-1");

        await ToListAsync(Items(transport, limit: 3, options: options));

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("paging-1", r.CorrelationId));
    }

    [Fact]
    public async Task A_business_error_on_a_later_page_throws_with_the_envelope()
    {
        await using var server = new ListServer(
            Holding(30),
            index => index == 1 ? "{\"statusCode\":403,\"apiCode\":4031,\"message\":\"no permission\",\"requestId\":\"req-x\"}" : null);
        using var http = new HttpClient();
        using var transport = new ManagementTransport(http, Options(server.BaseUrl));

        var seen = new List<string>();
        AuthingApiException ex = await Assert.ThrowsAsync<AuthingApiException>(async () =>
        {
            await foreach (string item in Items(transport, limit: 10))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(10, seen.Count);
        Assert.Equal(AuthingErrorKind.BusinessError, ex.Kind);
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(4031, ex.ApiCode);
        Assert.Equal("req-x", ex.RequestId);
    }

    [Fact]
    public void A_start_page_or_page_size_below_one_fails_at_the_call_not_at_the_first_page()
    {
        Func<long, long, CancellationToken, Task<ListResponse>> never = (_, _, _) => throw new InvalidOperationException("no request expected");

        Assert.Throws<ArgumentOutOfRangeException>(() => AuthingPaging.PagesAsync<ListResponse, string>(0, 10, 10, never, r => null, r => null));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuthingPaging.PagesAsync<ListResponse, string>(1, 0, 10, never, r => null, r => null));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuthingPaging.PagesAsync<ListResponse, string>(null, null, 0, never, r => null, r => null));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (T item in source)
        {
            list.Add(item);
        }

        return list;
    }

    public sealed class ListData
    {
        public IReadOnlyList<string>? List { get; init; }

        public long? TotalCount { get; init; }
    }

    public sealed class ListResponse : AuthingResponse
    {
        public ListData? Data { get; init; }
    }

    /// <summary>Reads the envelope with a <c>data: {list: string[], totalCount}</c> payload, as a generated converter would.</summary>
    public sealed class ListResponseConverter : JsonConverter<ListResponse>
    {
        public static readonly ListResponseConverter Instance = new();

        public override ListResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            JsonElement root = document.RootElement;
            ListData? data = null;
            if (root.TryGetProperty("data", out JsonElement payload) && payload.ValueKind == JsonValueKind.Object)
            {
                data = new ListData
                {
                    List = payload.TryGetProperty("list", out JsonElement list) ? list.EnumerateArray().Select(e => e.GetString()!).ToArray() : null,
                    TotalCount = payload.TryGetProperty("totalCount", out JsonElement total) ? total.GetInt64() : null,
                };
            }

            return new ListResponse
            {
                StatusCode = root.TryGetProperty("statusCode", out JsonElement status) ? status.GetInt32() : null,
                Message = root.TryGetProperty("message", out JsonElement message) ? message.GetString() : null,
                ApiCode = root.TryGetProperty("apiCode", out JsonElement apiCode) ? apiCode.GetInt32() : null,
                RequestId = root.TryGetProperty("requestId", out JsonElement requestId) ? requestId.GetString() : null,
                Data = data,
            };
        }

        public override void Write(Utf8JsonWriter writer, ListResponse value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }
}
