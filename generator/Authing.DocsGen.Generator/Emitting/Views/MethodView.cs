namespace Authing.DocsGen.Emitting.Views;

/// <summary>ClientMethod.scriban: one page's method, as a part of its client.</summary>
internal sealed record MethodView : FileView
{
    public string Client { get; init; } = string.Empty;

    /// <summary>The C# method name, <c>…Async</c>.</summary>
    public string Name { get; init; } = string.Empty;

    public string[] Summary { get; init; } = [];

    public string[] Remarks { get; init; } = [];

    /// <summary>The <c>HttpMethod</c> member: <c>Get</c>, <c>Post</c>, <c>Put</c>, <c>Delete</c>.</summary>
    public string HttpMethod { get; init; } = string.Empty;

    /// <summary>The verb as docs show it: <c>GET</c>, <c>POST</c>, …</summary>
    public string Verb { get; init; } = string.Empty;

    public string RouteLiteral { get; init; } = string.Empty;

    public string RouteDoc { get; init; } = string.Empty;

    /// <summary>A line comment saying where the client, verb and route came from.</summary>
    public string Provenance { get; init; } = string.Empty;

    public string ResponseType { get; init; } = string.Empty;

    public string ResponseConverter { get; init; } = string.Empty;

    public bool HasRequest { get; init; }

    public string RequestType { get; init; } = string.Empty;

    public string RequestConverter { get; init; } = string.Empty;

    /// <summary>The request goes in a JSON body (every verb but GET).</summary>
    public bool UsesBody { get; init; }

    public ParameterView[] PathParameters { get; init; } = [];

    public ParameterView[] QueryParameters { get; init; } = [];

    // Auto-pagination companions, when resolution found WIRE.md §4 paging.

    public bool IsPaginated { get; init; }

    public string ItemsMethod { get; init; } = string.Empty;

    public string PagesMethod { get; init; } = string.Empty;

    public string ItemType { get; init; } = string.Empty;

    public string PageProperty { get; init; } = string.Empty;

    public string LimitProperty { get; init; } = string.Empty;

    public string DataProperty { get; init; } = string.Empty;

    public string ListProperty { get; init; } = string.Empty;

    public string TotalCountProperty { get; init; } = string.Empty;

    /// <summary>The page size when the request sets none, as a C# expression.</summary>
    public string DefaultPageSize { get; init; } = string.Empty;

    public string DefaultPageSizeDoc { get; init; } = string.Empty;

    /// <summary>The request properties a page's copy of the request takes over as the caller set them (all but page and limit).</summary>
    public string[] CopiedProperties { get; init; } = [];

    // The offline test double's metadata for this method.

    /// <summary>The static field holding the method's <c>AuthingOperation</c>.</summary>
    public string OperationField { get; init; } = string.Empty;

    public OperationFieldView[] OperationFields { get; init; } = [];

    public string ClientLiteral { get; init; } = string.Empty;

    public string MethodLiteral { get; init; } = string.Empty;

    public string DocsPathLiteral { get; init; } = string.Empty;

    public string DocsPathDoc { get; init; } = string.Empty;

    public bool HasExample { get; init; }

    /// <summary>The docs' response example as one string literal (<c>null</c> when the page has none): docs text never changes the shape of the code around it.</summary>
    public string ExampleLiteral { get; init; } = "null";
}
