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

/// <summary>One entry of <see cref="OverridesFile"/>; values were validated when the file was read (null = not set).</summary>
/// <param name="Key">As written: a docs path ending in <c>.md</c>, or a method name (<c>getWidget</c>,
/// <c>ManagementClient.getWidget</c>), compared in PascalCase.</param>
/// <param name="MethodName">For a name key: the PascalCase method name.</param>
/// <param name="KeyClient">For a name key qualified with a client: that client.</param>
/// <param name="Fields">Field types by wire name, as written (<c>int64</c>, <c>string[]</c>, a data structure of the page).</param>
public sealed record MethodOverride(
    string Key,
    string? MethodName,
    ClientKind? KeyClient,
    HttpVerb? Verb,
    string? Route,
    ClientKind? Client,
    bool Skip,
    EquatableArray<FieldTypeOverride> Fields,
    MarkdownLocation Location)
{
    public bool IsPath => MethodName is null;

    public bool MatchesMethod(string methodName, ClientKind client) =>
        MethodName is not null && string.Equals(MethodName, methodName, StringComparison.Ordinal) && (KeyClient is null || KeyClient == client);
}

public sealed record FieldTypeOverride(string WireName, string Type, MarkdownLocation Location);
