namespace Authing.DocsGen.Model;

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
