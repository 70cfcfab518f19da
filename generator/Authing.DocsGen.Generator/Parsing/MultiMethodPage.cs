using System.Collections.Generic;
using Markdig.Syntax;

namespace Authing.DocsGen.Parsing;

/// <summary>A method a multi-method page describes: its name (from its sample, else its heading) and that heading.</summary>
internal sealed class SkippedMethod
{
    public SkippedMethod(string name, Block heading)
    {
        Name = name;
        Heading = heading;
    }

    public string Name { get; }

    public Block Heading { get; }
}

/// <summary>
/// Pages that describe several methods under free-form headings (FORMAT.md §9: <c>## 一、…</c>, <c>## 二、…</c>, each
/// with its own request-parameter, sample-code and response sections). They are not generated; this finds the
/// methods they hold so that ADG029 can name each one instead of dropping them silently.
/// </summary>
internal static class MultiMethodPage
{
    /// <summary>Every free-form section that has a request-parameter or response heading, in page order.</summary>
    public static List<SkippedMethod> Methods(MarkdownDocument document)
    {
        var methods = new List<SkippedMethod>();
        HeadingBlock? section = null;
        string? sampleName = null;
        var hasMethodSections = false;
        SectionRole? role = null;

        void Close()
        {
            if (section is not null && hasMethodSections)
            {
                var heading = CellText.FromInlines(section.Inline, section.Span.Start, section.Span.End + 1).Plain.Trim();
                methods.Add(new SkippedMethod(sampleName ?? heading, section));
            }
        }

        foreach (var block in document)
        {
            if (block is HeadingBlock heading && heading.Level > 1)
            {
                var text = CellText.FromInlines(heading.Inline, heading.Span.Start, heading.Span.End + 1).Plain;
                var found = heading.Level <= 3 ? SectionReader.RoleOf(text) : null;
                if (found is not null)
                {
                    role = found;
                    hasMethodSections |= found is SectionRole.Parameters or SectionRole.Response;
                    continue;
                }

                // Headings inside the data-structure section name types, not methods.
                if (role == SectionRole.DataStructures && heading.Level >= 3)
                {
                    continue;
                }

                Close();
                section = heading;
                sampleName = null;
                hasMethodSections = false;
                role = null;
            }
            else if (block is FencedCodeBlock code && role == SectionRole.SampleCode && section is not null)
            {
                sampleName ??= SampleCode.MethodName(code.Lines.ToString());
            }
        }

        Close();
        return methods;
    }
}
