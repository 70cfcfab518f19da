using System;
using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Authing.DocsGen.Parsing;

namespace Authing.DocsGen.Linting;

/// <summary>A lint finding: the diagnostic, and for a type defined differently on two pages, the other definition.</summary>
public sealed record LintFinding(DiagnosticInfo Diagnostic, MarkdownLocation? Related = null);

/// <summary>
/// The docs lint (ADG031–ADG036): where a page contradicts itself or another page. It reads what the parser already
/// produced (<see cref="PageModel"/>, the response example included) and the page's text, and never changes what is generated. Per page:
/// the example against the response tables; across pages: types defined twice and type names one edit from a defined
/// one. Never throws on docs text (a page that fails to lint yields no findings; the parser already reported it).
/// </summary>
public static class DocsLint
{
    /// <summary>
    /// One page's examples against its tables: the response example against the response table and the data structures
    /// it reaches, and each table row's JSON example (an object or array in the example column) against the row's type.
    /// </summary>
    public static IReadOnlyList<LintFinding> LintPage(string path, string text, PageModel page)
    {
        if (page.Method is null || text.Length > ParserLimits.MaxPageChars)
        {
            return Array.Empty<LintFinding>();
        }

        try
        {
            var lines = new LineMap(path, text);
            var findings = new List<LintFinding>();
            foreach (var dto in page.Dtos)
            {
                foreach (var field in dto.Fields)
                {
                    RowExample(page, lines, dto, field, findings);
                }
            }

            if (page.Method.ResponseDtoName is { } responseName
                && page.Method.Example is { } example
                && page.Dtos.FirstOrDefault(d => d.Name == responseName && d.Role == DtoRole.Response) is { } response)
            {
                var (json, offsets) = CodeText(example);
                if (LenientJson.TryParse(json) is { Kind: JsonKind.Object } root)
                {
                    var walk = new ExampleWalk(page, lines, offsets, "the response example", checkMissing: true);
                    walk.Object(root, response, string.Empty);
                    findings.AddRange(walk.Findings);
                }
            }

            return findings;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Array.Empty<LintFinding>();
        }
    }

    /// <summary>
    /// A row whose type is a data structure or a list, with a JSON object or array as its example. Scalar examples are
    /// the parser's (ADG011); a row example may leave fields out, so missing fields are not reported here.
    /// </summary>
    private static void RowExample(PageModel page, LineMap lines, DtoModel owner, FieldModel field, List<LintFinding> findings)
    {
        if (field.Type.Kind is not (TypeKind.Dto or TypeKind.List) || field.Example is not { } example || field.Location.FilePath.Length == 0
            || example.TrimStart() is not { Length: > 0 } trimmed || trimmed[0] is not ('{' or '['))
        {
            return;
        }

        if (LenientJson.TryParse(example) is not { } value)
        {
            return;
        }

        // The example's place in the page: its text in the row, else the row.
        var row = lines.LineAt(field.Location.Start);
        var rowStart = lines.LineStart(field.Location.Start);
        var at = row.IndexOf(example, StringComparison.Ordinal);
        var offsets = new List<(int, int)> { (0, at >= 0 ? rowStart + at : field.Location.Start) };
        var walk = new ExampleWalk(page, lines, offsets, "the example of '" + field.WireName + "'", checkMissing: false, exact: at >= 0);
        walk.Value(value, field.Type, field, owner, field.WireName);
        findings.AddRange(walk.Findings);
    }

