namespace Authing.DocsGen.Model;

/// <summary>Per-page overrides from MSBuild item metadata (<c>AuthingVerb</c>, <c>AuthingRoute</c>, <c>AuthingClient</c>, <c>AuthingSkip</c>).</summary>
public sealed record PageOverrides(string? Verb, string? Route, string? Client, bool Skip)
{
    public static readonly PageOverrides None = new(null, null, null, false);
}
