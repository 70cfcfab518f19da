using System;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Authing.DocsGen.Parsing;

/// <summary>Walks the top-level blocks of a page and sorts them into <see cref="PageSections"/>.</summary>
internal static class SectionReader
{
    private static readonly Regex s_typeLine = new(@"^\s*(类型|type)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    public static PageSections Read(MarkdownDocument document, LineMap lines)
    {
        var sections = new PageSections();
        var role = SectionRole.Description;
        DtoSection? currentDto = null;
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    ReadHeading(heading, lines, sections, ref role, ref currentDto);
                    break;
                case Table table:
                    ReadTable(table, sections, role, currentDto);
                    break;
                case ParagraphBlock paragraph:
                    ReadParagraph(paragraph, sections, role);
                    break;
                case FencedCodeBlock code when role == SectionRole.SampleCode:
                    sections.LiveSamples.Add(code.Lines.ToString());
                    break;
                case FencedCodeBlock code when role == SectionRole.Response:
                    sections.ResponseExample ??= code;
                    break;
                case HtmlBlock html:
                    ReadHtml(html, sections);
                    break;
            }
        }

        return sections;
    }

    internal static SectionRole? RoleOf(string headingText)
    {
        var text = headingText.Trim().ToLowerInvariant();
        if (text.Contains("方法名称") || text.StartsWith("method name"))
        {
            return SectionRole.MethodName;
        }

        if (text.Contains("请求参数") || text.StartsWith("request parameter"))
        {
            return SectionRole.Parameters;
        }

        if (text.Contains("示例代码") || text.StartsWith("sample code") || text.StartsWith("example code"))
        {
            return SectionRole.SampleCode;
        }

        if (text.Contains("请求响应") || text.StartsWith("request response"))
        {
            return SectionRole.Response;
        }

        if (text.Contains("数据结构") || text.StartsWith("data structure"))
        {
            return SectionRole.DataStructures;
        }

        return null;
    }

    private static void ReadHeading(HeadingBlock heading, LineMap lines, PageSections sections, ref SectionRole role, ref DtoSection? currentDto)
    {
        var text = CellText.FromInlines(heading.Inline, heading.Span.Start, heading.Span.End + 1).Plain;
        if (heading.Level == 1 && sections.Title is null)
        {
            sections.Title = text;
            sections.TitleHeading = heading;
            return;
        }

        // "## Data structure### <a id="X"></a> X": a section heading glued to the first data-structure heading.
        var glued = text.IndexOf("###", StringComparison.Ordinal);
        var own = glued >= 0 ? text.Substring(0, glued) : text;
        var newRole = heading.Level <= 3 ? RoleOf(own) : null;
        if (newRole is { } found)
        {
            role = found;
            currentDto = null;
            if (found == SectionRole.Parameters)
            {
                sections.ParameterHeadings++;
                sections.ParametersHeading ??= heading;
            }
            else if (found == SectionRole.Response)
            {
                sections.ResponseHeadings++;
                sections.ResponseHeading ??= heading;
            }

            if (glued < 0 || found != SectionRole.DataStructures)
            {
                return;
            }
        }

        if (role == SectionRole.DataStructures && (heading.Level >= 3 || glued >= 0))
        {
            var ids = CellText.AnchorIds(heading.Inline);
            var name = ids.Count > 0 ? ids[ids.Count - 1] : (glued >= 0 ? text.Substring(glued + 3) : text).Trim();
            currentDto = new DtoSection(name, heading.Span.Start, heading.Span.End + 1);
            sections.Dtos.Add(currentDto);
        }
    }

    private static void ReadTable(Table table, PageSections sections, SectionRole role, DtoSection? currentDto)
    {
        switch (role)
        {
            case SectionRole.Parameters:
                sections.ParametersTable ??= table;
                break;
            case SectionRole.Response:
                sections.ResponseTable ??= table;
                break;
            case SectionRole.DataStructures when currentDto is not null:
                currentDto.Table ??= table;
                break;
        }
    }

    private static void ReadParagraph(ParagraphBlock paragraph, PageSections sections, SectionRole role)
    {
        var cell = CellText.FromBlock(paragraph);
        if (cell.Plain.Contains("!!!include("))
        {
            sections.HasInclude = true;
        }

        switch (role)
        {
            case SectionRole.Description:
                var text = cell.Plain;
                if (text.Length > 0 && !text.StartsWith("<LastUpdated", StringComparison.OrdinalIgnoreCase))
                {
                    sections.Description.Add(text);
                }

                break;
            case SectionRole.MethodName:
                sections.MethodNameCode ??= FirstCode(paragraph);
                break;
            case SectionRole.Parameters when s_typeLine.IsMatch(cell.Plain):
                sections.RequestTypeLine ??= FirstCode(paragraph);
                break;
            case SectionRole.Response when s_typeLine.IsMatch(cell.Plain):
                sections.ResponseTypeLine ??= FirstCode(paragraph);
                break;
        }
    }

    private static void ReadHtml(HtmlBlock html, PageSections sections)
    {
        var text = html.Lines.ToString();
        if (text.IndexOf(Directives.Marker, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            sections.Directives.Add(html);
        }

        // Samples hidden in comments (<!-- ## 示例代码 ``` … ``` -->) are not Markdown, but still name the method and client.
        if (text.TrimStart().StartsWith("<!--", StringComparison.Ordinal) && text.Contains("```"))
        {
            sections.CommentedSamples.Add(text);
        }

        if (text.Contains("!!!include("))
        {
            sections.HasInclude = true;
        }
    }

    private static CodeInline? FirstCode(LeafBlock block)
    {
        if (block.Inline is null)
        {
            return null;
        }

        foreach (var inline in block.Inline.Descendants<CodeInline>())
        {
            return inline;
        }

        return null;
    }
}
