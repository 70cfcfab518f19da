namespace Authing.DocsGen.Model;

/// <summary>
/// Where a fact came from in a Markdown page: the file plus a character span and its 0-based line/column span.
/// Plain data, so it can travel through the incremental pipeline; turned into a Roslyn location only when a diagnostic
/// is reported (<see cref="Diagnostics.RoslynDiagnostics.ToLocation"/>).
/// </summary>
public sealed record MarkdownLocation(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>No location: what the emit steps see, so that moving text on a page does not re-emit unchanged code.</summary>
    public static readonly MarkdownLocation None = new(string.Empty, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// A stand-in that names the <paramref name="ordinal"/>-th located element of a page's model (see
    /// <c>Resolution/PageShapes</c>): resolution sees anchors instead of offsets, so text moving on a page does not re-run
    /// it; each page turns the anchors of its diagnostics back into locations.
    /// </summary>
    public static MarkdownLocation Anchor(string filePath, int ordinal) => new(filePath, -1, ordinal, -1, -1, -1, -1);

    /// <summary>Made by <see cref="Anchor"/>: not a place in the file yet.</summary>
    public bool IsAnchor => Start == -1 && StartLine == -1;

    /// <summary>Which located element of the page an anchor names.</summary>
    public int AnchorOrdinal => IsAnchor ? Length : throw new System.InvalidOperationException("not an anchor");

    /// <summary>1-based "line,column" as compilers print it.</summary>
    public override string ToString() => $"{FilePath}({StartLine + 1},{StartColumn + 1},{EndLine + 1},{EndColumn + 1})";
}
