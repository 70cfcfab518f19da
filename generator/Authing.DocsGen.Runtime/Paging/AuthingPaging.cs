using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Authing.Sdk.Runtime;

/// <summary>
/// The paging loop behind the generated <c>XxxItemsAsync</c> / <c>XxxPagesAsync</c> companions of list methods
/// (WIRE.md §4: the request has <c>page</c> and <c>limit</c>, the response <c>data: {list, totalCount}</c>).
/// </summary>
/// <remarks>
/// <para>
/// Pages are requested lazily, one at a time, when the consumer asks for the next item or page, starting at the start
/// page (1 unless the request says otherwise) with the same page size every time. After each page the loop stops, without
/// requesting another page, as soon as one of these holds:
/// </para>
/// <list type="number">
/// <item>the page is empty (no items, or no list at all);</item>
/// <item>the items received so far, plus the <c>(startPage − 1) × pageSize</c> items before the start page, reach the
/// <c>totalCount</c> of that page: with a server whose list does not change, the last page is never followed by a request
/// for an empty one;</item>
/// <item>the page is short: a later page has fewer items than the first page had, or the first page has fewer items than
/// the page size and no <c>totalCount</c>. The first page's count, not the page size, is the yardstick, because a server
/// that caps <c>limit</c> (asked 100, returns 50) would otherwise end the loop after one page;</item>
/// <item>the pages needed for the first page's <c>totalCount</c> at the first page's size have all been received. This
/// bound is what ends a server whose <c>totalCount</c> keeps growing while it returns full pages; it is not enough on its
/// own (a shrinking <c>totalCount</c> or a server that runs out of items early is handled by 1–3, and a response without
/// <c>totalCount</c> gives no bound at all);</item>
/// <item>with no <c>totalCount</c> on the first page, <see cref="MaxPagesWithoutTotalCount"/> pages have been received:
/// then <see cref="AuthingApiException"/> (<see cref="AuthingErrorKind.InvalidResponse"/>) is thrown rather than loop for ever
/// or silently return part of a list.</item>
/// </list>
/// <para>
/// Items added or removed on the server while paging shift offset-based pages: an item can then be seen twice or missed,
/// as with any <c>page</c>/<c>limit</c> API. A business error (an envelope whose <c>statusCode</c> is not 200) on any page
/// throws <see cref="AuthingApiException"/> of kind <see cref="AuthingErrorKind.BusinessError"/>, whatever
/// <c>ThrowOnBusinessError</c> says: an item stream has no other way to report it.
/// </para>
/// </remarks>
public static class AuthingPaging
{
    /// <summary>The page size used when neither the request's <c>limit</c> nor the docs give one: Authing's documented default.</summary>
    public const long DefaultPageSize = 10;

    /// <summary>How many pages are read from a server that sends no <c>totalCount</c> before the loop gives up (rule 5).</summary>
    public const long MaxPagesWithoutTotalCount = 10_000;

