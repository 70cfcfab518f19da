using System;
using System.Collections.Generic;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// Bounds how deeply a page's data structures nest (<see cref="ParserLimits.MaxDtoNestingDepth"/> JSON levels: an
/// object counts one, each array around it one more). Cycles (A → B → A)
/// are legal: a reference back to a type still being visited is not counted. Every other chain of references is cut
/// where it would exceed the limit, and the cut field becomes free-form JSON with ADG022.
/// </summary>
/// <remarks>
/// A depth-first walk from each type in page order (request, response, then the data-structure section) classifies the
/// references that close a cycle; the remaining references form a DAG, whose heights are computed bottom-up. The walk
/// keeps its own stack: a page can hold thousands of types, and recursion would overflow the compiler's stack.
/// </remarks>
internal static class DtoNesting
{
    public static List<DtoModel> Limit(List<DtoModel> dtos, Action<DiagnosticInfo> report)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            index[dtos[i].Name] = i;
        }

        var state = new byte[dtos.Count];
        var height = new int[dtos.Count];
        var result = new List<DtoModel>(dtos);
        var stack = new Stack<(int Node, int Field)>();
        for (var root = 0; root < dtos.Count; root++)
        {
            if (state[root] != Unvisited)
            {
                continue;
            }

            state[root] = OnStack;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (node, field) = stack.Pop();
                var fields = dtos[node].Fields;
                if (field < fields.Count)
                {
                    stack.Push((node, field + 1));
                    var target = Target(fields[field].Type, index);
                    if (target >= 0 && state[target] == Unvisited)
                    {
                        state[target] = OnStack;
                        stack.Push((target, 0));
                    }

                    continue;
                }

                state[node] = Done;
                height[node] = Finish(node, dtos, index, state, height, result, report);
            }
        }

        return result;
    }

    private const byte Unvisited = 0;
    private const byte OnStack = 1;
    private const byte Done = 2;

    /// <summary>The type's height over the references that do not close a cycle, after cutting those that are too deep.</summary>
    private static int Finish(int node, List<DtoModel> dtos, Dictionary<string, int> index, byte[] state, int[] height, List<DtoModel> result, Action<DiagnosticInfo> report)
    {
        var dto = dtos[node];
        var own = 1;
        FieldModel[]? cut = null;
        for (var i = 0; i < dto.Fields.Count; i++)
        {
            var field = dto.Fields[i];
            var target = Target(field.Type, index);
            if (target < 0 || state[target] != Done)
            {
                // No type on this page, or a reference back to a type still being visited: a cycle.
                continue;
            }

            var depth = Levels(field.Type) + height[target];
            if (depth <= ParserLimits.MaxDtoNestingDepth)
            {
                own = Math.Max(own, depth);
                continue;
            }

            cut ??= ToArray(dto.Fields);
            cut[i] = field with { Type = WithoutDto(field.Type) };
            report(DiagnosticFactory.Create(
                DiagnosticDescriptors.LimitExceeded,
                field.Location,
                "The reference from '" + dto.Name + "." + field.WireName + "' to '" + dtos[target].Name + "' (" + DiagnosticFactory.Count(depth) + " levels of objects and arrays)",
                DiagnosticFactory.Count(ParserLimits.MaxDtoNestingDepth) + " levels",
                "the field is generated as free-form JSON"));
        }

        if (cut is not null)
        {
            result[node] = dto with { Fields = cut.ToEquatableArray() };
        }

        return own;
    }

    private static int Target(TypeRef type, Dictionary<string, int> index)
    {
        type = type.Innermost;
        return type.Kind == TypeKind.Dto && index.TryGetValue(type.Name!, out var target) ? target : -1;
    }

    /// <summary>The JSON levels a reference adds: one for the object, one for each array around it.</summary>
    private static int Levels(TypeRef type)
    {
        var levels = 1;
        for (; type.Kind == TypeKind.List; type = type.Element!)
        {
            levels++;
        }

        return levels;
    }

    private static TypeRef WithoutDto(TypeRef type) =>
        type.Kind == TypeKind.List ? TypeRef.ListOf(WithoutDto(type.Element!)) : type.Kind == TypeKind.Dto ? TypeRef.Json : type;

    private static FieldModel[] ToArray(EquatableArray<FieldModel> fields)
    {
        var array = new FieldModel[fields.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = fields[i];
        }

        return array;
    }
}
