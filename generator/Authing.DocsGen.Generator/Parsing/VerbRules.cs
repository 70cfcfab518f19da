using System;
using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Model;
using Authing.DocsGen.Text;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// What the pages say about the HTTP verb, which they never state (FORMAT.md §7). The rule, strongest signal first:
/// <list type="number">
/// <item>every request row starts with a space (the query-string marker) and no parameter is an object: GET;</item>
/// <item>a parameter is an object, a DTO, free-form JSON or a list of those: POST (they only travel in a JSON body);</item>
/// <item>no parameters: GET, unless the name's first word is an action (create, delete, send, logout, …): POST;</item>
/// <item>a read-style name (get, list, check, is, count, search) whose parameters are all scalars (string, number,
/// boolean, enum): GET; the marker is missing on English prettier-aligned tables and on older pages;</item>
/// <item>otherwise POST.</item>
/// </list>
/// </summary>
public static class VerbRules
{
    private static readonly HashSet<string> s_readWords = new(StringComparer.Ordinal) { "Get", "List", "Check", "Is", "Count", "Search" };

    // First words that make a parameterless method a write. Words absent from both lists read as GET when there is
    // nothing to send (e.g. "userInfo", "serverTime").
    private static readonly HashSet<string> s_actionWords = new(StringComparer.Ordinal)
    {
        "Add", "Apply", "Approve", "Archive", "Assign", "Authorize", "Batch", "Bind", "Cancel", "Change", "Clear", "Clone",
        "Close", "Confirm", "Create", "Decrypt", "Delete", "Disable", "Enable", "Encrypt", "Enroll", "Exchange", "Export",
        "Generate", "Grant", "Import", "Init", "Invite", "Issue", "Kick", "Link", "Login", "Logout", "Move", "Pub",
        "Publish", "Refresh", "Register", "Reject", "Remove", "Rename", "Renew", "Reset", "Resend", "Restore", "Revoke",
        "Rotate", "Save", "Send", "Set", "Sign", "Signin", "Signout", "Signup", "Start", "Stop", "Submit", "Sync",
        "Transfer", "Trigger", "Unbind", "Unlink", "Update", "Upload", "Verify",
    };

    /// <summary>An override's verb (<c>get</c>, <c>POST</c>, …), or null when it is not one of the four.</summary>
    public static HttpVerb? Parse(string value) => value.Trim().ToUpperInvariant() switch
    {
        "GET" => HttpVerb.Get,
        "POST" => HttpVerb.Post,
        "PUT" => HttpVerb.Put,
        "DELETE" => HttpVerb.Delete,
        _ => null,
    };

    /// <summary>The inferred verb and the signal that decided it.</summary>
    /// <param name="queryMarker">Every request row starts with a space before its first pipe.</param>
    /// <param name="parameters">The request parameters' types.</param>
    /// <param name="methodName">The PascalCase method name.</param>
    public static (HttpVerb Verb, FactSource Source) Infer(bool queryMarker, IReadOnlyList<TypeRef> parameters, string methodName)
    {
        if (queryMarker && parameters.All(p => p.Innermost.Kind is not (TypeKind.Dto or TypeKind.Json)))
        {
            return (HttpVerb.Get, FactSource.QueryRowMarker);
        }

        if (parameters.Any(p => p.Innermost.Kind is TypeKind.Dto or TypeKind.Json))
        {
            return (HttpVerb.Post, FactSource.ParameterKinds);
        }

        var firstWord = Naming.Words(methodName).FirstOrDefault() ?? string.Empty;
        if (parameters.Count == 0)
        {
            return (s_actionWords.Contains(firstWord) ? HttpVerb.Post : HttpVerb.Get, FactSource.NamePrefix);
        }

        if (s_readWords.Contains(firstWord) && parameters.All(IsScalar))
        {
            return (HttpVerb.Get, FactSource.NamePrefix);
        }

        return (HttpVerb.Post, FactSource.ParameterKinds);
    }

    private static bool IsScalar(TypeRef type) => type.Kind is TypeKind.String or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum;
}
