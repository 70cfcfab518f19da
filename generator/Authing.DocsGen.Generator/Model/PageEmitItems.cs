namespace Authing.DocsGen.Model;

/// <summary>
/// What one page's emit steps see, without locations: its method, and the types and enums it is the first page (in path
/// order) to reach. Keyed per page, so that adding or editing a page re-emits that page's outputs only, instead of every
/// output after it in one list.
/// </summary>
public sealed record PageEmitItems(EquatableArray<ResolvedMethod> Methods, EquatableArray<DtoModel> Dtos, EquatableArray<EnumModel> Enums)
{
    public static readonly PageEmitItems Empty = new(EquatableArray<ResolvedMethod>.Empty, EquatableArray<DtoModel>.Empty, EquatableArray<EnumModel>.Empty);
}
