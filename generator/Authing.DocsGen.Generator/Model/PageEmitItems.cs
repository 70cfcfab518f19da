using System.Linq;

namespace Authing.DocsGen.Model;

/// <summary>
/// What one page emits: its method, and the types and enums it is the origin of (the first page, in path order, that
/// defines them). Keyed per page, so that adding or editing a page re-emits that page's outputs only, instead of every
/// output after it in one list.
/// </summary>
public sealed record PageEmitItems(EquatableArray<ResolvedMethod> Methods, EquatableArray<DtoModel> Dtos, EquatableArray<EnumModel> Enums)
{
    public static readonly PageEmitItems Empty = new(EquatableArray<ResolvedMethod>.Empty, EquatableArray<DtoModel>.Empty, EquatableArray<EnumModel>.Empty);

    /// <summary>The items as the emit steps see them: text moving on a page must not re-emit code that did not change.</summary>
    public PageEmitItems WithoutLocations() => new(
        Methods.Select(m => m.WithoutLocations()).ToEquatableArray(),
        Dtos.Select(d => d.WithoutLocations()).ToEquatableArray(),
        Enums.Select(e => e.WithoutLocation()).ToEquatableArray());
}