    /// <summary>Across pages: a type defined differently on two pages (ADG035), an undefined type name one edit from a defined one (ADG036).</summary>
    public static IReadOnlyList<LintFinding> LintAcross(IEnumerable<PageModel> pages)
    {
        var ordered = pages.OrderBy(p => p.FilePath, StringComparer.Ordinal).ToList();
        var findings = new List<LintFinding>();
        foreach (var group in ordered.SelectMany(p => p.Dtos).GroupBy(d => d.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                if (!SameFields(first, other) && Differences(first, other) is { Length: > 0 } differences)
                {
                    findings.Add(new LintFinding(
                        DiagnosticFactory.Create(DiagnosticDescriptors.TypeDefinedDifferently, other.Location, first.Name, Where(first.Location), differences),
                        first.Location));
                }
            }
        }

        var defined = new Dictionary<string, MarkdownLocation>(StringComparer.Ordinal);
        foreach (var page in ordered)
        {
            foreach (var (name, location) in page.Dtos.Select(d => (d.Name, d.Location)).Concat(page.Enums.Select(e => (e.Name, e.Location))))
            {
                if (!defined.ContainsKey(name))
                {
                    defined[name] = location;
                }
            }
        }

        foreach (var diagnostic in ordered.SelectMany(p => p.Diagnostics).Where(d => d.Id == DiagnosticDescriptors.UnresolvedDtoLink.Id && d.MessageArgs.Count > 1))
        {
            var name = diagnostic.MessageArgs[1];
            if (defined.ContainsKey(name))
            {
                continue;
            }

            var near = defined.Keys.Where(k => OneEditApart(name, k)).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault();
            if (near is not null)
            {
                findings.Add(new LintFinding(DiagnosticFactory.Create(DiagnosticDescriptors.TypeNameTypo, diagnostic.Location, name, near, Where(defined[near])), defined[near]));
            }
        }

        return findings;
    }

