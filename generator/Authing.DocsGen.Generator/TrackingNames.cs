namespace Authing.DocsGen;

/// <summary>Names of the incremental steps; tests use them to prove what re-ran.</summary>
public static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string PageInputs = nameof(PageInputs);
    public const string OverridesFile = nameof(OverridesFile);
    public const string ParsedAndLinted = nameof(ParsedAndLinted);
    public const string ParsedPages = nameof(ParsedPages);
    public const string PageShapes = nameof(PageShapes);
    public const string Api = nameof(Api);
    public const string ResolvedPages = nameof(ResolvedPages);
    public const string PageResolutionDiagnostics = nameof(PageResolutionDiagnostics);
    public const string PageEmitItems = nameof(PageEmitItems);
    public const string ApiDiagnostics = nameof(ApiDiagnostics);
    public const string PageLint = nameof(PageLint);
    public const string CrossPageLint = nameof(CrossPageLint);
}
