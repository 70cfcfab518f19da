using System.Text;
using System.Text.RegularExpressions;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// Repairs table rows that span several physical lines before Markdig sees them.
/// </summary>
/// <remarks>
/// Authing's pages put raw newlines inside cells (descriptions, multi-line backticked examples). A pipe table row ends at
/// the line break, and a continuation line without a pipe ends the whole table. Inside a table, a row line that does not
/// end with <c>|</c> and is followed by a line that does not start a new row (a pipe), a heading, a fence or a blank
/// line is continued on that line: its line break is replaced by <see cref="JoinedLineBreak"/> characters of the same
/// length, so every offset, and so every diagnostic location, stays that of the original text.
/// </remarks>
internal static class MarkdownPreprocessor
{
    /// <summary>Stands for a line break inside a cell; turned back into '\n' when the cell text is read.</summary>
    public const char JoinedLineBreak = '\u2028';

    private static readonly Regex s_delimiterRow = new(@"^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    public static string JoinContinuedRows(string text)
    {
        var lines = SplitLines(text);
        StringBuilder? result = null;
        var inTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var (start, length, breakLength) = lines[i];
            var line = text.Substring(start, length);
            if (line.Trim().Length == 0)
            {
                inTable = false;
                continue;
            }

            if (!inTable)
            {
                inTable = line.IndexOf('|') >= 0 && i + 1 < lines.Length && s_delimiterRow.IsMatch(Line(text, lines[i + 1]));
                continue;
            }

            if (breakLength == 0 || line.TrimEnd().EndsWith("|") || s_delimiterRow.IsMatch(line) || i + 1 >= lines.Length || !Continues(Line(text, lines[i + 1])))
            {
                continue;
            }

            result ??= new StringBuilder(text);
            for (var k = 0; k < breakLength; k++)
            {
                result[start + length + k] = JoinedLineBreak;
            }
        }

        return result?.ToString() ?? text;
    }

    private static bool Continues(string next)
    {
        var trimmed = next.TrimStart();
        return trimmed.Length > 0 && trimmed[0] != '|' && trimmed[0] != '#' && !trimmed.StartsWith("```");
    }

    private static string Line(string text, (int Start, int Length, int BreakLength) line) => text.Substring(line.Start, line.Length);

    private static (int Start, int Length, int BreakLength)[] SplitLines(string text)
    {
        var lines = new System.Collections.Generic.List<(int, int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                var breakLength = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                lines.Add((start, i - start, breakLength));
                i += breakLength - 1;
                start = i + 1;
            }
        }

        lines.Add((start, text.Length - start, 0));
        return lines.ToArray();
    }
}
