namespace Authing.DocsGen.Emitting.Views;

/// <summary>A request field as the offline test double checks it.</summary>
internal sealed record OperationFieldView
{
    public string WireLiteral { get; init; } = string.Empty;

    /// <summary>The <c>AuthingJsonKind</c> member the fake accepts: <c>String</c>, <c>Number</c>, <c>Array</c>, …</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary><c>true</c> or <c>false</c>, as C#.</summary>
    public string Required { get; init; } = "false";

    /// <summary>The <c>AuthingParameterLocation</c> member: <c>Path</c>, <c>Query</c> or <c>Body</c>.</summary>
    public string Location { get; init; } = string.Empty;
}
