using System.Linq;

namespace Authing.DocsGen.Model;

// The intermediate representation: plain, immutable, value-equatable records. Incremental caching compares step
// outputs with Equals, so nothing here may hold a Markdig node, a Roslyn symbol or a mutable collection.

public enum ClientKind
{
    Authentication,
    Management,
}

[System.Flags]
public enum ClientSet
{
    None = 0,
    Authentication = 1,
    Management = 2,
    All = Authentication | Management,
}

public static class ClientSetExtensions
{
    public static ClientSet ToSet(this ClientKind client) => client == ClientKind.Authentication ? ClientSet.Authentication : ClientSet.Management;
}

public enum HttpVerb
{
    Get,
    Post,
    Put,
    Delete,
}

/// <summary>Where an inferred fact came from; shown in diagnostics, generated comments and the IR dump.</summary>
public enum FactSource
{
    /// <summary>An <c>&lt;!-- authing-docsgen: … --&gt;</c> directive in the page.</summary>
    PageDirective,

    /// <summary>MSBuild item metadata on the page (<c>AuthingVerb</c>, <c>AuthingRoute</c>, …).</summary>
    ItemMetadata,

    /// <summary>An entry of <c>docsgen.json</c>, the overrides file at the docs root.</summary>
    OverridesFile,

    /// <summary>The page's method-name section.</summary>
    MethodNameSection,

    /// <summary>The live sample code.</summary>
    SampleCode,

    /// <summary>Sample code inside an HTML comment.</summary>
    CommentedSampleCode,

    /// <summary>An <c>authentication/</c> or <c>management/</c> folder in the page's path.</summary>
    Folder,

    /// <summary>The page's file name (the route slug in Authing's docs tree).</summary>
    FileName,

    /// <summary>Request rows that start with a space before the first pipe (query-string methods).</summary>
    QueryRowMarker,

    /// <summary>The kinds of the request parameters (objects and arrays go in a JSON body).</summary>
    ParameterKinds,

    /// <summary>The method name's first word: a read (get, list, …) or an action (create, send, …), where the page has no query marker.</summary>
    NamePrefix,

    /// <summary>Nothing on the page said; the documented default applies.</summary>
    Default,
}

public static class FactSourceText
{
    /// <summary>How diagnostics and generated comments name a <see cref="FactSource"/>.</summary>
    public static string Describe(this FactSource source) => source switch
    {
        FactSource.PageDirective => "page directive",
        FactSource.ItemMetadata => "MSBuild item metadata",
        FactSource.OverridesFile => "docsgen.json",
        FactSource.MethodNameSection => "method-name section",
        FactSource.SampleCode => "sample code",
        FactSource.CommentedSampleCode => "commented-out sample code",
        FactSource.Folder => "docs folder",
        FactSource.FileName => "file name",
        FactSource.QueryRowMarker => "query-string row marker",
        FactSource.ParameterKinds => "request parameters",
        FactSource.NamePrefix => "method name's first word",
        _ => "default rule",
    };
}

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

public enum DtoRole
{
    /// <summary>The method's parameters, gathered into one request object.</summary>
    Request,

    /// <summary>The response named by the page's type line.</summary>
    Response,

    /// <summary>A type from the data-structure section.</summary>
    Nested,
}

/// <param name="IsEnvelope">A response with Authing's envelope (<c>statusCode</c>, <c>message</c>, …): derives from <c>AuthingResponse</c>.</param>
/// <param name="IsStrict">Reachable only from request parameters: required fields are enforced. Set by cross-page resolution.</param>
/// <param name="UsedBy">The clients whose methods reach this type. Set by cross-page resolution.</param>
public sealed record DtoModel(
    string Name,
    DtoRole Role,
    string Description,
    EquatableArray<FieldModel> Fields,
    bool IsEnvelope,
    MarkdownLocation Location,
    bool IsStrict = false,
    ClientSet UsedBy = ClientSet.None)
{
    /// <summary>The envelope's wire names; an envelope type inherits them from <c>AuthingResponse</c>.</summary>
    public static readonly string[] EnvelopeWireNames = { "statusCode", "message", "apiCode", "requestId" };

    /// <summary>The model as the emitter needs it: without locations, which change whenever text above moves.</summary>
    public DtoModel WithoutLocations() => this with
    {
        Location = MarkdownLocation.None,
        Fields = Fields.Select(f => f.WithoutLocation()).ToEquatableArray(),
    };

    /// <summary>The definition without docs and locations: what decides whether two pages define the same type.</summary>
    public string Shape
    {
        get
        {
            var shape = new System.Text.StringBuilder(Name).Append(IsEnvelope ? "(envelope)" : "()");
            foreach (var member in Fields)
            {
                shape.Append(member.WireName).Append(":").Append(member.Type).Append(';');
            }

            return shape.ToString();
        }
    }
}

public sealed record EnumMemberModel(string Value, string Description);

/// <summary>An open enum: known values are named members, unknown wire values survive a round trip.</summary>
/// <param name="UsedBy">The clients whose methods reach this enum. Set by cross-page resolution.</param>
public sealed record EnumModel(string Name, string Description, EquatableArray<EnumMemberModel> Members, MarkdownLocation Location, ClientSet UsedBy = ClientSet.None)
{
    public EnumModel WithoutLocation() => this with { Location = MarkdownLocation.None };
}

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

/// <summary>
/// The page's response example (the first code block of the response section), as the text between the fences with its
/// lines joined by <c>\n</c>; it may not be valid JSON. The lint reads it against the tables; the emitter hands it to
/// the offline test double as the method's default answer.
/// </summary>
/// <param name="LineStarts">Each line's offset in the page, for lint findings; empty in the models the emit steps see.</param>
public sealed record ResponseExample(string Text, EquatableArray<int> LineStarts)
{
    public ResponseExample WithoutLocation() => this with { LineStarts = EquatableArray<int>.Empty };
}

/// <summary>Everything one page contributes. Each page is parsed on its own, so editing one page re-parses only it.</summary>
/// <param name="OverrideKey">The key of the <c>docsgen.json</c> entry applied to the page, if any.</param>
public sealed record PageModel(
    string FilePath,
    MethodModel? Method,
    EquatableArray<DtoModel> Dtos,
    EquatableArray<EnumModel> Enums,
    EquatableArray<DiagnosticInfo> Diagnostics,
    string? OverrideKey = null);
