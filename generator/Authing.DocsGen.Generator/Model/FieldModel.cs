namespace Authing.DocsGen.Model;

/// <summary>One row of a parameter, DTO or response table.</summary>
/// <param name="PropertyName">The C# property name, assigned by resolution (valid, unique within its type).</param>
public sealed record FieldModel(
    string WireName,
    TypeRef Type,
    bool Required,
    string Description,
    string? DefaultValue,
    string? Example,
    MarkdownLocation Location,
    string? PropertyName = null)
{
    public FieldModel WithoutLocation() => this with { Location = MarkdownLocation.None };
}
