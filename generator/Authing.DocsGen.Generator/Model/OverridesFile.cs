using System;

namespace Authing.DocsGen.Model;

/// <summary>
/// <c>docsgen.json</c> at the docs root: overrides for the whole docs tree, each keyed by a docs path or a method name.
/// Parsed once per edit of the file; every page's parse step reads it.
/// </summary>
/// <param name="Root">The file's folder ('/' separators; empty when page paths are relative to it, as in the CLI).</param>
/// <param name="Diagnostics">What was wrong in the file (ADG027), located in it.</param>
public sealed record OverridesFile(string Path, string Root, EquatableArray<MethodOverride> Methods, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public const string FileName = "docsgen.json";

    /// <summary>The entry for a page: one keyed by its path wins over one keyed by its method name.</summary>
    public MethodOverride? Find(string pagePath, string methodName, ClientKind client)
    {
        MethodOverride? byName = null;
        foreach (var entry in Methods)
        {
            if (entry.IsPath)
            {
                if (MatchesPath(entry.Key, pagePath))
                {
                    return entry;
                }
            }
            else if (byName is null && entry.MatchesMethod(methodName, client))
            {
                byName = entry;
            }
        }

        return byName;
    }

    public bool MatchesPath(string key, string pagePath)
    {
        var page = pagePath.Replace('\\', '/');
        var relative = key.Replace('\\', '/').TrimStart('/');
        return string.Equals(Root.Length == 0 ? relative : Root.TrimEnd('/') + "/" + relative, page, StringComparison.Ordinal);
    }
}
