using System.Text;
using Authing.DocsGen.Tests.Infrastructure;
using CsCheck;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// Damages the fixture pages (and the seed page) the way real pages get damaged, and worse: rows and columns dropped,
/// duplicated and reordered, sections repeated, pages cut anywhere, hostile text in every kind of cell and heading,
/// names with invisible characters, and line endings switched between CR, LF and CRLF.
/// </summary>
public static class FixtureMutator
{
    public static IReadOnlyList<TestPage> Fixtures { get; } = LoadFixtures();

    /// <summary>One fixture page with one to six mutations.</summary>
    public static Gen<TestPage> Page() =>
        new CodeGen<TestPage>(rnd => Mutate(rnd, rnd.PickFrom(Fixtures), rnd.Int(1, 6)), page => (ulong)page.Text.Length);

    public static TestPage Mutate(Rnd rnd, TestPage page, int mutations)
    {
        var text = page.Text;
        for (var i = 0; i < mutations; i++)
        {
            text = rnd.Int(16) switch
            {
                0 => DropLine(rnd, text, tableRowsOnly: true),
                1 => DuplicateLine(rnd, text, tableRowsOnly: true),
                2 => SwapLines(rnd, text),
                3 => EditColumns(rnd, text, ColumnEdit.Drop),
                4 => EditColumns(rnd, text, ColumnEdit.Duplicate),
                5 => EditColumns(rnd, text, ColumnEdit.Swap),
                6 => InjectIntoCell(rnd, text),
                7 => InjectIntoHeading(rnd, text),
                8 => InjectIntoName(rnd, text),
                9 => text.Insert(rnd.Int(text.Length + 1), HostileText.Next(rnd)),
                10 => LineEndings(rnd, text),
                11 => DuplicateSection(rnd, text),
                12 => DropLine(rnd, text, tableRowsOnly: false),
                13 => DeleteRange(rnd, text),
                14 => InjectIntoCell(rnd, InjectIntoCell(rnd, text)),
                _ => i == mutations - 1 ? text.Substring(0, rnd.Int(text.Length + 1)) : LineEndings(rnd, text),
            };
        }

        return page with { Text = text };
    }

    private static List<TestPage> LoadFixtures()
    {
        var pages = Directory.GetFiles(Paths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "regressions" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => TestPage.FromFile(Paths.Fixtures, f))
            .ToList();
        pages.Add(TestPage.FromFile(Paths.Repository, Paths.SeedPage));
        return pages;
    }

    /// <summary>Lines with their line breaks, so that joining them gives the text back byte for byte.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }

    private static bool IsRow(string line) => line.TrimStart().StartsWith('|');

