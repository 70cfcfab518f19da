using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Text;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Resolution;

/// <summary>
/// Gives every type, property and generated file a valid, unique C# name. Docs names are untrusted: two can map to the
/// same identifier (<c>Widget-Dto</c> and <c>WidgetDto</c>), and file systems may ignore case, so names are unique
/// ignoring case. The first name in ordinal order keeps its identifier; later ones get a numeric suffix and ADG017.
/// </summary>
internal static class IdentifierAssigner
{
    /// <summary>
    /// Type names the generator itself emits or the generated code refers to unqualified, and <c>AdditionalProperties</c>,
    /// a member of every DTO (a member cannot have its type's name).
    /// </summary>
    private static readonly string[] s_reservedTypeNames = { "AuthenticationClient", "ManagementClient", "AuthingResponse", "AdditionalProperties" };

    /// <summary>Members every generated DTO has besides its fields: <c>object</c>'s, and the bag of unknown and mismatched fields.</summary>
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "AdditionalProperties" };

    /// <summary>Members every generated open enum has besides its values.</summary>
    private static readonly string[] s_enumMembers = { "Value", "IsKnown", "Equals", "GetHashCode", "ToString", "GetType", "KnownValues" };

    private static readonly string[] s_envelopeMembers = { "StatusCode", "Message", "ApiCode", "RequestId", "IsSuccess" };

    public static ApiModel Assign(ApiModel api)
    {
        var diagnostics = new List<DiagnosticInfo>(api.Diagnostics);
        var (dtoNames, enumNames) = TypeNames(api, diagnostics);

        var dtos = api.Dtos.Select(dto => dto with
        {
            Name = dtoNames[dto.Name],
            Fields = PropertyNames(dto, dtoNames[dto.Name], diagnostics).Select(f => f with { Type = Rename(f.Type, dtoNames, enumNames) }).ToEquatableArray(),
        }).ToEquatableArray();
        var byName = dtos.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var enums = api.Enums.Select(e => e with { Name = enumNames[e.Name], Members = MemberNames(e, enumNames[e.Name], diagnostics) }).ToEquatableArray();

        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var methods = api.Methods.Select(m =>
        {
            var method = m.Method with
            {
                RequestDtoName = m.Method.RequestDtoName is { } request ? dtoNames[request] : null,
                ResponseDtoName = m.Method.ResponseDtoName is { } response ? dtoNames[response] : null,
            };
            var requestDto = method.RequestDtoName is { } name ? byName[name] : null;
            return m with
            {
                Method = method,
                Request = requestDto,
                HintName = UniqueHint(method, hints),
                Parameters = Parameters(method, requestDto),
            };
        }).ToEquatableArray();

        return new ApiModel(dtos, enums, methods, diagnostics.ToEquatableArray());
    }

    /// <summary>C# names for DTOs and enums, kept apart: a DTO and an enum may share a docs name.</summary>
    private static (Dictionary<string, string> Dtos, Dictionary<string, string> Enums) TypeNames(ApiModel api, List<DiagnosticInfo> diagnostics)
    {
        var used = new HashSet<string>(s_reservedTypeNames, StringComparer.OrdinalIgnoreCase);
        var dtos = new Dictionary<string, string>(StringComparer.Ordinal);
        var enums = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = api.Dtos.Select(d => (d.Name, d.Location, Names: dtos))
            .Concat(api.Enums.Select(e => (e.Name, e.Location, Names: enums)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Names == enums);
        foreach (var (name, location, kindNames) in types)
        {
            var identifier = Identifiers.Type(name);

            // A converter type is emitted next to every type: keep "{Name}JsonConverter" free as well.
            var unique = identifier;
            for (var i = 2; used.Contains(unique) || used.Contains(unique + "JsonConverter"); i++)
            {
                unique = identifier + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            used.Add(unique);
            used.Add(unique + "JsonConverter");
            kindNames[name] = unique;
            if (unique != identifier || identifier != name)
            {
                diagnostics.Add(DiagnosticFactory.Create(
                    DiagnosticDescriptors.IdentifierAdjusted,
                    location,
                    name,
                    unique,
                    unique != identifier ? "another type has the same C# name" : "not a valid C# identifier"));
            }
        }

        return (dtos, enums);
    }

    private static IEnumerable<FieldModel> PropertyNames(DtoModel dto, string typeName, List<DiagnosticInfo> diagnostics)
    {
        var used = new HashSet<string>(s_objectMembers, StringComparer.Ordinal) { typeName };
        if (dto.IsEnvelope)
        {
            used.UnionWith(s_envelopeMembers);
        }

        foreach (var field in dto.Fields)
        {
            if (dto.IsEnvelope && Array.IndexOf(DtoModel.EnvelopeWireNames, field.WireName) >= 0)
            {
                yield return field with { PropertyName = Identifiers.Field(field.WireName).Identifier };
                continue;
            }

            var (identifier, hasWords) = Identifiers.Field(field.WireName);
            var unique = Text.UniqueNames.Claim(identifier, used);

            var reason = unique != identifier ? "another member has the same C# name"
                : !hasWords ? "no letters or digits a C# identifier can use"
                : identifier[0] is '_' or '@' ? "not a valid C# identifier" : null;
            if (reason is not null)
            {
                diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.IdentifierAdjusted, field.Location, field.WireName, unique, reason));
            }

            yield return field with { PropertyName = unique };
        }
    }

    /// <summary>
    /// Enum members are named after their values (<c>pending-review</c> → <c>PendingReview</c>); the members every
    /// generated open enum has, and its own name, are taken.
    /// </summary>
    private static EquatableArray<EnumMemberModel> MemberNames(EnumModel enumModel, string typeName, List<DiagnosticInfo> diagnostics)
    {
        var used = new HashSet<string>(s_enumMembers, StringComparer.Ordinal) { typeName };
        var members = new List<EnumMemberModel>(enumModel.Members.Count);
        foreach (var member in enumModel.Members)
        {
            var (identifier, hasWords) = Identifiers.Value(member.Value);
            var unique = Text.UniqueNames.Claim(identifier, used);
            var reason = unique != identifier ? "another member has the same C# name"
                : !hasWords ? "no letters or digits a C# identifier can use" : null;
            if (reason is not null)
            {
                diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.IdentifierAdjusted, enumModel.Location, member.Value, unique, reason));
            }

            members.Add(member with { MemberName = unique });
        }

        return members.ToEquatableArray();
    }

    /// <summary>
    /// Where each request field travels: a field a route placeholder names goes in the path; otherwise a GET sends it
    /// in the query string and every other verb in the JSON body.
    /// </summary>
    private static EquatableArray<RequestParameter> Parameters(MethodModel method, DtoModel? request)
    {
        if (request is null)
        {
            return EquatableArray<RequestParameter>.Empty;
        }

        var placeholders = Placeholders(method.Route);
        return request.Fields
            .Select(f => new RequestParameter(f, placeholders.Contains(f.WireName) ? ParameterLocation.Path : method.Verb == HttpVerb.Get ? ParameterLocation.Query : ParameterLocation.Body))
            .ToEquatableArray();
    }

    /// <summary>The names inside <c>{…}</c> in a route.</summary>
    private static HashSet<string> Placeholders(string route)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var open = route.IndexOf('{'); open >= 0; open = route.IndexOf('{', open + 1))
        {
            var close = route.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = route.Substring(open + 1, close - open - 1);
            if (name.Length > 0 && name.IndexOf('{') < 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static TypeRef Rename(TypeRef type, Dictionary<string, string> dtos, Dictionary<string, string> enums) =>
        type.RenameNamed((kind, name) => (kind == TypeKind.Dto ? dtos : enums).TryGetValue(name, out var newName) ? newName : null);

    /// <summary>The page's place in the docs tree: <c>authentication/mfa/enroll-factor.g.cs</c>; unique ignoring case.</summary>
    private static string UniqueHint(MethodModel method, HashSet<string> used)
    {
        var path = method.DocsPath.Replace('\\', '/');
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            path = path.Substring(0, path.Length - 3);
        }

        var segments = path.Split('/').Select(s => new string(s.Where(c => Text.Naming.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray()).Trim('.'))
            .Where(s => s.Length > 0)
            .ToList();
        if (segments.Count == 0 || !segments[0].Equals(method.Client.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            segments.Insert(0, method.Client.ToString().ToLowerInvariant());
        }

        var baseName = string.Join("/", segments);
        var hint = baseName + ".g.cs";
        for (var i = 2; !used.Add(hint); i++)
        {
            hint = baseName + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        }

        return hint;
    }

    /// <summary>
    /// Identifiers by docs name, computed once per process: the same wire names, enum values and type names recur in
    /// hundreds of types and in every resolution (an added page resolves the whole API again), and naming them was a
    /// third of this stage's work. A pure function's memo; cleared when it grows past a bound, so a long-lived IDE
    /// process cannot grow it without limit.
    /// </summary>
    private static class Identifiers
    {
        private const int MaxEntries = 200_000;
        private static readonly ConcurrentDictionary<string, (string Identifier, bool HasWords)> s_fields = new(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, (string Identifier, bool HasWords)> s_values = new(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, string> s_types = new(StringComparer.Ordinal);

        public static (string Identifier, bool HasWords) Field(string wireName) =>
            Memo(s_fields, wireName, static name => (CSharp.Identifier(name, "Field"), Text.Naming.Words(name).Count > 0));

        public static (string Identifier, bool HasWords) Value(string value) =>
            Memo(s_values, value, static v => (CSharp.Identifier(Text.Naming.ToPascalCaseTitled(v), "Value"), Text.Naming.Words(v).Count > 0));

        public static string Type(string name) => Memo(s_types, name, static n => CSharp.Identifier(n, "Type"));

        private static T Memo<T>(ConcurrentDictionary<string, T> memo, string key, Func<string, T> compute)
        {
            if (memo.TryGetValue(key, out var value))
            {
                return value;
            }

            if (memo.Count > MaxEntries)
            {
                memo.Clear();
            }

            return memo.GetOrAdd(key, compute);
        }
    }
}
