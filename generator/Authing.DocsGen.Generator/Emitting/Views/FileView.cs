namespace Authing.DocsGen.Emitting.Views;

/// <summary>
/// What every template sees. Views are the templates' only input: plain records whose every string is already C#
/// (escaped identifiers, literals and doc lines), so no docs text is ever evaluated as template code. Scriban names
/// their members in snake_case (<c>ModelsNamespace</c> → <c>models_namespace</c>).
/// </summary>
internal abstract record FileView
{
    public string Namespace { get; init; } = string.Empty;

    public string ModelsNamespace { get; init; } = string.Empty;

    /// <summary><c>public</c> or <c>internal</c>.</summary>
    public string Accessibility { get; init; } = "public";
}
