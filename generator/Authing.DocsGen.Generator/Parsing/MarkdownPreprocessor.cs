using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Markdig;
using Markdig.Syntax;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// Prepares a page for Markdig and parses it. Every change keeps the text's length, so every offset, and so every
/// diagnostic location, stays that of the original page.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Table rows that span several physical lines are joined. Authing's pages put raw newlines inside cells
/// (descriptions, multi-line backticked examples); a pipe table row ends at the line break, and a continuation line
/// without a pipe ends the whole table. Inside a table, a row line that does not end with <c>|</c> and is followed by a
/// line that does not start a new row (a pipe), a heading, a fence or a blank line is continued on that line: its line
/// break is replaced by <see cref="JoinedLineBreak"/> characters.</item>
/// <item>In table rows, the characters that open Markdig's delimiter containers (<c>*</c>, <c>_</c>, <c>[</c>) are
/// replaced by stand-ins. Markdig nests everything after an open delimiter inside it, and its pipe-table step then
/// splits that container at every later pipe, moving the rest of the table each time: a row starting with <c>_a</c>
/// followed by 30,000 cells took 49 s. Without them the table parses in linear time, and
/// <see cref="TableReader"/> reads each cell that had one from the page text again, on its own.</item>
/// <item>A paragraph with more than <see cref="ParserLimits.MaxInlineDelimiters"/> such markers gets stand-ins too
/// (read as plain text), and a line nested deeper than <see cref="ParserLimits.MaxMarkdownNesting"/> block quotes or
/// list items is blanked; both with ADG022. Markdig would otherwise throw for the whole page.</item>
/// </list>
/// </remarks>
internal static class MarkdownPreprocessor
{
    /// <summary>Stands for a line break inside a cell; turned back into '\n' when the cell text is read.</summary>
    public const char JoinedLineBreak = '\u2028';

    /// <summary>The characters that open Markdig delimiter containers; each has a stand-in at the same index from <see cref="FirstStandIn"/>.</summary>
    private const string DelimiterChars = "*_[";

    /// <summary>Private-use stand-ins U+E000–U+E002. The same code points in a page become U+FFFD, so a stand-in always means its delimiter.</summary>
    private const char FirstStandIn = '\uE000';

    private static readonly Regex s_delimiterRow = new(@"^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    /// <summary>
    /// Prepares <paramref name="text"/> (see the remarks above) and parses it. Null when Markdig still finds the page
    /// nested too deeply; then ADG022 names the first line it fails on.
    /// </summary>
    public static MarkdownDocument? Parse(string text, LineMap lines, MarkdownPipeline pipeline, Action<DiagnosticInfo> report)
    {
        var markdown = Prepare(text, lines, report);
        try
        {
            return Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException ex) when (IsDepthLimit(ex))
        {
            var offset = FirstFailingLineStart(markdown, pipeline);
            report(DiagnosticFactory.Create(
                DiagnosticDescriptors.LimitExceeded,
                lines.Locate(offset, offset + lines.LineAt(offset).Length),
                "Markdown nested this deeply",
                "what Markdig can parse",
                "the page is skipped"));
            return null;
        }
    }

    /// <summary>The same-length text Markdig parses.</summary>
    public static string Prepare(string text, LineMap lines, Action<DiagnosticInfo> report)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (IsStandIn(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        var all = SplitLines(text);
        var kinds = Classify(text, all);
        JoinContinuedRows(text, all, kinds, chars);
        LimitNesting(text, all, kinds, chars, lines, report);
        ReplaceDelimiters(text, all, kinds, chars, lines, report);
        return new string(chars);
    }

    /// <summary>Turns stand-ins back into the characters they replaced.</summary>
    public static string Restore(string text)
    {
        var chars = (char[]?)null;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsStandIn(text[i]))
            {
                chars ??= text.ToCharArray();
                chars[i] = DelimiterChars[text[i] - FirstStandIn];
            }
        }

        return chars is null ? text : new string(chars);
    }

