using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Authing.DocsGen.Text;

namespace Authing.DocsGen.Parsing;

/// <summary>Turns table rows into fields: type (FORMAT.md §4), requiredness, default, example and enums (§8).</summary>
internal sealed class FieldParser
{
    private static readonly string[] s_nestedTypeMarkers = { "嵌套类型", "nested type", "nesting type" };

    private readonly LineMap _lines;
    private readonly ISet<string> _pageDtos;
    private readonly Action<DiagnosticInfo> _report;
    private readonly List<EnumModel> _enums;

    private readonly IReadOnlyDictionary<string, TypeRef> _numberWidths;
    private readonly IReadOnlyDictionary<string, TypeRef> _forcedTypes;

    /// <param name="numberWidths">Overrides of the number rule by field name (<c>number.{field}=double</c> directives).</param>
    /// <param name="forcedTypes">Types set by <c>docsgen.json</c> by field name; they replace the type column.</param>
    public FieldParser(LineMap lines, ISet<string> pageDtos, List<EnumModel> enums, Action<DiagnosticInfo> report, IReadOnlyDictionary<string, TypeRef> numberWidths, IReadOnlyDictionary<string, TypeRef> forcedTypes)
    {
        _forcedTypes = forcedTypes;
        _numberWidths = numberWidths;
        _lines = lines;
        _pageDtos = pageDtos;
        _enums = enums;
        _report = report;
    }

    /// <summary>
    /// Fields typed plain <c>array</c> or with an empty type column that no nested-type sentence explains, for
    /// <see cref="ElementTypes"/> to type from the page's examples. An empty type left unexplained is reported there.
    /// </summary>
    public List<UntypedField> Untyped { get; } = new();

    public List<FieldModel> ParseTable(TableData table, string ownerName, bool hasRequiredColumn)
    {
        var fields = new List<FieldModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var field = ParseRow(row, ownerName, hasRequiredColumn);
            if (field is null)
            {
                continue;
            }

            // Two rows with one wire name would give a converter two identical case labels.
            if (!seen.Add(field.WireName))
            {
                _report(DiagnosticFactory.Create(DiagnosticDescriptors.DuplicateField, field.Location, field.WireName));
                continue;
            }

            fields.Add(field);
        }

