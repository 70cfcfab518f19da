using System;
using System.Collections.Generic;
using System.Linq;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Markdig.Extensions.Tables;

namespace Authing.DocsGen.Parsing;

internal enum ColumnRole
{
    Unknown,
    Name,
    Type,
    Required,
    Default,
    Description,
    Example,
}

/// <summary>One logical row of a table, its cells keyed by column role.</summary>
internal sealed class TableRowData
{
    private readonly Dictionary<ColumnRole, CellText> _cells;

    public TableRowData(Dictionary<ColumnRole, CellText> cells, int start, int end)
    {
        _cells = cells;
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public CellText this[ColumnRole role] => _cells.TryGetValue(role, out var cell) ? cell : CellText.Empty(Start);
}

internal sealed class TableData
{
    public TableData(IReadOnlyList<TableRowData> rows, bool hasLeadingSpaceRows, IReadOnlyCollection<ColumnRole> columns)
    {
        Rows = rows;
        HasLeadingSpaceRows = hasLeadingSpaceRows;
        Columns = columns;
    }

    public IReadOnlyList<TableRowData> Rows { get; }

    /// <summary>Every data row starts with a space before its first pipe: the docs' marker of a query-string method.</summary>
    public bool HasLeadingSpaceRows { get; }

    public IReadOnlyCollection<ColumnRole> Columns { get; }
}

/// <summary>Reads a Markdig pipe table into rows keyed by column role. Columns are identified by their header words.</summary>
internal static class TableReader
{
    public static TableData Read(Table table, LineMap lines, Action<DiagnosticInfo> report)
    {
        var roles = new List<ColumnRole>();
        var rows = new List<TableRowData>();
        var leadingSpaceRows = 0;
        var tooManyCellsReported = false;
        foreach (var block in table)
        {
            if (block is not TableRow row)
            {
                continue;
            }

            if (row.IsHeader)
            {
                foreach (var cellBlock in row)
                {
                    if (roles.Count == ParserLimits.MaxCellsPerRow)
                    {
                        // Markdig pads the header with empty cells when a later row is wider: report the row itself then.
                        if (cellBlock.Span.Length > 0)
                        {
                            ReportTooManyCells(row, lines, report);
                            tooManyCellsReported = true;
                        }

                        break;
                    }

                    roles.Add(RoleOf(CellText.FromCell(cellBlock, lines, report).Plain));
                }

                continue;
            }

            if (rows.Count == ParserLimits.MaxRowsPerTable)
            {
                var total = 0;
                foreach (var other in table)
                {
                    total += other is TableRow { IsHeader: false } ? 1 : 0;
                }

                report(DiagnosticFactory.Create(
                    DiagnosticDescriptors.LimitExceeded,
                    lines.Locate(lines.LineStart(row.Span.Start), table.Span.End + 1),
                    "The table (" + DiagnosticFactory.Count(total) + " rows)",
                    DiagnosticFactory.Count(ParserLimits.MaxRowsPerTable) + " rows",
                    "this row and the rows after it are ignored"));
                break;
            }

            var cells = new Dictionary<ColumnRole, CellText>();
            var index = 0;
            foreach (var cellBlock in row)
            {
                if (index == ParserLimits.MaxCellsPerRow)
                {
                    if (!tooManyCellsReported && cellBlock.Span.Length > 0)
                    {
                        ReportTooManyCells(row, lines, report);
                        tooManyCellsReported = true;
                    }

                    break;
                }

                var cell = (TableCell)cellBlock;
                var role = index < roles.Count ? roles[index] : ColumnRole.Unknown;
                if (role != ColumnRole.Unknown && !cells.ContainsKey(role))
                {
                    var text = cell.Span.Length > 0 ? CellText.FromCell(cell, lines, report) : CellText.Empty(row.Span.Start);
                    cells[role] = text;
                }

                index++;
            }

            var line = lines.LineAt(row.Span.Start);
            if (line.Length > 0 && line[0] == ' ')
            {
                leadingSpaceRows++;
            }

            var rowEnd = row.Span.End + 1;
            // Markdig pads a short row with empty cells, and a cell written empty looks the same: count the cells the
            // row's text writes, closing '|' or not.
            // Markdig's row span stops before the closing pipe: read the row's whole lines.
            var lastLineStart = lines.LineStart(row.Span.End);
            var written = WrittenCells(lines.Text, lines.LineStart(row.Span.Start), Math.Min(lastLineStart + lines.LineAt(row.Span.End).Length, lines.Text.Length));
            if (written < roles.Count)
            {
                var name = cells.TryGetValue(ColumnRole.Name, out var nameCell) ? nameCell.Plain : string.Empty;
                report(DiagnosticFactory.Create(
                    DiagnosticDescriptors.ShortRow,
                    lines.Locate(lines.LineStart(row.Span.Start), rowEnd),
                    name,
                    written.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    roles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            rows.Add(new TableRowData(cells, lines.LineStart(row.Span.Start), rowEnd));
        }

        return new TableData(rows, rows.Count > 0 && leadingSpaceRows == rows.Count, roles);
    }

    /// <summary>The cells a row's text writes: its '|' separators outside code spans, less the leading and closing ones.</summary>
    private static int WrittenCells(string text, int start, int end)
    {
        var pipes = 0;
        var inCode = false;

        // An unbalanced backtick is a literal (Markdig pairs none with it), so it must not hide the pipes after it.
        var codeSpans = text.Substring(start, end - start).Count(c => c == '`') % 2 == 0;
        for (var i = start; i < end; i++)
        {
            switch (text[i])
            {
                case '`' when codeSpans:
                    inCode = !inCode;
                    break;
                case '\\':
                    i++;
                    break;
                case '|' when !inCode:
                    pipes++;
                    break;
            }
        }

        var row = text.Substring(start, end - start).Trim();
        return pipes + 1 - (row.StartsWith("|", StringComparison.Ordinal) ? 1 : 0) - (row.EndsWith("|", StringComparison.Ordinal) && row.Length > 1 ? 1 : 0);
    }

    private static void ReportTooManyCells(TableRow row, LineMap lines, Action<DiagnosticInfo> report) =>
        report(DiagnosticFactory.Create(
            DiagnosticDescriptors.LimitExceeded,
            lines.Locate(lines.LineStart(row.Span.Start), row.Span.End + 1),
            "A row of this table (" + DiagnosticFactory.Count(System.Linq.Enumerable.Count(row, cell => cell.Span.Length > 0)) + " cells)",
            DiagnosticFactory.Count(ParserLimits.MaxCellsPerRow) + " cells",
            "the cells after the limit are ignored in every row"));

    internal static ColumnRole RoleOf(string header)
    {
        var text = header.Trim().ToLowerInvariant();
        if (text.Contains("必填") || text.Contains("必含") || text.Contains("required"))
        {
            return ColumnRole.Required;
        }

        if (text.Contains("默认") || text.Contains("default"))
        {
            return ColumnRole.Default;
        }

        if (text.Contains("示例") || text.Contains("example") || text.Contains("sample"))
        {
            return ColumnRole.Example;
        }

        if (text.Contains("描述") || text.Contains("说明") || text.Contains("description"))
        {
            return ColumnRole.Description;
        }

        if (text.Contains("类型") || text == "type")
        {
            return ColumnRole.Type;
        }

        if (text.Contains("名称") || text.Contains("参数") || text == "name" || text == "field")
        {
            return ColumnRole.Name;
        }

        return ColumnRole.Unknown;
    }
}
