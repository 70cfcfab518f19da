namespace Authing.DocsGen.Model;

/// <summary>
/// The page's response example (the first code block of the response section), as the text between the fences with its
/// lines joined by <c>\n</c>; it may not be valid JSON. The lint reads it against the tables; the emitter hands it to
/// the offline test double as the method's default answer.
/// </summary>
/// <param name="LineStarts">Each line's offset in the page, for lint findings; empty in the models the emit steps see.</param>
public sealed record ResponseExample(string Text, EquatableArray<int> LineStarts)
{
    public ResponseExample WithoutLocation() => this with { LineStarts = EquatableArray<int>.Empty };
}
