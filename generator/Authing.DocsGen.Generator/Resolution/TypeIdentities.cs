using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Resolution;

/// <summary>
/// Deep identity of a page's types: a type is the same on two pages only when it and every type it reaches on its page
/// have the same name, envelope flag, wire names, field types and required flags. Docs text and locations do not count.
/// </summary>
/// <remarks>
/// A page's identities depend on that page alone, so they are computed once per page model and kept with it: in an
/// incremental run the pages that did not change are the same objects, and adding a page computes only its own.
/// </remarks>
internal static class TypeIdentities
{
    private static readonly ConditionalWeakTable<PageModel, Dictionary<string, string>> s_byPage = new();

    /// <summary>
    /// A key equal for two definitions exactly when they are equal all the way down: the shapes of every type reachable
    /// from <paramref name="name"/> on the page, sorted by name (names are unique on a page, so the graph, cycles
    /// included, is fixed by them).
    /// </summary>
    public static string Of(PageModel page, string name) =>
        s_byPage.GetValue(page, KeysOf).TryGetValue(name, out var key) ? key : string.Empty;

    private static Dictionary<string, string> KeysOf(PageModel page)
    {
        var dtos = new Dictionary<string, DtoModel>(StringComparer.Ordinal);
        foreach (var dto in page.Dtos)
        {
            dtos[dto.Name] = dto;
        }

        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in dtos.Keys)
        {
            keys[name] = KeyOf(name, dtos, shapes);
        }

        return keys;
    }

    private static string KeyOf(string name, Dictionary<string, DtoModel> dtos, Dictionary<string, string> shapes)
    {
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(name);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!reached.Add(current) || !dtos.TryGetValue(current, out var dto))
            {
                continue;
            }

            foreach (var field in dto.Fields)
            {
                if (field.Type.Innermost is { Kind: TypeKind.Dto } nested)
                {
                    pending.Push(nested.Name!);
                }
            }
        }

        var text = new StringBuilder();
        foreach (var reachedName in reached)
        {
            if (dtos.TryGetValue(reachedName, out var dto))
            {
                text.Append(ShapeOf(dto, shapes)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>One type's own shape with its required flags; types reach the same types, so each is built once.</summary>
    private static string ShapeOf(DtoModel dto, Dictionary<string, string> shapes)
    {
        if (!shapes.TryGetValue(dto.Name, out var shape))
        {
            var text = new StringBuilder(dto.Shape).Append('|');
            foreach (var field in dto.Fields)
            {
                text.Append(field.Required ? '!' : '?');
            }

            shapes[dto.Name] = shape = text.ToString();
        }

        return shape;
    }
}
