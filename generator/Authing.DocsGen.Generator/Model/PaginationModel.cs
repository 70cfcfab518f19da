namespace Authing.DocsGen.Model;

/// <summary>
/// WIRE.md §4 pagination of a list method, decided once by resolution (<c>Resolution/PaginationDetector</c>): the request has
/// numeric <c>page</c> and <c>limit</c> fields and the response's <c>data</c> has a <c>list</c> array and a numeric
/// <c>totalCount</c>. The emitter only reads it. Plain strings and a <see cref="TypeRef"/>, so it compares by value like
/// the rest of the IR.
/// </summary>
/// <param name="ItemsMethod">The C# name of the companion over all items (<c>ListWidgetsItemsAsync</c>), unique on its client.</param>
/// <param name="PagesMethod">The C# name of the companion over pages (<c>ListWidgetsPagesAsync</c>), unique on its client.</param>
/// <param name="PageProperty">The request property sent as <c>page</c>.</param>
/// <param name="LimitProperty">The request property sent as <c>limit</c>.</param>
/// <param name="DataProperty">The response property holding <c>data</c>.</param>
/// <param name="ListProperty">The property of <c>data</c> holding <c>list</c>.</param>
/// <param name="TotalCountProperty">The property of <c>data</c> holding <c>totalCount</c>.</param>
/// <param name="ItemType">The type of the list's items.</param>
/// <param name="DefaultPageSize">The docs' default for <c>limit</c>, when it is a positive integer; else the runtime's default.</param>
public sealed record PaginationModel(
    string ItemsMethod,
    string PagesMethod,
    string PageProperty,
    string LimitProperty,
    string DataProperty,
    string ListProperty,
    string TotalCountProperty,
    TypeRef ItemType,
    long? DefaultPageSize);
