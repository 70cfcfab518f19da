namespace Authing.DocsGen.Model;

/// <summary>A field's type. <see cref="Name"/> names the DTO or enum; <see cref="Element"/> is a list's element type.</summary>
public sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef Json = new(TypeKind.Json);

    public static TypeRef Dto(string name) => new(TypeKind.Dto, name);

    public static TypeRef Enum(string name) => new(TypeKind.Enum, name);

    public static TypeRef ListOf(TypeRef element) => new(TypeKind.List, null, element);

    /// <summary>The type inside any lists: <c>WidgetDto[]</c> → <c>WidgetDto</c>.</summary>
    public TypeRef Innermost => Kind == TypeKind.List ? Element!.Innermost : this;

    /// <summary>The same type with DTO and enum names mapped (inside lists too); <paramref name="rename"/> returns null to keep a name.</summary>
    public TypeRef RenameNamed(System.Func<TypeKind, string, string?> rename) => Kind switch
    {
        TypeKind.Dto or TypeKind.Enum when rename(Kind, Name!) is { } name => this with { Name = name },
        TypeKind.List => ListOf(Element!.RenameNamed(rename)),
        _ => this,
    };

    public override string ToString() => Kind switch
    {
        TypeKind.Dto or TypeKind.Enum => Name!,
        TypeKind.List => Element + "[]",
        _ => Kind.ToString(),
    };
}
