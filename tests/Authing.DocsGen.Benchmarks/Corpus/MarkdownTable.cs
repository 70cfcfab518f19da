using System.Globalization;
using System.Text;

namespace Authing.DocsGen.Benchmarks.Corpus;

/// <summary>How a synthetic page lays out its tables (FORMAT.md §3).</summary>
public enum TableLayout
{
    /// <summary>Single-spaced cells, <c>| ---- | ---- |</c> delimiters (most Chinese pages).</summary>
    Compact,

    /// <summary>Compact, but data-structure tables use the <c>| ---- |  ---- |</c> delimiter with two spaces.</summary>
    CompactWideDelimiter,

    /// <summary>IntelliJ style: <c>|------|------|</c> delimiters, unspaced rows.</summary>
    IntelliJ,

    /// <summary>Prettier-aligned: every cell padded to its column's display width, CJK counting double (every English page).</summary>
    Aligned,
}

/// <summary>Renders a Markdown pipe table in one of the layouts real pages use.</summary>
internal static class MarkdownTable
{
    /// <param name="header">Header cells (may hold HTML).</param>
    /// <param name="rows">Rows; a row may have fewer cells than the header.</param>
    /// <param name="layout">The layout.</param>
    /// <param name="queryMarker">A space before the first pipe on every data row, two spaces after the type (the query-string marker, compact layouts only).</param>
    public static string Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, TableLayout layout, bool queryMarker)
    {
        var text = new StringBuilder();
        if (layout == TableLayout.Aligned)
        {
            var widths = new int[header.Count];
            for (var c = 0; c < header.Count; c++)
            {
                widths[c] = Math.Max(3, DisplayWidth(header[c]));
                foreach (var row in rows)
                {
                    if (c < row.Count)
                    {
                        widths[c] = Math.Max(widths[c], DisplayWidth(row[c]));
                    }
                }
            }

            AppendAligned(text, header, widths);
            text.Append('|');
            foreach (var width in widths)
            {
                text.Append(' ').Append('-', width).Append(" |");
            }

            text.Append('\n');
            foreach (var row in rows)
            {
                AppendAligned(text, row, widths);
            }

            return text.ToString();
        }

        text.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        switch (layout)
        {
            case TableLayout.IntelliJ:
                text.Append('|');
                foreach (var _ in header)
                {
                    text.Append("------|");
                }

                text.Append('\n');
                break;
            case TableLayout.CompactWideDelimiter when header.Count > 1:
                text.Append("| ---- |  ").Append(string.Join(" | ", Enumerable.Repeat("----", header.Count - 1))).Append(" |\n");
                break;
            default:
                text.Append("| ").Append(string.Join(" | ", Enumerable.Repeat("----", header.Count))).Append(" |\n");
                break;
        }

        foreach (var row in rows)
        {
            if (layout == TableLayout.IntelliJ)
            {
                text.Append('|').Append(string.Join("|", row)).Append("|\n");
                continue;
            }

            if (queryMarker)
            {
                // ` | name | string  | 是 | … |`: the marker row of query-string methods.
                text.Append(" | ").Append(row[0]);
                for (var c = 1; c < row.Count; c++)
                {
                    text.Append(" | ").Append(row[c]).Append(c == 1 ? " " : string.Empty);
                }

                text.Append(" |\n");
                continue;
            }

            text.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        return text.ToString();
    }

    private static void AppendAligned(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        text.Append('|');
        for (var c = 0; c < cells.Count; c++)
        {
            text.Append(' ').Append(cells[c]).Append(' ', widths[c] - DisplayWidth(cells[c])).Append(" |");
        }

        text.Append('\n');
    }

    /// <summary>Display width as prettier counts it: East Asian wide characters count two columns.</summary>
    internal static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            var wide = v is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
                or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
                or (>= 0x1F300 and <= 0x1FAFF);
            width += wide ? 2 : 1;
        }

        return width;
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
