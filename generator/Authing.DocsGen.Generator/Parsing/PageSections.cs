using System.Collections.Generic;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Authing.DocsGen.Parsing;

internal enum SectionRole
{
    Description,
    MethodName,
    Parameters,
    SampleCode,
    Response,
    DataStructures,
}

/// <summary>A data-structure heading and the table under it.</summary>
internal sealed class DtoSection
{
    public DtoSection(string name, int start, int end)
    {
        Name = name;
        Start = start;
        End = end;
    }

    public string Name { get; }

    public int Start { get; }

    public int End { get; }

    public Table? Table { get; set; }
}

/// <summary>The page cut into the sections of FORMAT.md §1, still as Markdig blocks.</summary>
internal sealed class PageSections
{
    public string? Title { get; set; }

    public HeadingBlock? TitleHeading { get; set; }

    public List<string> Description { get; } = new();

    public CodeInline? MethodNameCode { get; set; }

    public int ParameterHeadings { get; set; }

    public int ResponseHeadings { get; set; }

    public Block? ParametersHeading { get; set; }

    public Table? ParametersTable { get; set; }

    public CodeInline? RequestTypeLine { get; set; }

    public Block? ResponseHeading { get; set; }

    public Table? ResponseTable { get; set; }

    public CodeInline? ResponseTypeLine { get; set; }

    /// <summary>The first code block of the response section: the example result (illustrative, often wrong).</summary>
    public FencedCodeBlock? ResponseExample { get; set; }

    public List<string> LiveSamples { get; } = new();

    public List<string> CommentedSamples { get; } = new();

    public List<DtoSection> Dtos { get; } = new();

    public List<HtmlBlock> Directives { get; } = new();

    public bool HasInclude { get; set; }
}
