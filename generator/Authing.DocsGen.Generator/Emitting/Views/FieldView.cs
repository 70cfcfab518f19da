namespace Authing.DocsGen.Emitting.Views;

/// <summary>One property of a DTO. Member names follow the property, never the row's position.</summary>
internal sealed record FieldView
{
    /// <summary>The property name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The converter's local variable for the value read.</summary>
    public string Local { get; init; } = string.Empty;

    public string ConverterField { get; init; } = string.Empty;

    /// <summary>The prefix of the converter's per-field members (<c>s_tags</c> → <c>s_tagsIndex</c>, <c>s_tagsName</c>).</summary>
    public string MemberPrefix { get; init; } = string.Empty;

    public string ConverterProperty { get; init; } = string.Empty;

    public string WireLiteral { get; init; } = string.Empty;

    public string WireDoc { get; init; } = string.Empty;

    /// <summary>The property's type: nullable unless the field is required in a strict type.</summary>
    public string Type { get; init; } = string.Empty;

    public string LocalType { get; init; } = string.Empty;

    public string ConverterType { get; init; } = string.Empty;

    public string ConverterInit { get; init; } = string.Empty;

    public bool Required { get; init; }

    public string[] Summary { get; init; } = [];

    public string[] Example { get; init; } = [];

    /// <summary>The documented default as XML doc text; empty when none.</summary>
    public string Default { get; init; } = string.Empty;
}
