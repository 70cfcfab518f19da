using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Authing.DocsGen.Text;

/// <summary>
/// Escaping for everything that comes from the docs. Docs are untrusted input: no text reaches generated code except
/// through one of these functions.
/// </summary>
/// <remarks>
/// Identifiers keep only ASCII letters and digits; string literals are printable ASCII with everything else
/// <c>\u</c>-escaped; comment text is escaped for XML and loses every character that could end the comment or hide
/// text from a reviewer (line breaks of any kind, bidirectional controls, zero-width and other invisible characters,
/// including those outside the Basic Multilingual Plane such as the tag characters U+E0000–U+E007F).
/// </remarks>
public static class CSharp
{
    private static readonly HashSet<string> s_keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// A PascalCase C# identifier from a docs name: only ASCII letters and digits survive, a leading digit gets an
    /// underscore, and an empty result becomes <paramref name="fallback"/>. Applying it to its own result changes nothing.
    /// </summary>
    public static string Identifier(string name, string fallback)
    {
        var pascal = Naming.ToPascalCase(name);
        if (pascal.Length == 0)
        {
            return fallback;
        }

        if (char.IsDigit(pascal[0]))
        {
            pascal = "_" + pascal;
        }

        return s_keywords.Contains(pascal) ? "@" + pascal : pascal;
    }

    /// <summary>A regular C# string literal, quotes included. Everything outside printable ASCII is \u-escaped.</summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c >= 0x20 && c < 0x7F)
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Text for an XML doc comment, one entry per line: markup characters escaped, invisible and control characters
    /// (bidirectional overrides, zero-width characters) dropped, blank runs collapsed.
    /// </summary>
    public static List<string> XmlDocLines(string text)
    {
        var lines = new List<string>();
        foreach (var raw in SplitLines(text))
        {
            var line = XmlDocText(raw).Trim();
            if (line.Length > 0 || (lines.Count > 0 && lines[lines.Count - 1].Length > 0))
            {
                lines.Add(line);
            }
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>One line of XML doc text: escaped, without line breaks or invisible characters.</summary>
    public static string XmlDocText(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    continue;
                case '<':
                    builder.Append("&lt;");
                    continue;
                case '>':
                    builder.Append("&gt;");
                    continue;
                case '\n':
                case '\r':
                case '\t':
                    builder.Append(' ');
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (!IsUnsafe(char.ConvertToUtf32(c, text[i + 1])))
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Text for a <c>//</c> comment: one line, printable, nothing that could end the comment.</summary>
    public static string LineComment(string text) => XmlDocText(text).Replace("*/", "* /");

    /// <summary>
    /// Whether a code point must never appear in generated code, not even in a comment: control characters, line and
    /// paragraph separators (C# ends a line at U+0085, U+2028 and U+2029), format characters (bidirectional embeddings,
    /// overrides and isolates, zero-width joiners and spaces, the byte-order mark, tag characters), the other
    /// default-ignorable code points (fillers, variation selectors), lone surrogates, and unassigned code points.
    /// </summary>
    public static bool IsUnsafe(int codePoint)
    {
        if (codePoint is < 0 or > 0x10FFFF)
        {
            return true;
        }

        if (codePoint is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0
            or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0000 and <= 0xE0FFF)
            or (>= 0xFFF0 and <= 0xFFF8))
        {
            return true;
        }

        var category = codePoint <= 0xFFFF
            ? CharUnicodeInfo.GetUnicodeCategory((char)codePoint)
            : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(codePoint), 0);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned;
    }

    /// <summary>Whether <paramref name="text"/> holds a code point that <see cref="IsUnsafe"/> rejects (tab, CR and LF included).</summary>
    public static bool ContainsUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (UnsafeAt(text, i, out var width))
            {
                return true;
            }

            i += width - 1;
        }

        return false;
    }

    /// <summary>
    /// Text for a diagnostic message: every unsafe code point written as <c>\uXXXX</c> (so a build log shows it instead of
    /// obeying it), line breaks as <c>\n</c>, and at most <paramref name="maxLength"/> characters.
    /// </summary>
    public static string Visible(string text, int maxLength = 120)
    {
        var builder = new StringBuilder(System.Math.Min(text.Length, maxLength) + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (builder.Length >= maxLength)
            {
                return builder.Append('…').ToString();
            }

            if (!UnsafeAt(text, i, out var width))
            {
                builder.Append(text, i, width);
            }
            else if (text[i] == '\n')
            {
                builder.Append("\\n");
            }
            else if (text[i] == '\r')
            {
                builder.Append("\\r");
            }
            else if (text[i] == '\t')
            {
                builder.Append("\\t");
            }
            else
            {
                for (var k = 0; k < width; k++)
                {
                    builder.Append("\\u").Append(((int)text[i + k]).ToString("X4", CultureInfo.InvariantCulture));
                }
            }

            i += width - 1;
        }

        return builder.ToString();
    }

    private static bool UnsafeAt(string text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return IsUnsafe(char.ConvertToUtf32(c, text[index + 1]));
        }

        width = 1;
        return IsUnsafe(c);
    }

    private static IEnumerable<string> SplitLines(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Split('\n');
}
