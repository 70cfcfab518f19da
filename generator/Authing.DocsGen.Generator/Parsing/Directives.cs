using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// Per-page overrides written in the page: <c>&lt;!-- authing-docsgen: verb=GET route=/api/v3/x client=management name=getX skip=true --&gt;</c>.
/// </summary>
internal sealed class Directives
{
    public const string Marker = "authing-docsgen:";

    private static readonly Regex s_directive = new(@"<!--\s*authing-docsgen:(.*?)-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_pair = new(@"([A-Za-z]+)\s*=\s*(""[^""]*""|\S+)", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

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