    /// <summary>The common case, checked without building lookups: the same fields, in the same order, typed and required alike.</summary>
    private static bool SameFields(DtoModel here, DtoModel there)
    {
        if (here.Fields.Count != there.Fields.Count)
        {
            return false;
        }

        for (var i = 0; i < here.Fields.Count; i++)
        {
            var (a, b) = (here.Fields[i], there.Fields[i]);
            if (a.WireName != b.WireName || a.Required != b.Required || !Equals(a.Type, b.Type))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What differs between two definitions of a type: fields only on one, and fields typed or required differently.</summary>
    private static string Differences(DtoModel here, DtoModel there)
    {
        var mine = here.Fields.GroupBy(f => f.WireName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var theirs = there.Fields.GroupBy(f => f.WireName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var parts = new List<string>();
        var onlyThere = theirs.Keys.Where(k => !mine.ContainsKey(k)).ToList();
        var onlyHere = mine.Keys.Where(k => !theirs.ContainsKey(k)).ToList();
        if (onlyThere.Count > 0)
        {
            parts.Add("only here: " + string.Join(", ", onlyThere));
        }

        if (onlyHere.Count > 0)
        {
            parts.Add("only there: " + string.Join(", ", onlyHere));
        }

        foreach (var pair in theirs)
        {
            var (name, field) = (pair.Key, pair.Value);
            if (mine.TryGetValue(name, out var other))
            {
                if (!Equals(field.Type, other.Type))
                {
                    parts.Add($"'{name}' is {Describe(field.Type)} here, {Describe(other.Type)} there");
                }
                else if (field.Required != other.Required)
                {
                    parts.Add($"'{name}' is {(field.Required ? "required" : "optional")} here, {(other.Required ? "required" : "optional")} there");
                }
            }
        }

        return string.Join("; ", parts);
    }

    private static string Where(MarkdownLocation location) => $"{location.FilePath}({location.StartLine + 1},{location.StartColumn + 1})";

    /// <summary>One insertion, deletion, substitution or swap of neighbours (a typo); case differences count.</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var restA = a.Substring(prefix);
        var restB = b.Substring(prefix);
        if (restA.Length == restB.Length)
        {
            return restA.Substring(1) == restB.Substring(1)
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA.Substring(2) == restB.Substring(2));
        }

        return restA.Length > restB.Length ? restA.Substring(1) == restB : restB.Substring(1) == restA;
    }

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "a string",
        TypeKind.Int64 => "an integer",
        TypeKind.Double => "a number",
        TypeKind.Boolean => "a boolean",
        TypeKind.Json => "any JSON",
        TypeKind.List => "an array of " + type.Element!.ToString(),
        _ => "'" + type.Name + "'",
    };

    /// <summary>The example's text as LenientJson reads it, and each of its lines' offset in the page.</summary>
    private static (string Text, List<(int TextStart, int PageStart)> Offsets) CodeText(ResponseExample example)
    {
        var offsets = new List<(int, int)>();
        var textStart = 0;
        for (var i = 0; i < example.LineStarts.Count; i++)
        {
            offsets.Add((textStart, example.LineStarts[i]));
            var end = example.Text.IndexOf('\n', textStart);
            textStart = end < 0 ? example.Text.Length : end + 1;
        }

        return (example.Text, offsets);
    }

    /// <summary>Walks the example beside the tables, each type's fields compared once (the first object of that type).</summary>
    private sealed class ExampleWalk
    {
        private readonly PageModel _page;
        private readonly LineMap _lines;
        private readonly List<(int TextStart, int PageStart)> _offsets;
        private readonly HashSet<string> _checkedMissing = new(StringComparer.Ordinal);
        private readonly HashSet<(string Dto, string Field)> _reported = new();
        private readonly string _where;
        private readonly bool _checkMissing;
        private readonly bool _exact;

        /// <param name="where">How messages name the example: "the response example".</param>
        /// <param name="exact">False when the example's text was not found verbatim: findings are placed at its start.</param>
        public ExampleWalk(PageModel page, LineMap lines, List<(int, int)> offsets, string where, bool checkMissing, bool exact = true)
        {
            _page = page;
            _lines = lines;
            _offsets = offsets;
            _where = where;
            _checkMissing = checkMissing;
            _exact = exact;
        }

        public List<LintFinding> Findings { get; } = new();

        public void Object(LenientJsonValue value, DtoModel dto, string path)
        {
            var fields = dto.Fields.GroupBy(f => f.WireName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var property in value.Properties)
            {
                var name = path.Length == 0 ? property.Key : path + "." + property.Key;
                if (fields.TryGetValue(property.Key, out var field))
                {
                    Value(property.Value, field, dto, name);
                }
                else if (!(dto.IsEnvelope && DtoModel.EnvelopeWireNames.Contains(property.Key)) && _reported.Add((dto.Name, property.Key)))
                {
                    Findings.Add(new LintFinding(DiagnosticFactory.Create(DiagnosticDescriptors.ExampleFieldNotInTable, KeyLocation(property.Value, property.Key), _where, name, dto.Name)));
                }
            }

            // Fields the example leaves out: once per type, the envelope's own fields aside (errors carry them).
            if (_checkMissing && _checkedMissing.Add(dto.Name))
            {
                var present = new HashSet<string>(value.Properties.Select(p => p.Key), StringComparer.Ordinal);
                foreach (var field in fields.Values.Where(f => !present.Contains(f.WireName) && !(dto.IsEnvelope && DtoModel.EnvelopeWireNames.Contains(f.WireName))))
                {
                    Findings.Add(new LintFinding(DiagnosticFactory.Create(
                        DiagnosticDescriptors.TableFieldNotInExample, NameCell(field), field.WireName, dto.Name, path.Length == 0 ? "the top level" : path, Count(value.Properties.Count, "field"))));
                }
            }
        }

        private void Value(LenientJsonValue value, FieldModel field, DtoModel owner, string path) => Value(value, field.Type, field, owner, path);

        public void Value(LenientJsonValue value, TypeRef type, FieldModel field, DtoModel owner, string path)
        {
            if (value.Kind == JsonKind.Null || type.Kind == TypeKind.Json)
            {
                return;
            }

            var fits = type.Kind switch
            {
                TypeKind.String => value.Kind is JsonKind.String or JsonKind.Integer or JsonKind.Fraction,
                TypeKind.Int64 => value.Kind is JsonKind.Integer,
                TypeKind.Double => value.Kind is JsonKind.Integer or JsonKind.Fraction,
                TypeKind.Boolean => value.Kind is JsonKind.Boolean,
                TypeKind.Dto => value.Kind is JsonKind.Object,
                TypeKind.Enum => value.Kind is JsonKind.String or JsonKind.Integer,
                TypeKind.List => value.Kind is JsonKind.Array,
                _ => true,
            };
            if (!fits)
            {
                if (_reported.Add((owner.Name, field.WireName)))
                {
                    Findings.Add(new LintFinding(DiagnosticFactory.Create(
                        DiagnosticDescriptors.ExampleKindContradictsTable, Locate(value), _where, path, KindText(value.Kind), owner.Name, Describe(type), (field.Location.StartLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
                }

                return;
            }

            switch (type.Kind)
            {
                case TypeKind.Dto when _page.Dtos.FirstOrDefault(d => d.Name == type.Name) is { } nested:
                    Object(value, nested, path);
                    break;
                case TypeKind.Enum when _page.Enums.FirstOrDefault(e => e.Name == type.Name) is { } enumeration
                                        && !enumeration.Members.Any(m => m.Value == value.Text)
                                        && _reported.Add((owner.Name, field.WireName)):
                    Findings.Add(new LintFinding(DiagnosticFactory.Create(
                        DiagnosticDescriptors.ExampleEnumValueUnknown, Locate(value), _where, path, value.Text, enumeration.Name, "known: " + string.Join(", ", enumeration.Members.Select(m => m.Value)))));
                    break;
                case TypeKind.List:
                    for (var i = 0; i < value.Items.Count; i++)
                    {
                        Value(value.Items[i], type.Element!, field, owner, path + "[" + i + "]");
                    }

                    break;
            }
        }

        /// <summary>The row's name cell (the wire name in its row), else the row.</summary>
        private MarkdownLocation NameCell(FieldModel field)
        {
            var row = _lines.LineAt(field.Location.Start);
            var lineStart = _lines.LineStart(field.Location.Start);
            var at = row.IndexOf(field.WireName, StringComparison.Ordinal);
            return at < 0 || field.Location.FilePath.Length == 0 ? field.Location : _lines.Locate(lineStart + at, lineStart + at + field.WireName.Length);
        }

        private static string KindText(JsonKind kind) => kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Integer => "an integer",
            JsonKind.Fraction => "a number with a fraction",
            JsonKind.Boolean => "a boolean",
            _ => "null",
        };

        private static string Count(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");

        /// <summary>The value's place in the page (the example's text offsets mapped back line by line).</summary>
        private MarkdownLocation Locate(LenientJsonValue value) => !_exact ? _lines.Locate(_offsets[0].PageStart, _offsets[0].PageStart) : _lines.Locate(PageOffset(value.Start), PageOffset(value.Kind is JsonKind.Object or JsonKind.Array ? value.Start + 1 : value.End));

        /// <summary>The quoted key before a value: search back from the value on its line; else the value itself.</summary>
        private MarkdownLocation KeyLocation(LenientJsonValue value, string key)
        {
            if (!_exact)
            {
                return Locate(value);
            }

            var start = PageOffset(value.Start);
            var lineStart = _lines.LineStart(start);
            var quoted = "\"" + key + "\"";
            var at = _lines.Text.LastIndexOf(quoted, start, start - lineStart + 1, StringComparison.Ordinal);
            return at >= 0 ? _lines.Locate(at, at + quoted.Length) : Locate(value);
        }

        private int PageOffset(int textOffset)
        {
            var line = _offsets.Count - 1;
            while (line > 0 && _offsets[line].TextStart > textOffset)
            {
                line--;
            }

            return _offsets[line].PageStart + (textOffset - _offsets[line].TextStart);
        }
    }
}
