using System;
using System.Collections.Generic;

namespace Authing.Sdk;

/// <summary>
/// One page of a paginated list method (WIRE.md §4: <c>data: {list, totalCount}</c>), as yielded by the generated
/// <c>XxxPagesAsync</c> companions: the page's items, the server's <c>totalCount</c>, the page number and the response.
/// </summary>
/// <typeparam name="TResponse">The generated response type of the list method.</typeparam>
/// <typeparam name="TItem">The type of the list's items.</typeparam>
public sealed class AuthingPage<TResponse, TItem>
    where TResponse : class
{
    /// <summary>Creates a page; the SDK creates them while paging, tests and test doubles may create their own.</summary>
    /// <param name="response">The response the page was read from.</param>
    /// <param name="items">The page's items (empty when the response has no list).</param>
    /// <param name="totalCount">The <c>totalCount</c> the server sent with this page, if any.</param>
    /// <param name="pageNumber">The <c>page</c> value this page was requested with (1 is the first page).</param>
    /// <param name="pageSize">The <c>limit</c> value this page was requested with.</param>
    public AuthingPage(TResponse response, IReadOnlyList<TItem> items, long? totalCount, long pageNumber, long pageSize)
    {
        Response = response ?? throw new ArgumentNullException(nameof(response));
        Items = items ?? throw new ArgumentNullException(nameof(items));
        TotalCount = totalCount;
        PageNumber = pageNumber;
        PageSize = pageSize;
    }

    /// <summary>The page's items, in the server's order; never null.</summary>
    public IReadOnlyList<TItem> Items { get; }

    /// <summary>
    /// The number of items in the whole list according to this page's response (<c>data.totalCount</c>); it can change
    /// between pages when the list changes on the server.
    /// </summary>
    public long? TotalCount { get; }

    /// <summary>The <c>page</c> value sent for this page (1 is the first page).</summary>
    public long PageNumber { get; }

    /// <summary>The <c>limit</c> value sent for this page (the server may return fewer items).</summary>
    public long PageSize { get; }

    /// <summary>The whole typed response this page was read from.</summary>
    public TResponse Response { get; }

    /// <summary>The envelope's <c>requestId</c>, when the response has one.</summary>
    public string? RequestId => (Response as AuthingResponse)?.RequestId;
}
