namespace Authing.DocsGen.Model;

/// <summary>A request field with its place in the HTTP request.</summary>
public sealed record RequestParameter(FieldModel Field, ParameterLocation In);
