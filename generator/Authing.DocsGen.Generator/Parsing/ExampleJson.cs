using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Authing.DocsGen.Parsing;

internal enum ExampleKind
{
    Object,
    Array,
    String,
    Integer,
    Fraction,
    Boolean,
    Null,
}

/// <summary>One value of a docs example: only the structure the element-type rule needs (kinds, keys, items).</summary>
internal sealed class ExampleValue
{
    private ExampleValue(ExampleKind kind, List<KeyValuePair<string, ExampleValue>>? properties, List<ExampleValue>? items)
    {
        Kind = kind;
        Properties = properties ?? new List<KeyValuePair<string, ExampleValue>>();
        Items = items ?? new List<ExampleValue>();
    }

    public ExampleKind Kind { get; }

    public List<KeyValuePair<string, ExampleValue>> Properties { get; }

    public List<ExampleValue> Items { get; }

    public static ExampleValue Scalar(ExampleKind kind) => new(kind, null, null);

    public static ExampleValue Object(List<KeyValuePair<string, ExampleValue>> properties) => new(ExampleKind.Object, properties, null);

    public static ExampleValue Array(List<ExampleValue> items) => new(ExampleKind.Array, null, items);

    public ExampleValue? this[string key]
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
/// Reads the JSON of docs examples, which are written by hand in JavaScript style: single quotes, unquoted keys,
/// trailing commas, comments and <c>undefined</c> are accepted. Returns null for anything it cannot read; it never
/// throws. Nesting deeper than <see cref="MaxDepth"/> is unreadable (the generator bounds types at 32 levels anyway).
/// </summary>
internal sealed class ExampleJson
{
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private ExampleJson(string text) => _text = text;

    public static ExampleValue? TryParse(string? text)
    {
        if (text is null || text.Length == 0)
        {
            return null;
        }

        var reader = new ExampleJson(text);
        var value = reader.Value(0);
        reader.SkipSpace();
        return value is not null && reader._position == text.Length ? value : null;
    }

    private ExampleValue? Value(int depth)
    {
        SkipSpace();
        if (_position >= _text.Length || depth > MaxDepth)
        {
            return null;
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ObjectValue(depth);
            case '[':
                return ArrayValue(depth);
            case '"':
            case '\'':
                return QuotedString() is null ? null : ExampleValue.Scalar(ExampleKind.String);
            default:
                return Bare();
        }
    }

    private ExampleValue? ObjectValue(int depth)
    {
        _position++;
        var properties = new List<KeyValuePair<string, ExampleValue>>();
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
                return ExampleValue.Object(properties);
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

            properties.Add(new KeyValuePair<string, ExampleValue>(key, value));
            if (!Separator('}'))
            {
                return null;
            }
        }
    }

    private ExampleValue? ArrayValue(int depth)
    {
        _position++;
        var items = new List<ExampleValue>();
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
                return ExampleValue.Array(items);
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

    private ExampleValue? Bare()
    {
        var word = Word();
        switch (word)
        {
            case null:
                return null;
            case "true":
            case "false":
                return ExampleValue.Scalar(ExampleKind.Boolean);
            case "null":
            case "undefined":
                return ExampleValue.Scalar(ExampleKind.Null);
        }

        if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return ExampleValue.Scalar(ExampleKind.Integer);
        }

        return double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? ExampleValue.Scalar(ExampleKind.Fraction) : null;
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
