namespace Authing.DocsGen.Model;

public sealed record MethodModel(
    ClientKind Client,
    FactSource ClientSource,
    string Name,
    FactSource NameSource,
    string Title,
    string Description,
    HttpVerb Verb,
    FactSource VerbSource,
    string Route,
    FactSource RouteSource,
    string? RequestDtoName,
    string? ResponseDtoName,
    string DocsPath,
    MarkdownLocation Location,
    ResponseExample? Example = null);