    /// <summary>Pages of a list method, requested lazily; see the type's remarks for when paging stops.</summary>
    /// <typeparam name="TResponse">The list method's response type.</typeparam>
    /// <typeparam name="TItem">The type of the list's items.</typeparam>
    /// <param name="startPage">The first <c>page</c> to request (the request's own <c>page</c>); null means 1.</param>
    /// <param name="pageSize">The <c>limit</c> sent with every page (the request's own <c>limit</c>); null means <paramref name="defaultPageSize"/>.</param>
    /// <param name="defaultPageSize">The page size when <paramref name="pageSize"/> is null: the docs' default for <c>limit</c>, else <see cref="DefaultPageSize"/>.</param>
    /// <param name="fetchPage">Sends one page request: <c>(page, limit, cancellationToken)</c> → the response. Called once per page.</param>
    /// <param name="items">Reads the items of a response (<c>data.list</c>); null counts as empty.</param>
    /// <param name="totalCount">Reads the <c>totalCount</c> of a response (<c>data.totalCount</c>), if any.</param>
    /// <param name="cancellationToken">Cancels paging, between pages and inside a page request.</param>
    /// <returns>The pages; each enumeration sends its own requests.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The start page or page size is less than 1.</exception>
    public static IAsyncEnumerable<AuthingPage<TResponse, TItem>> PagesAsync<TResponse, TItem>(
        long? startPage,
        long? pageSize,
        long defaultPageSize,
        Func<long, long, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, IReadOnlyList<TItem>?> items,
        Func<TResponse, long?> totalCount,
        CancellationToken cancellationToken = default)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(totalCount);
        long start = startPage ?? 1;
        long size = pageSize ?? defaultPageSize;
        if (start < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(startPage), start, "Pages are numbered from 1.");
        }

        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), size, "The page size (limit) must be at least 1.");
        }

        return PagesCore(start, size, fetchPage, items, totalCount, cancellationToken);
    }

    /// <summary>The items of every page, in order, requesting pages lazily as the consumer reads.</summary>
    /// <typeparam name="TResponse">The list method's response type.</typeparam>
    /// <typeparam name="TItem">The type of the list's items.</typeparam>
    /// <param name="pages">The pages, usually from the generated <c>XxxPagesAsync</c> method.</param>
    /// <param name="cancellationToken">Cancels paging.</param>
    /// <returns>The items.</returns>
    public static IAsyncEnumerable<TItem> ItemsAsync<TResponse, TItem>(
        IAsyncEnumerable<AuthingPage<TResponse, TItem>> pages,
        CancellationToken cancellationToken = default)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(pages);
        return ItemsCore(pages, cancellationToken);
    }

    private static async IAsyncEnumerable<TItem> ItemsCore<TResponse, TItem>(
        IAsyncEnumerable<AuthingPage<TResponse, TItem>> pages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TResponse : class
    {
        await foreach (AuthingPage<TResponse, TItem> page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (TItem item in page.Items)
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<AuthingPage<TResponse, TItem>> PagesCore<TResponse, TItem>(
        long startPage,
        long pageSize,
        Func<long, long, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, IReadOnlyList<TItem>?> readItems,
        Func<TResponse, long?> readTotalCount,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TResponse : class
    {
        long before = SaturatingMultiply(startPage - 1, pageSize);
        long received = 0;
        long firstPageCount = 0;
        long? pageBound = null;
        for (long index = 0, page = startPage; ; index++, page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TResponse response = await fetchPage(page, pageSize, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The page request returned no response.");
            ThrowIfBusinessError(response, page);

            IReadOnlyList<TItem> items = readItems(response) ?? Array.Empty<TItem>();
            long? total = readTotalCount(response);
            long count = items.Count;
            received = SaturatingAdd(received, count);
            bool last;
            if (index == 0)
            {
                firstPageCount = count;
                if (total is long firstTotal && count > 0)
                {
                    pageBound = CeilingDivide(Math.Max(0, firstTotal - before), count);
                }

                // Rules 1, 2, 3 (first page: short only when there is no totalCount to say more are coming).
                last = count == 0
                    || (total is long t && SaturatingAdd(before, received) >= t)
                    || (total is null && count < pageSize);
            }
            else
            {
                // Rules 1, 2, 3 and 4.
                last = count == 0
                    || (total is long t && SaturatingAdd(before, received) >= t)
                    || count < firstPageCount
                    || (pageBound is long bound && index + 1 >= bound);
            }

            yield return new AuthingPage<TResponse, TItem>(response, items, total, page, pageSize);
            if (last)
            {
                yield break;
            }

            if (pageBound is null && index + 1 >= MaxPagesWithoutTotalCount)
            {
                throw new AuthingApiException(
                    AuthingErrorKind.InvalidResponse,
                    "Paging stopped after " + MaxPagesWithoutTotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + " full pages: the server sends no totalCount and has not returned a short or empty page.",
                    httpStatusCode: null,
                    statusCode: null,
                    apiCode: null,
                    serverMessage: null,
                    requestId: (response as AuthingResponse)?.RequestId,
                    rawBody: null,
                    innerException: null);
            }
        }
    }

    private static void ThrowIfBusinessError<TResponse>(TResponse response, long page)
    {
        if (response is AuthingResponse { IsSuccess: false } envelope)
        {
            string summary = "Page " + page.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of a paginated list failed with a business error.";
            throw new AuthingApiException(
                AuthingErrorKind.BusinessError,
                AuthingApiException.FormatMessage(summary, null, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId),
                httpStatusCode: null,
                statusCode: envelope.StatusCode,
                apiCode: envelope.ApiCode,
                serverMessage: envelope.Message,
                requestId: envelope.RequestId,
                rawBody: null,
                innerException: null);
        }
    }

    private static long CeilingDivide(long dividend, long divisor) => (dividend / divisor) + (dividend % divisor == 0 ? 0 : 1);

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long SaturatingMultiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
