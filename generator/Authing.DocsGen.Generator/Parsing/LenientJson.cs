using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Authing.DocsGen.Parsing;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Integer,
    Fraction,
    Boolean,
    Null,
}

/// <summary>One value read by <see cref="LenientJson"/>: its kind, keys, items, scalar text and where it stands.</summary>
internal sealed class LenientJsonValue
{
    private LenientJsonValue(JsonKind kind, List<KeyValuePair<string, LenientJsonValue>>? properties, List<LenientJsonValue>? items)
    {
        Kind = kind;
        Properties = properties ?? new List<KeyValuePair<string, LenientJsonValue>>();
        Items = items ?? new List<LenientJsonValue>();
    }

    public JsonKind Kind { get; }

    /// <summary>A string's value, or a bare scalar's text (<c>12</c>, <c>true</c>); empty for objects and arrays.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Offset of the value's first character in the parsed text.</summary>
    public int Start { get; private set; }

    /// <summary>Offset just past the value.</summary>
    public int End { get; private set; }

    public LenientJsonValue At(int start, int end)
    {
        Start = start;
        End = end;
        return this;
    }

    public static LenientJsonValue Scalar(JsonKind kind, string text) => new(kind, null, null) { Text = text };

    public List<KeyValuePair<string, LenientJsonValue>> Properties { get; }

    public List<LenientJsonValue> Items { get; }

    public static LenientJsonValue Object(List<KeyValuePair<string, LenientJsonValue>> properties) => new(JsonKind.Object, properties, null);

    public static LenientJsonValue Array(List<LenientJsonValue> items) => new(JsonKind.Array, null, items);

    public LenientJsonValue? this[string key]
    {
        get
        {
            foreach (var property in Properties)
            {
                if (property.Key == key)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}

/// <summary>
/// Reads JSON written by hand in JavaScript style, as docs examples and the overrides file are: single quotes, unquoted
/// keys, trailing commas, comments and <c>undefined</c> are accepted. Returns null for anything it cannot read, with the
/// offset where reading stopped; it never throws. Nesting deeper than <see cref="MaxDepth"/> is unreadable (the
/// generator bounds types at 32 levels anyway).
/// </summary>
internal sealed class LenientJson
{
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private LenientJson(string text) => _text = text;

    public static LenientJsonValue? TryParse(string? text) => TryParse(text, out _);

    /// <param name="stoppedAt">Where reading failed (the text's length when it ended too early); meaningless on success.</param>
    public static LenientJsonValue? TryParse(string? text, out int stoppedAt)
    {
        stoppedAt = 0;
        if (text is null || text.Length == 0)
        {
            return null;
        }

        var reader = new LenientJson(text);
        var value = reader.Value(0);
        reader.SkipSpace();
        stoppedAt = reader._position;
        return value is not null && reader._position == text.Length ? value : null;
    }

    private LenientJsonValue? Value(int depth)
    {
        SkipSpace();
        if (_position >= _text.Length || depth > MaxDepth)
        {
            return null;
        }

        var start = _position;
        var c = _text[_position];
        var value = c switch
        {
            '{' => ObjectValue(depth),
            '[' => ArrayValue(depth),
            '"' or '\'' => QuotedString() is { } text ? LenientJsonValue.Scalar(JsonKind.String, text) : null,
            _ => Bare(),
        };
        return value?.At(start, _position);
    }

    private LenientJsonValue? ObjectValue(int depth)
    {
        _position++;
        var properties = new List<KeyValuePair<string, LenientJsonValue>>();
        while (true)
        {
            SkipSpace();
            if (_position >= _text.Length)
            {
                return null;
            }

            if (_text[_position] == '}')
            {
                _position++;
                return LenientJsonValue.Object(properties);
            }

            var key = _text[_position] is '"' or '\'' ? QuotedString() : Word();
            SkipSpace();
            if (key is null || _position >= _text.Length || _text[_position] != ':')
            {
                return null;
            }

            _position++;
            var value = Value(depth + 1);
            if (value is null)
            {
                return null;
            }

            properties.Add(new KeyValuePair<string, LenientJsonValue>(key, value));
            if (!Separator('}'))
            {
                return null;
            }
        }
    }

    private LenientJsonValue? ArrayValue(int depth)
    {
        _position++;
        var items = new List<LenientJsonValue>();
        while (true)
        {
            SkipSpace();
            if (_position >= _text.Length)
            {
                return null;
            }

            if (_text[_position] == ']')
            {
                _position++;
                return LenientJsonValue.Array(items);
            }

            var value = Value(depth + 1);
            if (value is null)
            {
                return null;
            }

            items.Add(value);
            if (!Separator(']'))
            {
                return null;
            }
        }
    }

    /// <summary>After a member: a comma (a trailing one is fine) or the closing bracket, which is left for the caller.</summary>
    private bool Separator(char close)
    {
        SkipSpace();
        if (_position >= _text.Length)
        {
            return false;
        }

        if (_text[_position] == ',')
        {
            _position++;
            return true;
        }

        return _text[_position] == close;
    }

    private string? QuotedString()
    {
        var quote = _text[_position++];
        var value = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == quote)
            {
                return value.ToString();
            }

            if (c == '\\' && _position < _text.Length)
            {
                c = _text[_position++];
            }
            else if (c == '\n')
            {
                return null;
            }

            value.Append(c);
        }

        return null;
    }

    private string? Word()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$' or '-' or '.' or '+'))
        {
            _position++;
        }

        return _position > start ? _text.Substring(start, _position - start) : null;
    }

    private LenientJsonValue? Bare()
    {
        var word = Word();
        switch (word)
        {
            case null:
                return null;
            case "true":
            case "false":
                return LenientJsonValue.Scalar(JsonKind.Boolean, word);
            case "null":
            case "undefined":
                return LenientJsonValue.Scalar(JsonKind.Null, word);
        }

        if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return LenientJsonValue.Scalar(JsonKind.Integer, word);
        }

        return double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? LenientJsonValue.Scalar(JsonKind.Fraction, word) : null;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }
}
