using System;

namespace Authing.DocsGen.Model;

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
