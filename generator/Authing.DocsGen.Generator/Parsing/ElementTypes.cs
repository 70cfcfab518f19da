using System;
using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>A field typed plain <c>array</c>, or with an empty type column, that its row does not explain.</summary>
internal sealed record UntypedField(string Owner, string WireName, string TypeColumn, MarkdownLocation Location);

/// <summary>
/// Types the fields the type column leaves open (plain <c>array</c>, empty) from what else the page shows. The rule,
/// first match wins, each inference reported with ADG026 at the row:
/// <list type="number">
/// <item>the row's example is a JSON array, or the response example holds an array at the field's place: its items
/// are all strings, all numbers (any fraction: double, else 64-bit), all booleans, or all objects whose keys belong to
/// one data structure of the page (at least 80% of the keys; the best match wins, ties go to the type with fewer
/// fields, then page order);</item>
/// <item>a response <c>data</c> typed <c>array</c> on a page with exactly one data structure nothing refers to:
/// a list of that type.</item>
/// </list>
/// Examples contradict tables often, so an example is used only where the table says nothing. An empty type column
/// with nothing to go on stays free-form JSON (ADG007).
/// </summary>
internal static class ElementTypes
{
    private const int MaxPasses = 4;
    private const int MaxItemsWalked = 8;

    public static List<DtoModel> Infer(List<DtoModel> dtos, IReadOnlyList<UntypedField> untyped, string responseName, string? responseExample, Action<DiagnosticInfo> report)
    {
        if (untyped.Count == 0)
        {
            return dtos;
        }

        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            byName[dtos[i].Name] = i;
        }

        var result = new List<DtoModel>(dtos);
        var pending = untyped.Where(u => byName.ContainsKey(u.Owner)).ToList();
        var responseRoot = LenientJson.TryParse(responseExample);

        // A list typed in one pass can open the way into the response example for the next.
        for (var pass = 0; pass < MaxPasses && pending.Count > 0; pass++)
        {
            var seen = responseRoot is { Kind: JsonKind.Object } ? ValuesByField(responseRoot, responseName, result, byName) : new Dictionary<(string, string), List<LenientJsonValue>>();
            var typed = new List<UntypedField>();
            foreach (var field in pending)
            {
                var example = Field(result, byName, field)?.Example;
                var (element, source) = FromArray(LenientJson.TryParse(example), result) is { } fromRow ? (fromRow, "its example")
                    : seen.TryGetValue((field.Owner, field.WireName), out var values) && values.Select(v => FromArray(v, result)).FirstOrDefault(t => t is not null) is { } fromResponse ? (fromResponse, "the response example")
                    : (null, string.Empty);
                if (element is not null)
                {
                    Retype(result, byName, field, TypeRef.ListOf(element), source, report);
                    typed.Add(field);
                }
            }

            if (typed.Count == 0)
            {
                break;
            }

            pending = pending.Except(typed).ToList();
        }

        foreach (var field in pending)
        {
            if (field.Owner == responseName && field.WireName == "data" && field.TypeColumn.Equals("array", StringComparison.OrdinalIgnoreCase)
                && Unreferenced(result, responseName) is { } only)
            {
                Retype(result, byName, field, TypeRef.ListOf(TypeRef.Dto(only)), "the only data structure on the page that no field refers to", report);
            }
            else if (field.TypeColumn == "(empty)")
            {
                report(DiagnosticFactory.Create(DiagnosticDescriptors.UnknownType, field.Location, field.WireName, "(empty)"));
            }
        }

