using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Authing.DocsGen.Text;

/// <summary>Name conversions between the docs' camelCase / PascalCase / snake_case / kebab-case and C#.</summary>
public static class Naming
{
    /// <summary>Splits on every character that is not an ASCII letter or digit, and at lower→upper humps.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!IsAsciiLetterOrDigit(c))
            {
                Flush(current, words);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c) && !char.IsUpper(current[current.Length - 1]))
            {
                Flush(current, words);
            }

            current.Append(c);
        }

        Flush(current, words);
        return words;
    }

    /// <summary><c>enrollFactor</c>, <c>enroll_factor</c>, <c>EnrollFactor</c>, <c>enroll-factor</c> → <c>EnrollFactor</c>. Inner capitals are kept (<c>getOIDCToken</c> → <c>GetOIDCToken</c>).</summary>
    public static string ToPascalCase(string name)
    {
        var result = new StringBuilder();
        foreach (var word in Words(name))
        {
            result.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }

        return result.ToString();
    }

    /// <summary>Like <see cref="ToPascalCase"/>, but all-capital words are title-cased: <c>SMS</c> → <c>Sms</c>, <c>zh-CN</c> → <c>ZhCn</c>.</summary>
    public static string ToPascalCaseTitled(string name)
    {
        var result = new StringBuilder();
        foreach (var word in Words(name))
        {
            var allUpper = true;
            foreach (var c in word)
            {
                allUpper &= !char.IsLower(c);
            }

            result.Append(char.ToUpperInvariant(word[0]));
            result.Append(allUpper ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        return result.ToString();
    }

    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary><c>getMyWidgets</c> → <c>get-my-widgets</c>; an already kebab-cased name is returned lower-cased.</summary>
    public static string ToKebabCase(string name)
    {
        var words = Words(name);
        for (var i = 0; i < words.Count; i++)
        {
            words[i] = words[i].ToLowerInvariant();
        }

        return string.Join("-", words);
    }

    public static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    /// <summary>Bidirectional controls, zero-width and other format characters ("Trojan Source"), and control characters.</summary>
    public static bool IsInvisible(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            && c is not ('\n' or '\r' or '\t');
    }

    public static bool ContainsInvisible(string text)
    {
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
