namespace Authing.DocsGen.Model;

public enum TypeKind
{
    String,
    Int64,
    Double,
    Boolean,

    /// <summary>Free-form JSON (an <c>object</c> without a DTO, an <c>array</c> element of unknown type).</summary>
    Json,
    Dto,
    Enum,
    List,
}