    private static int PickLine(Rnd rnd, List<string> lines, Func<string, bool> where)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => where(lines[i])).ToList();
        return candidates.Count == 0 ? -1 : rnd.PickFrom(candidates);
    }

    private static string DropLine(Rnd rnd, string text, bool tableRowsOnly)
    {
        var lines = Lines(text);
        var i = PickLine(rnd, lines, l => !tableRowsOnly || IsRow(l));
        if (i >= 0)
        {
            lines.RemoveAt(i);
        }

        return string.Concat(lines);
    }

    private static string DuplicateLine(Rnd rnd, string text, bool tableRowsOnly)
    {
        var lines = Lines(text);
        var i = PickLine(rnd, lines, l => !tableRowsOnly || IsRow(l));
        if (i >= 0)
        {
            lines.Insert(i, lines[i].EndsWith('\n') || lines[i].EndsWith('\r') ? lines[i] : lines[i] + "\n");
        }

        return string.Concat(lines);
    }

    private static string SwapLines(Rnd rnd, string text)
    {
        var lines = Lines(text);
        var i = PickLine(rnd, lines, IsRow);
        if (i < 0)
        {
            return text;
        }

        // Mostly a neighbouring row of the same table (reordered rows), sometimes any line.
        var j = rnd.Chance(0.8) ? Math.Clamp(i + rnd.Pick(-2, -1, 1, 2), 0, lines.Count - 1) : rnd.Int(lines.Count);
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return string.Concat(lines);
    }

    private enum ColumnEdit
    {
        Drop,
        Duplicate,
        Swap,
    }

    /// <summary>Applies one column edit to every row of one table.</summary>
    private static string EditColumns(Rnd rnd, string text, ColumnEdit edit)
    {
        var lines = Lines(text);
        var start = PickLine(rnd, lines, IsRow);
        if (start < 0)
        {
            return text;
        }

        while (start > 0 && IsRow(lines[start - 1]))
        {
            start--;
        }

        var end = start;
        while (end < lines.Count && IsRow(lines[end]))
        {
            end++;
        }

        var columns = lines[start].Count(c => c == '|') - 1;
        if (columns < 1)
        {
            return text;
        }

        var a = rnd.Int(columns);
        var b = rnd.Int(columns);
        for (var i = start; i < end; i++)
        {
            var body = lines[i].TrimEnd('\r', '\n');
            var lineBreak = lines[i].Substring(body.Length);
            var cells = body.Split('|').ToList();
            if (cells.Count < 3)
            {
                continue;
            }

            // cells[0] is what precedes the first pipe; the last is what follows the last one.
            var ia = Math.Min(a + 1, cells.Count - 2);
            var ib = Math.Min(b + 1, cells.Count - 2);
            switch (edit)
            {
                case ColumnEdit.Drop:
                    cells.RemoveAt(ia);
                    break;
                case ColumnEdit.Duplicate:
                    cells.Insert(ia, cells[ia]);
                    break;
                default:
                    (cells[ia], cells[ib]) = (cells[ib], cells[ia]);
                    break;
            }

            lines[i] = string.Join("|", cells) + lineBreak;
        }

        return string.Concat(lines);
    }

    private static string InjectIntoCell(Rnd rnd, string text)
    {
        var lines = Lines(text);
        var i = PickLine(rnd, lines, IsRow);
        if (i < 0)
        {
            return text.Insert(rnd.Int(text.Length + 1), HostileText.Next(rnd));
        }

        var body = lines[i].TrimEnd('\r', '\n');
        var lineBreak = lines[i].Substring(body.Length);
        var cells = body.Split('|');
        var k = cells.Length <= 2 ? 0 : rnd.Int(1, cells.Length - 2);
        cells[k] = HostileText.Inject(rnd, cells[k]);
        lines[i] = string.Join("|", cells) + lineBreak;
        return string.Concat(lines);
    }

    private static string InjectIntoHeading(Rnd rnd, string text)
    {
        var lines = Lines(text);
        var i = PickLine(rnd, lines, l => l.StartsWith('#'));
        if (i < 0)
        {
            return text;
        }

        var body = lines[i].TrimEnd('\r', '\n');
        lines[i] = HostileText.Inject(rnd, body) + lines[i].Substring(body.Length);
        return string.Concat(lines);
    }

    /// <summary>Puts an invisible or hostile character inside a name: a backticked method name, an anchor, a first cell.</summary>
    private static string InjectIntoName(Rnd rnd, string text)
    {
        var positions = new List<int>();
        foreach (var marker in new[] { "`ManagementClient.", "`AuthenticationClient.", "id=\"", "href=\"#", "类型： `", "Type: `", "\n| ", "\n | " })
        {
            for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                positions.Add(at + marker.Length + 1);
            }
        }

        if (positions.Count == 0)
        {
            return text;
        }

        var position = Math.Min(rnd.PickFrom(positions), text.Length);
        var hostile = rnd.Chance(0.7)
            ? rnd.Pick("\u202E", "\u2066", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\U000E0041", "\u0000", "\u2028", "\u061C")
            : HostileText.Next(rnd);
        return text.Insert(position, hostile);
    }

    private static string LineEndings(Rnd rnd, string text)
    {
        var lines = Lines(text);
        var style = rnd.Int(4);
        for (var i = 0; i < lines.Count; i++)
        {
            var body = lines[i].TrimEnd('\r', '\n');
            if (body.Length == lines[i].Length)
            {
                continue;
            }

            lines[i] = body + (style switch
            {
                0 => "\n",
                1 => "\r\n",
                2 => "\r",
                _ => rnd.Pick("\n", "\r\n", "\r"),
            });
        }

        return string.Concat(lines);
    }

    private static string DuplicateSection(Rnd rnd, string text)
    {
        var lines = Lines(text);
        var i = PickLine(rnd, lines, l => l.StartsWith("##", StringComparison.Ordinal));
        if (i < 0)
        {
            return text;
        }

        var end = i + 1;
        while (end < lines.Count && !lines[end].StartsWith("##", StringComparison.Ordinal))
        {
            end++;
        }

        var section = lines.GetRange(i, end - i);
        var at = rnd.Chance(0.5) ? end : rnd.Int(lines.Count + 1);
        lines.InsertRange(at, section);
        return string.Concat(lines);
    }

    private static string DeleteRange(Rnd rnd, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = rnd.Int(text.Length);
        return text.Remove(start, Math.Min(text.Length - start, rnd.Int(1, 40)));
    }
}