        return fields;
    }

    private FieldModel? ParseRow(TableRowData row, string ownerName, bool hasRequiredColumn)
    {
        var name = row[ColumnRole.Name].Plain;
        if (name.Length == 0)
        {
            return null;
        }

        // The field spans its row; each finding about one cell points at that cell.
        var location = _lines.Locate(row.Start, row.End);
        var typeLocation = At(row[ColumnRole.Type], location);
        if (!NameRules.Accept("Field name", name, At(row[ColumnRole.Name], location), "the row is skipped", _report))
        {
            return null;
        }

        var description = row[ColumnRole.Description];
        var exampleCell = row[ColumnRole.Example];
        var (lead, enumMembers) = EnumRules.Read(description.Text, exampleCell.Text);
        var example = enumMembers is not null && EnumRules.HasValuesSentence(exampleCell.Text) ? null : NullIfEmpty(exampleCell.Plain);
        var type = _forcedTypes.TryGetValue(name, out var forced) ? forced : ReadType(name, row[ColumnRole.Type], description, example, typeLocation, At(exampleCell, location));
        var enumLocation = _lines.Locate(description.Start, description.End);
        enumMembers = enumMembers?.Where(m => NameRules.Accept("Enum value", m.Value, enumLocation, "the value is left out of the enum", _report)).ToList();

        if (enumMembers is { Count: > 0 } && type.Kind == TypeKind.String)
        {
            var enumName = EnumName(ownerName, name);
            _enums.Add(new EnumModel(enumName, lead, enumMembers.ToEquatableArray(), enumLocation));
            type = TypeRef.Enum(enumName);
        }
        else
        {
            lead = description.Plain;
        }

        var typeColumn = row[ColumnRole.Type].Plain;
        if (forced is null && (typeColumn.Length == 0 && type.Kind == TypeKind.Json || typeColumn.Equals("array", StringComparison.OrdinalIgnoreCase) && type.Element is { Kind: TypeKind.Json }))
        {
            Untyped.Add(new UntypedField(ownerName, name, typeColumn.Length == 0 ? "(empty)" : typeColumn, typeLocation));
        }

        var required = hasRequiredColumn && ReadRequired(name, row[ColumnRole.Required], At(row[ColumnRole.Required], location));
        var defaultValue = ReadDefault(name, row[ColumnRole.Default].Plain, At(row[ColumnRole.Default], location));
        return new FieldModel(name, type, required, lead, defaultValue, example, location);
    }

    private TypeRef ReadType(string fieldName, CellText typeCell, CellText description, string? example, MarkdownLocation location, MarkdownLocation exampleLocation)
    {
        var typeText = typeCell.Plain;
        var lower = typeText.ToLowerInvariant();
        if (typeCell.Anchors.Count > 0)
        {
            var dto = DtoOrJson(fieldName, typeCell.Anchors[0], location);
            return typeText.EndsWith("[]", StringComparison.Ordinal) ? TypeRef.ListOf(dto) : dto;
        }

        var nested = NestedTypeOf(description);
        switch (lower)
        {
            case "string":
                return TypeRef.String;
            case "boolean":
            case "bool":
                CheckExample(fieldName, typeText, example, IsBoolean, exampleLocation);
                return TypeRef.Boolean;
            case "number":
            case "integer":
            case "int":
            case "long":
                CheckExample(fieldName, typeText, example, IsNumber, exampleLocation);
                if (_numberWidths.TryGetValue(fieldName, out var width))
                {
                    return width;
                }

                // The number rule: a fraction in the example means double; everything else is a 64-bit integer.
                return example is not null && example.IndexOf('.') >= 0 && IsNumber(example) ? TypeRef.Double : TypeRef.Int64;
            case "string[]":
                return TypeRef.ListOf(TypeRef.String);
            case "number[]":
                return TypeRef.ListOf(TypeRef.Int64);
            case "array":
                if (nested is null && description.Anchors.FirstOrDefault(_pageDtos.Contains) is { } linked)
                {
                    // "array" with a link to a data structure but no nested-type sentence: the link names the items.
                    _report(DiagnosticFactory.Create(DiagnosticDescriptors.ElementTypeInferred, location, fieldName, typeText, "a list of " + linked, "the link in its description"));
                    return TypeRef.ListOf(TypeRef.Dto(linked));
                }

                return TypeRef.ListOf(nested is null ? TypeRef.Json : DtoOrJson(fieldName, nested, location));
            case "object":
            case "":
                return nested is not null ? DtoOrJson(fieldName, nested, location) : TypeRef.Json;
            default:
                if (lower.EndsWith("[]", StringComparison.Ordinal) && _pageDtos.Contains(typeText.Substring(0, typeText.Length - 2)))
                {
                    return TypeRef.ListOf(TypeRef.Dto(typeText.Substring(0, typeText.Length - 2)));
                }

                if (_pageDtos.Contains(typeText))
                {
                    return TypeRef.Dto(typeText);
                }

                _report(DiagnosticFactory.Create(DiagnosticDescriptors.UnknownType, location, fieldName, typeText));
                return TypeRef.Json;
        }
    }

    private static string? NestedTypeOf(CellText description)
    {
        var lower = description.Text.ToLowerInvariant();
        return description.Anchors.Count > 0 && s_nestedTypeMarkers.Any(lower.Contains) ? description.Anchors[description.Anchors.Count - 1] : null;
    }

    /// <summary>The cell's own span, or the row's when the cell is missing (a short row).</summary>
    private MarkdownLocation At(CellText cell, MarkdownLocation row) => cell.End > cell.Start ? _lines.Locate(cell.Start, cell.End) : row;

    private TypeRef DtoOrJson(string fieldName, string anchor, MarkdownLocation location)
    {
        if (_pageDtos.Contains(anchor))
        {
            return TypeRef.Dto(anchor);
        }

        _report(DiagnosticFactory.Create(DiagnosticDescriptors.UnresolvedDtoLink, location, fieldName, anchor));
        return TypeRef.Json;
    }

    private void CheckExample(string fieldName, string typeText, string? example, Func<string, bool> fits, MarkdownLocation location)
    {
        if (example is not null && !fits(example))
        {
            _report(DiagnosticFactory.Create(DiagnosticDescriptors.ExampleContradictsType, location, fieldName, typeText, example));
        }
    }

    private static bool IsBoolean(string text) => text is "true" or "false";

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private bool ReadRequired(string fieldName, CellText cell, MarkdownLocation location)
    {
        switch (cell.Plain.ToLowerInvariant())
        {
            case "是":
            case "yes":
            case "y":
            case "true":
            case "required":
            case "必填":
            case "is":
                return true;
            case "否":
            case "no":
            case "n":
            case "false":
            case "":
            case "-":
                return false;
            default:
                _report(DiagnosticFactory.Create(DiagnosticDescriptors.UnrecognizedRequiredValue, location, fieldName, cell.Plain));
                return false;
        }
    }

    private string? ReadDefault(string fieldName, string text, MarkdownLocation location)
    {
        if (text.Length == 0 || text == "-")
        {
            return null;
        }

        if (text.Contains("[object Object]"))
        {
            _report(DiagnosticFactory.Create(DiagnosticDescriptors.UnusableDefault, location, fieldName, text));
            return null;
        }

        return text;
    }

    private static string EnumName(string ownerName, string fieldName)
    {
        var owner = ownerName.EndsWith("Dto", StringComparison.Ordinal) ? ownerName.Substring(0, ownerName.Length - 3) : ownerName;
        return owner + Naming.ToPascalCase(fieldName);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
