using System.Collections.Generic;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>Turns character offsets in a page into line/column spans (CR, LF and CRLF all end a line).</summary>
internal sealed class LineMap
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };

    public LineMap(string path, string text)
    {
        _path = path;
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] is '\r' or '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text => _text;

    public MarkdownLocation Locate(int start, int end)
    {
        start = Clamp(start);
        end = Clamp(end < start ? start : end);
        var (startLine, startColumn) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new MarkdownLocation(_path, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>The whole physical line that contains <paramref name="offset"/>, without its line break.</summary>
    public string LineAt(int offset)
    {
        var (line, _) = Position(Clamp(offset));
        var start = _lineStarts[line];
        var end = start;
        while (end < _text.Length && _text[end] is not ('\r' or '\n'))
        {
            end++;
        }

        return _text.Substring(start, end - start);
    }

    public int LineStart(int offset) => _lineStarts[Position(Clamp(offset)).Line];

    private int Clamp(int offset) => offset < 0 ? 0 : offset > _text.Length ? _text.Length : offset;

    private (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line, offset - _lineStarts[line]);
    }
}
