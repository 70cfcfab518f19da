namespace Authing.DocsGen.Model;

public sealed record FieldTypeOverride(string WireName, string Type, MarkdownLocation Location);
