using System.Text;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// Text that tries to break out of what it is generated into: comments, XML docs, string literals, identifiers, Scriban
/// templates, Markdown tables; and text that hides from a reviewer (bidirectional controls, invisible characters).
/// </summary>
public static class HostileText
{
    /// <summary>Fragments aimed at one escaping rule each.</summary>
    public static readonly string[] Fragments =
    {
        // Comments and XML docs.
        "*/", "/*", "//", "///", "</summary>", "<summary>", "</remarks><code>", "<see cref=\"System.IO.File\"/>", "]]>", "<![CDATA[",
        "<!--", "-->", "&", "&amp;", "&lt;", "&#x202E;", "&#8238;", "&#0;", "<script>alert(1)</script>", "<",  ">",
        "\n#error injected", "\r\n#pragma warning disable", "\npublic static void Injected() { }", "\n}\nclass Injected {",
        // String literals.
        "\"", "\\", "\\\"", "\\u0022", "\\u000A", "\"\"\"", "@\"", "$\"{System.Environment.Exit(1)}\"", "'", "\0", "\u0001", "\u007F",
        "\"; System.Environment.Exit(1); var x = \"",
        // Line breaks C# knows and Markdown does not.
        "\u0085", "\u2028", "\u2029", "\r", "\n", "\r\n", "\v", "\f",
        // Scriban.
        "{{ }}", "{{ x }}", "{{ namespace }}", "{{$localeConfig.brandName}}", "{% raw %}", "{{ for x in 1..9 }}", "{{~", "~}}",
        // Identifiers.
        "class", "namespace", "event", "default", "operator", "int", "void", "global", "__arglist", "value", "var", "async", "await",
        "record", "required", "file", "nameof", "_", "@", "2faEnabled", "123", "0x1F", "1e9", "Equals", "GetHashCode", "ToString",
        "GetType", "Instance", "Value", "IsKnown", "StatusCode", "Message", "ApiCode", "RequestId", "IsSuccess", "request",
        "cancellationToken", "call", "Transport", "_transport", "JsonConverter", "System", "Authing", "Models", "Runtime", "Sdk",
        "ManagementClient", "AuthenticationClient", "AuthingResponse", "widget-id", "widget id", "widget.id", "Widget_Dto", "ÄÖÜ",
        // Markdown structure.
        "|", "||", "`", "``", "```", "<br>", "<br/>", "<br><br>", "<a href=\"#X\">X</a>", "<a id=\"Y\"></a>", "[x](#X)", "# h", "## 请求参数",
        "- `A`: a", "枚举值：`A`,`B`", "嵌套类型：<a href=\"#Z\">Z</a>", "<div style=\"width:80px\">", "</div>", "\\|", "&#124;",
        "<!-- authing-docsgen: route=/x\" verb=GET -->", ":::", "!!!include(x.md)!!!", "> q", "    code", "* ", "1. ",
        // Invisible characters: bidirectional controls and isolates, zero-width, BOM, tags, fillers, variation selectors.
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E", "\u034F", "\u115F", "\u3164", "\uFE0F",
        "\U000E0041", "\U000E007F", "\U000E0100", "\uFFFE", "\uFFFF", "\uD800", "\uDC00",
        // Visible but unusual.
        "😀", "👩‍👩‍👧", "中文", "עברית", "العربية", "а", "\u00A0", "\u3000", "\u2003", "e\u0301", "Ⅻ", "ß", "ﬁ", "\U0001D400",
    };

    /// <summary>A hostile fragment, or a run of random code points, or a mix.</summary>
    public static string Next(Rnd rnd) => rnd.Int(10) switch
    {
        < 6 => rnd.Pick(Fragments),
        < 8 => RandomUnicode(rnd, rnd.Int(1, 12)),
        _ => rnd.Pick(Fragments) + RandomUnicode(rnd, rnd.Int(1, 4)) + rnd.Pick(Fragments),
    };

    /// <summary>Random code points from the whole range, weighted towards the planes and blocks that cause trouble.</summary>
    public static string RandomUnicode(Rnd rnd, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var codePoint = rnd.Int(8) switch
            {
                0 => rnd.Int(0, 0x7F),
                1 => rnd.Int(0x80, 0x7FF),
                2 => rnd.Int(0x2000, 0x206F),
                3 => rnd.Int(0xFE00, 0xFFFF),
                4 => rnd.Int(0x10000, 0x10FFFF),
                5 => rnd.Int(0xE0000, 0xE01FF),
                6 => rnd.Int(0xD800, 0xDFFF),
                _ => rnd.Int(0, 0xFFFF),
            };
            text.Append(codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint));
        }

        return text.ToString();
    }

    /// <summary>Puts hostile text into <paramref name="text"/>: replaces it, or inserts at a random place.</summary>
    public static string Inject(Rnd rnd, string text)
    {
        var hostile = Next(rnd);
        return rnd.Int(3) switch
        {
            0 => hostile,
            1 => text + hostile,
            _ => text.Insert(rnd.Int(text.Length + 1), hostile),
        };
    }
}
