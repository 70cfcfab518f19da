using System;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// Bounds on the work one page can cause. Pages are untrusted input to a compiler plug-in: past a limit the parser
/// reports ADG022 at the place the limit was crossed and leaves the rest out, instead of running for minutes or
/// generating code the compiler rejects.
/// </summary>
/// <remarks>
/// The limits are far above anything in Authing's docs (the largest method pages are a few tens of kilobytes, with tables
/// of a few dozen rows, six columns and DTOs nested five or six levels deep).
/// </remarks>
public static class ParserLimits
{
    /// <summary>
    /// Characters (UTF-16 code units) in a page; a longer page is skipped. Markdig is quadratic on some inputs (a line
    /// of thousands of unclosed inline links, <c>[a]([a](…</c>, takes about 4 s at this size on one core); every other
    /// pattern tried parses in well under a second. Authing's largest method pages are a few tens of kilobytes.
    /// </summary>
    public const int MaxPageChars = 128 * 1024;

    /// <summary>Data rows read from one table; later rows are ignored.</summary>
    public const int MaxRowsPerTable = 1000;

    /// <summary>Cells read from one row (header included); later cells are ignored.</summary>
    public const int MaxCellsPerRow = 64;

    /// <summary>
    /// JSON levels of nested data structures on a page (an object counts one, each array around it one more), along
    /// chains of references that are not cycles (A→B→A is legal: its depth is decided by the data). System.Text.Json
    /// reads at most 64 levels by default, so much deeper types could not be read anyway. A reference that would go
    /// deeper is generated as free-form JSON.
    /// </summary>
    public const int MaxDtoNestingDepth = 32;

    /// <summary>
    /// Characters in a name that becomes a C# identifier (field, data structure, type line, method, enum value). Type
    /// names are composed from two names plus a suffix, and metadata names above 1,023 bytes fail compilation (CS7013).
    /// </summary>
    public const int MaxNameLength = 128;

    /// <summary>
    /// Levels of block quotes and list items a line may be nested in, counted from its markers and indentation (an
    /// over-estimate). Markdig gives up at 128 (and 10,240 for inlines) by throwing for the whole page; a deeper line is
    /// blanked before Markdig sees it, so the rest of the page is still read.
    /// </summary>
    public const int MaxMarkdownNesting = 32;

    /// <summary>
    /// Emphasis and link markers (<c>[</c>, runs of <c>*</c> or <c>_</c>) in one paragraph or table cell. Markdig nests
    /// every later inline inside each open marker and matches them pairwise; past this count they are read as plain
    /// text. Authing's paragraphs have a few dozen.
    /// </summary>
    public const int MaxInlineDelimiters = 1000;

    /// <summary>Time allowed to any one regular-expression match on page text.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);
}
