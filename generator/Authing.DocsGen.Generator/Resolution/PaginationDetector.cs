using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Text;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Resolution;

/// <summary>
/// Finds the list methods that page the WIRE.md §4 way and names their auto-pagination companions. Runs after
/// <see cref="IdentifierAssigner"/>, so type and property names are final.
/// </summary>
/// <remarks>
/// The companions are <c>{Method}ItemsAsync</c> and <c>{Method}PagesAsync</c>. Every method the docs define keeps its name:
/// when one of them (or an earlier companion) already has a companion's name on the same client, the companion gets the
/// first free numeric suffix (<c>ListWidgetsItems2Async</c>) and ADG043 says so, so a companion is never an overload of,
/// or ambiguous with, another method.
/// </remarks>
internal static class PaginationDetector
{
    public static ApiModel Detect(ApiModel api)
    {
        var dtos = api.Dtos.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>(api.Diagnostics);

        // Names without the Async suffix, per client: every method's first, so a docs method never yields to a companion.
        var taken = new Dictionary<ClientKind, HashSet<string>>();
        foreach (var resolved in api.Methods)
        {
            Taken(taken, resolved.Method.Client).Add(CSharp.Identifier(resolved.Method.Name, "Method"));
        }

        var methods = api.Methods.Select(resolved =>
        {
            if (Find(resolved, dtos) is not { } found)
            {
                return resolved;
            }

            var method = resolved.Method;
            var names = Taken(taken, method.Client);
            var baseName = CSharp.Identifier(method.Name, "Method");
            string Claim(string suffix)
            {
                var wanted = baseName + suffix;
                var name = Text.UniqueNames.Claim(wanted, names);
                if (name != wanted)
                {
                    diagnostics.Add(DiagnosticFactory.Create(DiagnosticDescriptors.PaginationCompanionRenamed, method.Location, wanted + "Async", method.Client + "Client", baseName + "Async", name + "Async"));
                }

                return name + "Async";
            }

            return resolved with { Pagination = found with { ItemsMethod = Claim("Items"), PagesMethod = Claim("Pages") } };
        }).ToEquatableArray();

        return api with { Methods = methods, Diagnostics = diagnostics.ToEquatableArray() };
    }

    /// <summary>The pagination of a method, with the companion names left empty; null when the method does not page.</summary>
    private static PaginationModel? Find(ResolvedMethod resolved, Dictionary<string, DtoModel> dtos)
    {
        if (resolved.Request is not { } request
            || Field(request, "page") is not { } page || !IsNumber(page.Type)
            || Field(request, "limit") is not { } limit || !IsNumber(limit.Type)
            || resolved.Method.ResponseDtoName is not { } responseName
            || !dtos.TryGetValue(responseName, out var response)
            || Field(response, "data") is not { Type: { Kind: TypeKind.Dto, Name: { } dataName } } data
            || !dtos.TryGetValue(dataName, out var dataDto)
            || Field(dataDto, "list") is not { Type: { Kind: TypeKind.List, Element: { } itemType } } list
            || Field(dataDto, "totalCount") is not { } totalCount || !IsNumber(totalCount.Type))
        {
            return null;
        }

        long? defaultPageSize = limit.DefaultValue is { } text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : null;
        return new PaginationModel(
            string.Empty,
            string.Empty,
            Property(page),
            Property(limit),
            Property(data),
            Property(list),
            Property(totalCount),
            itemType,
            defaultPageSize);
    }

    private static FieldModel? Field(DtoModel dto, string wireName) =>
        dto.Fields.FirstOrDefault(f => string.Equals(f.WireName, wireName, StringComparison.Ordinal));

    private static bool IsNumber(TypeRef type) => type.Kind is TypeKind.Int64 or TypeKind.Double;

    private static string Property(FieldModel field) => field.PropertyName ?? CSharp.Identifier(field.WireName, "Field");

    private static HashSet<string> Taken(Dictionary<ClientKind, HashSet<string>> taken, ClientKind client)
    {
        if (!taken.TryGetValue(client, out var names))
        {
            taken[client] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        return names;
    }
}
