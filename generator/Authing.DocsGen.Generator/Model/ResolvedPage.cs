namespace Authing.DocsGen.Model;

/// <summary>
/// One page's share of the resolved API, with the page's docs and locations: what it emits, and resolution's
/// diagnostics about it.
/// </summary>
public sealed record ResolvedPage(PageEmitItems Items, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static readonly ResolvedPage Empty = new(PageEmitItems.Empty, EquatableArray<DiagnosticInfo>.Empty);
}
