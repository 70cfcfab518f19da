using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// Per-page overrides written in the page: <c>&lt;!-- authing-docsgen: verb=GET route=/api/v3/x client=management name=getX skip=true --&gt;</c>,
/// and number widths per field name: <c>number.ratio=double number.count=int64</c>.
/// </summary>
internal sealed class Directives
{
    public const string Marker = "authing-docsgen:";

    private static readonly Regex s_directive = new(@"<!--\s*authing-docsgen:(.*?)-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_pair = new(@"([A-Za-z][A-Za-z0-9_.]*)\s*=\s*(""[^""]*""|\S+)", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    public Dictionary<string, (string Value, MarkdownLocation Location)> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static Directives Read(IEnumerable<Markdig.Syntax.HtmlBlock> blocks, LineMap lines)
    {
        var result = new Directives();
        foreach (var block in blocks)
        {
            var blockText = lines.Text.Substring(block.Span.Start, block.Span.Length);
            foreach (Match directive in s_directive.Matches(blockText))
            {
                foreach (Match pair in s_pair.Matches(directive.Groups[1].Value))
                {
                    var start = block.Span.Start + directive.Groups[1].Index + pair.Index;
                    result.Values[pair.Groups[1].Value] = (pair.Groups[2].Value.Trim('"'), lines.Locate(start, start + pair.Length));
                }
            }
        }

        return result;
    }

    /// <summary>Field name → <see cref="TypeRef"/> from <c>number.{field}=double|int64</c>; invalid widths are reported.</summary>
    public Dictionary<string, TypeRef> NumberWidths(System.Action<DiagnosticInfo> report)
    {
        var widths = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
        foreach (var entry in Values)
        {
            if (!entry.Key.StartsWith("number.", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var field = entry.Key.Substring("number.".Length);
            switch (entry.Value.Value.ToLowerInvariant())
            {
                case "double":
                    widths[field] = TypeRef.Double;
                    break;
                case "int64":
                case "long":
                    widths[field] = TypeRef.Int64;
                    break;
                default:
                    report(DiagnosticFactory.Create(Diagnostics.DiagnosticDescriptors.InvalidOverride, entry.Value.Location, entry.Key, entry.Value.Value, "expected double or int64"));
                    break;
            }
        }

        return widths;
    }

    public bool TryGet(string key, out string value, out MarkdownLocation? location)
    {
        if (Values.TryGetValue(key, out var entry))
        {
            value = entry.Value;
            location = entry.Location;
            return true;
        }

        value = string.Empty;
        location = null;
        return false;
    }
}
