using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Authing.DocsGen.Text;

namespace Authing.DocsGen.Emitting;

/// <summary>
/// Escaping for everything that comes from the docs. Docs are untrusted input: no text reaches generated code except
/// through one of these functions.
/// </summary>
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
    /// underscore, and an empty result becomes <paramref name="fallback"/>.
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
        foreach (var raw in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
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
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\n':
                case '\r':
                case '\t':
                    builder.Append(' ');
                    break;
                default:
                    if (!Naming.IsInvisible(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Text for a <c>//</c> comment: one line, printable, nothing that could end the comment.</summary>
    public static string LineComment(string text) => XmlDocText(text).Replace("*/", "* /");
}