    /// <summary>Emphasis and link markers in <paramref name="text"/>: each <c>[</c>, and each run of <c>*</c> or <c>_</c>.</summary>
    public static int CountDelimiters(string text, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '[' || ((c == '*' || c == '_') && (i == start || text[i - 1] != c)))
            {
                count++;
            }
        }

        return count;
    }

    public static bool HasDelimiter(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (DelimiterChars.IndexOf(text[i]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStandIn(char c) => c >= FirstStandIn && c < FirstStandIn + DelimiterChars.Length;

    private static bool IsDepthLimit(ArgumentException ex) => ex.Message.IndexOf("too deeply nested", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The start of the first line at which a prefix of the page fails to parse (bisection: a few parses, only for hostile pages).</summary>
    private static int FirstFailingLineStart(string markdown, MarkdownPipeline pipeline)
    {
        var ends = new List<int>();
        foreach (var (start, length, breakLength) in SplitLines(markdown))
        {
            ends.Add(start + length + breakLength);
        }

        int low = 0, high = ends.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            bool fails;
            try
            {
                Markdown.Parse(markdown.Substring(0, ends[middle]), pipeline);
                fails = false;
            }
            catch (ArgumentException ex) when (IsDepthLimit(ex))
            {
                fails = true;
            }

            if (fails)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low == 0 ? 0 : ends[low - 1];
    }

    private enum LineKind
    {
        Text,
        Blank,
        Table,

        /// <summary>Fenced code or an HTML comment: Markdig does not parse inlines or nesting there.</summary>
        Opaque,
    }

    private static LineKind[] Classify(string text, (int Start, int Length, int BreakLength)[] all)
    {
        var kinds = new LineKind[all.Length];
        string? fence = null;
        var inComment = false;
        var inTable = false;
        for (var i = 0; i < all.Length; i++)
        {
            var line = Line(text, all[i]);
            var trimmed = line.TrimStart();
            if (fence is not null || inComment)
            {
                kinds[i] = LineKind.Opaque;
                if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }
                else if (inComment && line.IndexOf("-->", StringComparison.Ordinal) >= 0)
                {
                    inComment = false;
                }

                continue;
            }

            if (trimmed.Length == 0)
            {
                kinds[i] = LineKind.Blank;
                inTable = false;
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed.Substring(0, 3);
                kinds[i] = LineKind.Opaque;
                inTable = false;
                continue;
            }

            var comment = line.IndexOf("<!--", StringComparison.Ordinal);
            if (comment >= 0 && line.IndexOf("-->", comment + 4, StringComparison.Ordinal) < 0)
            {
                inComment = true;
                kinds[i] = LineKind.Opaque;
                inTable = false;
                continue;
            }

            inTable = inTable || (line.IndexOf('|') >= 0 && i + 1 < all.Length && s_delimiterRow.IsMatch(Line(text, all[i + 1])));
            kinds[i] = inTable ? LineKind.Table : LineKind.Text;
        }

        return kinds;
    }

    private static void JoinContinuedRows(string text, (int Start, int Length, int BreakLength)[] all, LineKind[] kinds, char[] chars)
    {
        for (var i = 0; i + 1 < all.Length; i++)
        {
            var (start, length, breakLength) = all[i];
            var line = Line(text, all[i]);
            if (kinds[i] != LineKind.Table || breakLength == 0 || line.TrimEnd().EndsWith("|") || s_delimiterRow.IsMatch(line)
                || (i > 0 && kinds[i - 1] != LineKind.Table) || !Continues(Line(text, all[i + 1])))
            {
                continue;
            }

            // The next line belongs to this row's last cell.
            kinds[i + 1] = LineKind.Table;
            for (var k = 0; k < breakLength; k++)
            {
                chars[start + length + k] = JoinedLineBreak;
            }
        }
    }

    /// <summary>Blanks lines nested deeper than <see cref="ParserLimits.MaxMarkdownNesting"/>, one ADG022 per run of such lines.</summary>
    private static void LimitNesting(string text, (int Start, int Length, int BreakLength)[] all, LineKind[] kinds, char[] chars, LineMap lines, Action<DiagnosticInfo> report)
    {
        for (var i = 0; i < all.Length; i++)
        {
            if (kinds[i] != LineKind.Text || NestingDepth(text, all[i]) <= ParserLimits.MaxMarkdownNesting)
            {
                continue;
            }

            var first = i;
            var deepest = 0;
            for (; i < all.Length && kinds[i] == LineKind.Text && NestingDepth(text, all[i]) is var depth && depth > ParserLimits.MaxMarkdownNesting; i++)
            {
                deepest = Math.Max(deepest, depth);
                kinds[i] = LineKind.Blank;
                for (var k = all[i].Start; k < all[i].Start + all[i].Length; k++)
                {
                    chars[k] = ' ';
                }
            }

            var last = all[i - 1];
            report(DiagnosticFactory.Create(
                DiagnosticDescriptors.LimitExceeded,
                lines.Locate(all[first].Start, last.Start + last.Length),
                "Markdown nested up to " + DiagnosticFactory.Count(deepest) + " block quotes or list items deep",
                DiagnosticFactory.Count(ParserLimits.MaxMarkdownNesting) + " levels",
                (i - first == 1 ? "this line is" : "these " + DiagnosticFactory.Count(i - first) + " lines are") + " left out and the rest of the page is read"));
        }
    }

    /// <summary>
    /// An upper bound of the block quotes and list items a line is nested in: its markers (<c>&gt;</c>, <c>-</c>,
    /// <c>+</c>, <c>*</c>, <c>1.</c>, <c>1)</c>) plus half its indentation (a list item's content is indented by at least
    /// two columns per level).
    /// </summary>
    private static int NestingDepth(string text, (int Start, int Length, int BreakLength) line)
    {
        var end = line.Start + line.Length;
        var i = line.Start;
        var columns = 0;
        for (; i < end && text[i] is ' ' or '\t'; i++)
        {
            columns += text[i] == '\t' ? 4 : 1;
        }

        var depth = columns / 2;
        while (i < end)
        {
            var c = text[i];
            var next = i + 1;
            if (c is '-' or '+' or '*')
            {
                if (next < end && text[next] is not (' ' or '\t'))
                {
                    break;
                }
            }
            else if (c is >= '0' and <= '9')
            {
                while (next < end && next - i < 9 && text[next] is >= '0' and <= '9')
                {
                    next++;
                }

                if (next >= end || text[next] is not ('.' or ')') || (next + 1 < end && text[next + 1] is not (' ' or '\t')))
                {
                    break;
                }

                next++;
            }
            else if (c != '>')
            {
                break;
            }

            depth++;
            for (i = next; i < end && text[i] is ' ' or '\t'; i++)
            {
            }
        }

        return depth;
    }

    /// <summary>
    /// Stand-ins for delimiters in every table row, and in paragraphs with more than
    /// <see cref="ParserLimits.MaxInlineDelimiters"/> of them (with ADG022).
    /// </summary>
    private static void ReplaceDelimiters(string text, (int Start, int Length, int BreakLength)[] all, LineKind[] kinds, char[] chars, LineMap lines, Action<DiagnosticInfo> report)
    {
        for (var i = 0; i < all.Length; i++)
        {
            if (kinds[i] == LineKind.Table)
            {
                ReplaceDelimiters(chars, all[i].Start, all[i].Start + all[i].Length);
                continue;
            }

            if (kinds[i] != LineKind.Text)
            {
                continue;
            }

            // A paragraph: the run of text lines up to a blank, table or opaque line.
            var first = i;
            var count = 0;
            for (; i < all.Length && kinds[i] == LineKind.Text; i++)
            {
                count += CountDelimiters(text, all[i].Start, all[i].Start + all[i].Length);
            }

            i--;
            if (count > ParserLimits.MaxInlineDelimiters)
            {
                var end = all[i].Start + all[i].Length;
                ReplaceDelimiters(chars, all[first].Start, end);
                report(DiagnosticFactory.Create(
                    DiagnosticDescriptors.LimitExceeded,
                    lines.Locate(all[first].Start, end),
                    "This paragraph (" + DiagnosticFactory.Count(count) + " emphasis and link markers)",
                    DiagnosticFactory.Count(ParserLimits.MaxInlineDelimiters) + " markers",
                    "its text is read without emphasis or links"));
            }
        }
    }

    private static void ReplaceDelimiters(char[] chars, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var index = DelimiterChars.IndexOf(chars[k]);
            if (index >= 0)
            {
                chars[k] = (char)(FirstStandIn + index);
            }
        }
    }

    private static bool Continues(string next)
    {
        var trimmed = next.TrimStart();
        return trimmed.Length > 0 && trimmed[0] != '|' && trimmed[0] != '#' && !trimmed.StartsWith("```");
    }

    private static string Line(string text, (int Start, int Length, int BreakLength) line) => text.Substring(line.Start, line.Length);

    private static (int Start, int Length, int BreakLength)[] SplitLines(string text)
    {
        var lines = new List<(int, int, int)>();
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
