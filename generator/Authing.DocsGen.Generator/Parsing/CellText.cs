using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// The text of a table cell or paragraph: HTML tags dropped (they are layout only), <c>&lt;br&gt;</c> turned into a line
/// break, code spans kept in backticks so enum lists can tell values from prose, and the anchors of links collected.
/// </summary>
internal sealed class CellText
{
    private static readonly Regex s_anchorHref = new("href\\s*=\\s*[\"']#([^\"']*)[\"']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_anchorId = new("\\bid\\s*=\\s*[\"']([^\"']*)[\"']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_lineBreakInCode = new("<br\\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    /// <summary>Inlines only: a cell read on its own must not become a heading, list or code block.</summary>
    private static readonly MarkdownPipeline s_cellPipeline = CellPipeline();

    private static readonly Regex s_lineBreakTag = new("^<br\\s*/?>$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    public CellText(string text, IReadOnlyList<string> anchors, int start, int end)
    {
        Text = text;
        Anchors = anchors;
        Start = start;
        End = end;
    }

    /// <summary>Text with backticks around code spans.</summary>
    public string Text { get; }

    /// <summary>Targets of <c>&lt;a href="#X"&gt;</c> links, in order.</summary>
    public IReadOnlyList<string> Anchors { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>The text with backticks removed: what a reader sees.</summary>
    public string Plain => Text.Replace("`", string.Empty).Trim();

    public static CellText Empty(int offset) => new(string.Empty, new string[0], offset, offset);

    public static CellText FromInlines(ContainerInline? container, int fallbackStart, int fallbackEnd)
    {
        var text = new StringBuilder();
        var anchors = new List<string>();
        if (container is not null)
        {
            Append(container, text, anchors);
        }

        return new CellText(text.ToString().Trim(), anchors, fallbackStart, fallbackEnd);
    }

    public static CellText FromBlock(Block block)
    {
        var text = new StringBuilder();
        var anchors = new List<string>();
        AppendBlock(block, text, anchors);
        return new CellText(text.ToString().Trim(), anchors, block.Span.Start, block.Span.End + 1);
    }

    /// <summary>
    /// A table cell. The preprocessor gave table rows stand-ins for emphasis and link markers (Markdig's pipe tables
    /// are quadratic around them); a cell that had one is parsed again from the page text, on its own, as Markdig
    /// parses each cell's inlines once the table is split. A cell with more than
    /// <see cref="ParserLimits.MaxInlineDelimiters"/> markers is read as plain text, with ADG022.
    /// </summary>
    public static CellText FromCell(Block cell, LineMap lines, Action<DiagnosticInfo> report)
    {
        var page = lines.Text;
        var start = Math.Min(cell.Span.Start, page.Length);
        var end = Math.Min(cell.Span.End + 1, page.Length);
        if (!MarkdownPreprocessor.HasDelimiter(page, start, end))
        {
            return FromBlock(cell);
        }

        var count = MarkdownPreprocessor.CountDelimiters(page, start, end);
        if (count > ParserLimits.MaxInlineDelimiters)
        {
            report(DiagnosticFactory.Create(
                DiagnosticDescriptors.LimitExceeded,
                lines.Locate(start, end),
                "This cell (" + DiagnosticFactory.Count(count) + " emphasis and link markers)",
                DiagnosticFactory.Count(ParserLimits.MaxInlineDelimiters) + " markers",
                "its text is read without emphasis or links"));
            return FromBlock(cell);
        }

        // Line breaks inside the cell are the ones the preprocessor joined: keep them inside the one paragraph.
        var source = page.Substring(start, end - start).Replace('\r', MarkdownPreprocessor.JoinedLineBreak).Replace('\n', MarkdownPreprocessor.JoinedLineBreak);
        var text = new StringBuilder();
        var anchors = new List<string>();
        AppendBlock(Markdown.Parse(source, s_cellPipeline), text, anchors);
        return new CellText(text.ToString().Trim(), anchors, cell.Span.Start, cell.Span.End + 1);
    }

    /// <summary>The ids of <c>&lt;a id="X"&gt;</c> anchors in a heading (data-structure headings carry one).</summary>
    public static List<string> AnchorIds(ContainerInline? container)
    {
        var ids = new List<string>();
        if (container is not null)
        {
            Append(container, new StringBuilder(), new List<string>(), ids);
        }

        return ids;
    }

    public CellText Concat(CellText next) =>
        new((Text + "\n" + next.Text).Trim(), Combine(Anchors, next.Anchors), Start, next.End);

    private static List<string> Combine(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var list = new List<string>(a);
        list.AddRange(b);
        return list;
    }

    /// <summary>
    /// The inlines under <paramref name="root"/> in document order. Iterative: hostile pages nest emphasis and links
    /// thousands of levels deep, and a recursive walk would overflow the compiler's stack.
    /// </summary>
    internal static IEnumerable<Inline> Descendants(ContainerInline root)
    {
        var pending = new Stack<Inline>();
        var current = root.FirstChild;
        while (current is not null || pending.Count > 0)
        {
            if (current is null)
            {
                current = pending.Pop();
                continue;
            }

            yield return current;
            if (current is ContainerInline { FirstChild: { } child })
            {
                if (current.NextSibling is { } next)
                {
                    pending.Push(next);
                }

                current = child;
            }
            else
            {
                current = current.NextSibling;
            }
        }
    }

    /// <summary>The text of a block and of the blocks inside it, one line per block; iterative, like <see cref="Descendants"/>.</summary>
    private static void AppendBlock(Block block, StringBuilder text, List<string> anchors)
    {
        var pending = new Stack<(Block Block, bool Separate)>();
        pending.Push((block, false));
        while (pending.Count > 0)
        {
            var (current, separate) = pending.Pop();
            if (separate && text.Length > 0)
            {
                text.Append('\n');
            }

            if (current is LeafBlock { Inline: { } inline })
            {
                Append(inline, text, anchors);
            }
            else if (current is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    pending.Push((container[i], true));
                }
            }
        }
    }

    private static void Append(ContainerInline container, StringBuilder text, List<string> anchors, List<string>? ids = null)
    {
        foreach (var inline in Descendants(container))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(MarkdownPreprocessor.Restore(literal.Content.ToString()).Replace(MarkdownPreprocessor.JoinedLineBreak, '\n'));
                    break;
                case CodeInline code:
                    // A code span holding <br> is an unbalanced backtick paired with one on a later line of the cell
                    // (`A: x<br>- `B`: y): the break still separates lines, so list items survive.
                    var content = s_lineBreakInCode.Replace(MarkdownPreprocessor.Restore(code.Content), "\n").Replace(MarkdownPreprocessor.JoinedLineBreak, '\n');
                    text.Append('`').Append(content).Append('`');
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline html:
                    var tag = MarkdownPreprocessor.Restore(html.Tag);
                    if (s_lineBreakTag.IsMatch(tag))
                    {
                        text.Append('\n');
                    }
                    else
                    {
                        var match = s_anchorHref.Match(tag);
                        if (match.Success)
                        {
                            anchors.Add(match.Groups[1].Value.Trim());
                        }

                        var id = s_anchorId.Match(tag);
                        if (id.Success && tag.StartsWith("<a", System.StringComparison.OrdinalIgnoreCase))
                        {
                            ids?.Add(id.Groups[1].Value.Trim());
                        }
                    }

                    break;
                case LinkInline link:
                    if (link.Url is { Length: > 1 } url && url[0] == '#')
                    {
                        anchors.Add(MarkdownPreprocessor.Restore(url.Substring(1)));
                    }

                    break;
                case AutolinkInline autolink:
                    text.Append(MarkdownPreprocessor.Restore(autolink.Url));
                    break;
            }
        }
    }

    private static MarkdownPipeline CellPipeline()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.BlockParsers.RemoveAll(parser => parser is not ParagraphBlockParser);
        return builder.Build();
    }
}
