using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Resolution;

/// <summary>
/// Deep identity of a page's types: a type is the same on two pages only when it and every type it reaches on its page
/// have the same name, envelope flag, wire names, field types and required flags. Docs text and locations do not count.
/// </summary>
internal sealed class TypeIdentities
{
    private readonly Dictionary<string, Dictionary<string, DtoModel>> _dtosByPage;
    private readonly Dictionary<(string Page, string Name), string> _cache = new();
    private readonly Dictionary<(string Page, string Name), string> _shapes = new();

    public TypeIdentities(IEnumerable<PageModel> pages)
    {
        _dtosByPage = new Dictionary<string, Dictionary<string, DtoModel>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var dtos = new Dictionary<string, DtoModel>(StringComparer.Ordinal);
            foreach (var dto in page.Dtos)
            {
                dtos[dto.Name] = dto;
            }

            _dtosByPage[page.FilePath] = dtos;
        }
    }

    /// <summary>
    /// A key equal for two definitions exactly when they are equal all the way down: the shapes of every type reachable
    /// from <paramref name="name"/> on the page, sorted by name (names are unique on a page, so the graph, cycles
    /// included, is fixed by them).
    /// </summary>
    public string Of(PageModel page, string name)
    {
        if (_cache.TryGetValue((page.FilePath, name), out var key))
        {
            return key;
        }

        var dtos = _dtosByPage[page.FilePath];
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
                text.Append(ShapeOf(page.FilePath, dto)).Append('\n');
            }
        }

        key = text.ToString();
        _cache[(page.FilePath, name)] = key;
        return key;
    }

    /// <summary>One type's own shape with its required flags; types reach the same types, so each is built once.</summary>
    private string ShapeOf(string page, DtoModel dto)
    {
        if (!_shapes.TryGetValue((page, dto.Name), out var shape))
        {
            var text = new StringBuilder(dto.Shape).Append('|');
            foreach (var field in dto.Fields)
            {
                text.Append(field.Required ? '!' : '?');
            }

            _shapes[(page, dto.Name)] = shape = text.ToString();
        }

        return shape;
    }
}
