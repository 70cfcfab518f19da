namespace Authing.DocsGen.Emitting.Views;

/// <summary>A request field sent in the path or the query string.</summary>
internal sealed record ParameterView
{
    public string WireLiteral { get; init; } = string.Empty;

    /// <summary>The C# expression that reads it from the request: <c>request.WidgetId</c>.</summary>
    public string Value { get; init; } = string.Empty;

    public bool IsString { get; init; }

    /// <summary>An object or free-form JSON: sent as compact JSON.</summary>
    public bool IsJson { get; init; }

    public bool IsScalar { get; init; }

    /// <summary>The converter expression for JSON-valued parameters.</summary>
    public string Converter { get; init; } = string.Empty;

    /// <summary>The documented default as a C# literal, sent when the request leaves the field unset; empty when none.</summary>
    public string DefaultLiteral { get; init; } = string.Empty;
}
