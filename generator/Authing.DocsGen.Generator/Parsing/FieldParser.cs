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
    private static readonly Regex s_enumValuesSentence = new(@"(可选)?枚举值\s*[:：]|enum(eration)? values?\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_backticked = new("`([^`]+)`", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_bulletItem = new(@"^\s*[-*]\s+(`(?<v>[^`]+)`|(?<v>[A-Za-z0-9_.\-]+))\s*([:：]\s*(?<d>.*))?$", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_bulletStart = new(@"^\s*[-*]\s+", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    private readonly LineMap _lines;
    private readonly ISet<string> _pageDtos;
    private readonly Action<DiagnosticInfo> _report;
    private readonly List<EnumModel> _enums;

    private readonly IReadOnlyDictionary<string, TypeRef> _numberWidths;

    /// <param name="numberWidths">Overrides of the number rule by field name (<c>number.{field}=double</c> directives).</param>
    public FieldParser(LineMap lines, ISet<string> pageDtos, List<EnumModel> enums, Action<DiagnosticInfo> report, IReadOnlyDictionary<string, TypeRef> numberWidths)
    {
        _numberWidths = numberWidths;
        _lines = lines;
        _pageDtos = pageDtos;
        _enums = enums;
        _report = report;
    }

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
                _report(Diag.Create(DiagnosticDescriptors.DuplicateField, field.Location, field.WireName));
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

        var location = _lines.Locate(row.Start, row.End);
        if (!NameRules.Accept("Field name", name, location, "the row is skipped", _report))
        {
            return null;
        }

        var description = row[ColumnRole.Description];
        var exampleCell = row[ColumnRole.Example];
        var (lead, enumMembers) = ReadEnum(description.Text, exampleCell.Text);
        var example = enumMembers is not null && s_enumValuesSentence.IsMatch(exampleCell.Text) ? null : NullIfEmpty(exampleCell.Plain);
        var type = ReadType(name, row[ColumnRole.Type], description, example, location);
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

        var required = hasRequiredColumn && ReadRequired(name, row[ColumnRole.Required], location);
        var defaultValue = ReadDefault(name, row[ColumnRole.Default].Plain, location);
        return new FieldModel(name, type, required, lead, defaultValue, example, location);
    }

    private TypeRef ReadType(string fieldName, CellText typeCell, CellText description, string? example, MarkdownLocation location)
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
                CheckExample(fieldName, typeText, example, IsBoolean, location);
                return TypeRef.Boolean;
            case "number":
            case "integer":
            case "int":
            case "long":
                CheckExample(fieldName, typeText, example, IsNumber, location);
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
                return TypeRef.ListOf(nested is null ? TypeRef.Json : DtoOrJson(fieldName, nested, location));
            case "object":
            case "":
                if (nested is not null)
                {
                    return DtoOrJson(fieldName, nested, location);
                }

                if (lower.Length == 0)
                {
                    _report(Diag.Create(DiagnosticDescriptors.UnknownType, location, fieldName, "(empty)"));
                }

                return TypeRef.Json;
            default:
                if (lower.EndsWith("[]", StringComparison.Ordinal) && _pageDtos.Contains(typeText.Substring(0, typeText.Length - 2)))
                {
                    return TypeRef.ListOf(TypeRef.Dto(typeText.Substring(0, typeText.Length - 2)));
                }

                if (_pageDtos.Contains(typeText))
                {
                    return TypeRef.Dto(typeText);
                }

                _report(Diag.Create(DiagnosticDescriptors.UnknownType, location, fieldName, typeText));
                return TypeRef.Json;
        }
    }

    private static string? NestedTypeOf(CellText description)
    {
        var lower = description.Text.ToLowerInvariant();
        return description.Anchors.Count > 0 && s_nestedTypeMarkers.Any(lower.Contains) ? description.Anchors[description.Anchors.Count - 1] : null;
    }

    private TypeRef DtoOrJson(string fieldName, string anchor, MarkdownLocation location)
    {
        if (_pageDtos.Contains(anchor))
        {
            return TypeRef.Dto(anchor);
        }

        _report(Diag.Create(DiagnosticDescriptors.UnresolvedDtoLink, location, fieldName, anchor));
        return TypeRef.Json;
    }

    private void CheckExample(string fieldName, string typeText, string? example, Func<string, bool> fits, MarkdownLocation location)
    {
        if (example is not null && !fits(example))
        {
            _report(Diag.Create(DiagnosticDescriptors.ExampleContradictsType, location, fieldName, typeText, example));
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
                _report(Diag.Create(DiagnosticDescriptors.UnrecognizedRequiredValue, location, fieldName, cell.Plain));
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
            _report(Diag.Create(DiagnosticDescriptors.UnusableDefault, location, fieldName, text));
            return null;
        }

        return text;
    }

    /// <summary>
    /// The enum rule: a description whose bullet list has only <c>VALUE: meaning</c> items (values backticked or a
    /// single token without spaces), or a <c>枚举值：`A`,`B`</c> sentence in the description or example column. A
    /// bullet list with any other item is prose, not an enum.
    /// </summary>
    internal static (string Lead, List<EnumMemberModel>? Members) ReadEnum(string description, string example)
    {
        foreach (var text in new[] { description, example })
        {
            var sentence = s_enumValuesSentence.Match(text);
            if (sentence.Success)
            {
                var values = s_backticked.Matches(text.Substring(sentence.Index)).Cast<Match>()
                    .Select(m => new EnumMemberModel(m.Groups[1].Value.Trim(), string.Empty))
                    .ToList();
                if (values.Count > 0)
                {
                    var lead = text == description ? description.Substring(0, sentence.Index) : description;
                    return (Clean(lead), Distinct(values));
                }
            }
        }

        var lines = description.Split('\n');
        var members = new List<EnumMemberModel>();
        var leadLines = new List<string>();
        foreach (var line in lines)
        {
            if (!s_bulletStart.IsMatch(line))
            {
                if (members.Count == 0)
                {
                    leadLines.Add(line);
                }

                continue;
            }

            var item = s_bulletItem.Match(line);
            if (!item.Success)
            {
                return (Clean(description), null);
            }

            members.Add(new EnumMemberModel(item.Groups["v"].Value.Trim(), Clean(item.Groups["d"].Value)));
        }

        return members.Count == 0 ? (Clean(description), null) : (Clean(string.Join("\n", leadLines)), Distinct(members));
    }

    private static List<EnumMemberModel> Distinct(List<EnumMemberModel> members) =>
        members.GroupBy(m => m.Value, StringComparer.Ordinal).Select(g => g.First()).ToList();

    private static string Clean(string text) => text.Replace("`", string.Empty).Trim().TrimEnd(':', '：').Trim();

    private static string EnumName(string ownerName, string fieldName)
    {
        var owner = ownerName.EndsWith("Dto", StringComparison.Ordinal) ? ownerName.Substring(0, ownerName.Length - 3) : ownerName;
        return owner + Naming.ToPascalCase(fieldName);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