        return result;
    }

    private static FieldModel? Field(List<DtoModel> dtos, Dictionary<string, int> byName, UntypedField field) =>
        dtos[byName[field.Owner]].Fields.FirstOrDefault(f => f.WireName == field.WireName);

    private static void Retype(List<DtoModel> dtos, Dictionary<string, int> byName, UntypedField field, TypeRef type, string source, Action<DiagnosticInfo> report)
    {
        var index = byName[field.Owner];
        var dto = dtos[index];
        dtos[index] = dto with { Fields = dto.Fields.Select(f => f.WireName == field.WireName ? f with { Type = type } : f).ToEquatableArray() };
        report(DiagnosticFactory.Create(DiagnosticDescriptors.ElementTypeInferred, field.Location, field.WireName, field.TypeColumn, "a list of " + type.Element, source));
    }

    /// <summary>The element type an example array shows, or null when its items are missing, mixed or unknown.</summary>
    private static TypeRef? FromArray(LenientJsonValue? example, List<DtoModel> dtos)
    {
        if (example is not { Kind: JsonKind.Array } || example.Items.Count == 0)
        {
            return null;
        }

        var kinds = example.Items.Select(i => i.Kind).Distinct().ToList();
        if (kinds.All(k => k is JsonKind.Integer or JsonKind.Fraction))
        {
            return kinds.Contains(JsonKind.Fraction) ? TypeRef.Double : TypeRef.Int64;
        }

        if (kinds.Count != 1)
        {
            return null;
        }

        return kinds[0] switch
        {
            JsonKind.String => TypeRef.String,
            JsonKind.Boolean => TypeRef.Boolean,
            JsonKind.Object => MatchingDto(example.Items, dtos) is { } name ? TypeRef.Dto(name) : null,
            _ => null,
        };
    }

    private static string? MatchingDto(List<LenientJsonValue> objects, List<DtoModel> dtos)
    {
        var keys = new HashSet<string>(objects.SelectMany(o => o.Properties.Select(p => p.Key)), StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return null;
        }

        var needed = (int)Math.Ceiling(keys.Count * 0.8);
        return dtos
            .Where(d => d.Role == DtoRole.Nested)
            .Select((d, order) => (d.Name, Matched: d.Fields.Count(f => keys.Contains(f.WireName)), Length: d.Fields.Count, order))
            .Where(c => c.Matched >= needed)
            .OrderByDescending(c => c.Matched)
            .ThenBy(c => c.Length)
            .ThenBy(c => c.order)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>
    /// The response example's values at each (type, field) it reaches, in document order, following the fields already
    /// typed. The walk only goes down the example, so it ends on cyclic types.
    /// </summary>
    private static Dictionary<(string, string), List<LenientJsonValue>> ValuesByField(LenientJsonValue root, string responseName, List<DtoModel> dtos, Dictionary<string, int> byName)
    {
        var values = new Dictionary<(string, string), List<LenientJsonValue>>();
        var pending = new Queue<(string Dto, LenientJsonValue Value)>();
        pending.Enqueue((responseName, root));
        while (pending.Count > 0)
        {
            var (dtoName, value) = pending.Dequeue();
            if (!byName.TryGetValue(dtoName, out var index))
            {
                continue;
            }

            foreach (var field in dtos[index].Fields)
            {
                if (value[field.WireName] is not { } fieldValue)
                {
                    continue;
                }

                if (!values.TryGetValue((dtoName, field.WireName), out var seen))
                {
                    values[(dtoName, field.WireName)] = seen = new List<LenientJsonValue>();
                }

                seen.Add(fieldValue);

                if (field.Type is { Kind: TypeKind.Dto } && fieldValue.Kind == JsonKind.Object)
                {
                    pending.Enqueue((field.Type.Name!, fieldValue));
                }
                else if (field.Type is { Kind: TypeKind.List, Element.Kind: TypeKind.Dto } && fieldValue.Kind == JsonKind.Array)
                {
                    foreach (var item in fieldValue.Items.Where(i => i.Kind == JsonKind.Object).Take(MaxItemsWalked))
                    {
                        pending.Enqueue((field.Type.Element.Name!, item));
                    }
                }
            }
        }

        return values;
    }

    /// <summary>The one data structure of the page that no field refers to, if there is exactly one.</summary>
    private static string? Unreferenced(List<DtoModel> dtos, string responseName)
    {
        var referenced = new HashSet<string>(dtos.SelectMany(d => d.Fields).Select(f => f.Type.Innermost).Where(t => t.Kind == TypeKind.Dto).Select(t => t.Name!), StringComparer.Ordinal);
        var candidates = dtos.Where(d => d.Role == DtoRole.Nested && d.Name != responseName && !referenced.Contains(d.Name)).Take(2).ToList();
        return candidates.Count == 1 ? candidates[0].Name : null;
    }
}
