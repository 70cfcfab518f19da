using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// The enum rule (FORMAT.md §8): a <c>枚举值：`A`,`B`</c> sentence in the description or example column; or a
/// description whose bullet list holds only value items, at least one of them clearly a value (backticked, followed by
/// a colon, or alone on its line). A missing backtick or colon does not lose a value: <c>`A: meaning</c>,
/// <c>A`: meaning</c> and <c>`A` meaning</c> are all the value <c>A</c>. A bullet that starts with anything but a value
/// token, or a list whose items are all "word + prose" without a colon, is prose, not an enum.
/// </summary>
public static class EnumRules
{
    private static readonly Regex s_valuesSentence = new(@"(可选)?枚举值\s*[:：]|enum(eration)? values?\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_backticked = new("`([^`]+)`", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_bareValue = new(@"^[A-Za-z0-9_.\-]+", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_listedValue = new(@"^[A-Za-z0-9_.\-:/]+$", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_colonSeparator = new(@":(\s|$)", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_bulletStart = new(@"^\s*[-*]\s+", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    /// <summary>Whether the text carries a <c>枚举值：</c> / "enum values:" sentence.</summary>
    public static bool HasValuesSentence(string text) => s_valuesSentence.IsMatch(text);

    /// <summary>The description's lead text and the enum's values, or null values when the field is not an enum.</summary>
    public static (string Lead, List<EnumMemberModel>? Members) Read(string description, string example)
    {
        foreach (var text in new[] { description, example })
        {
            var sentence = s_valuesSentence.Match(text);
            if (sentence.Success)
            {
                var values = ListedValues(text.Substring(sentence.Index + sentence.Length));
                if (values.Count > 0)
                {
                    var lead = text == description ? description.Substring(0, sentence.Index) : description;
                    return (Clean(lead), Distinct(values));
                }
            }
        }

        var members = new List<EnumMemberModel>();
        var leadLines = new List<string>();
        var anyClearValue = false;
        foreach (var line in description.Split('\n'))
        {
            var bullet = s_bulletStart.Match(line);
            if (!bullet.Success)
            {
                if (members.Count == 0)
                {
                    leadLines.Add(line);
                }

                continue;
            }

            if (BulletValue(line.Substring(bullet.Length)) is not { } item)
            {
                return (Clean(description), null);
            }

            anyClearValue |= item.Clear;
            members.Add(item.Member);
        }

        return members.Count == 0 || !anyClearValue ? (Clean(description), null) : (Clean(string.Join("\n", leadLines)), Distinct(members));
    }

    /// <summary>
    /// The values after <c>枚举值：</c>: every backticked value; when a backtick is missing, the tokens separated by
    /// backticks, commas or spaces, up to the first word that is not a value.
    /// </summary>
    private static List<EnumMemberModel> ListedValues(string text)
    {
        if (text.Count(c => c == '`') % 2 == 0)
        {
            return s_backticked.Matches(text).Cast<Match>().Select(m => new EnumMemberModel(m.Groups[1].Value.Trim(), string.Empty)).ToList();
        }

        var values = new List<EnumMemberModel>();
        foreach (var token in text.Split(new[] { '`', ',', '，', '、', ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!s_listedValue.IsMatch(token))
            {
                break;
            }

            values.Add(new EnumMemberModel(token, string.Empty));
        }

        return values;
    }

    /// <summary>
    /// One bullet's value and meaning, or null when the bullet is prose. <c>Clear</c> is false for "VALUE meaning"
    /// without backticks or colon, which is a value only in a list that has clear ones.
    /// </summary>
    private static (EnumMemberModel Member, bool Clear)? BulletValue(string item)
    {
        string value;
        string rest;
        var clear = true;
        if (item.StartsWith("`", StringComparison.Ordinal))
        {
            var close = item.IndexOf('`', 1);
            var quoted = close > 0 ? item.Substring(1, close - 1) : null;
            if (quoted is not null && quoted.Trim().Length > 0 && !HasColonSeparator(quoted))
            {
                value = quoted.Trim();
                rest = item.Substring(close + 1);
            }
            else
            {
                // An unclosed backtick (or one closed after the meaning): the value runs to the colon or a space.
                var end = 1;
                while (end < item.Length && item[end] is not ('`' or '：' or ' ' or '\t') && !(item[end] == ':' && (end + 1 == item.Length || char.IsWhiteSpace(item[end + 1]))))
                {
                    end++;
                }

                value = item.Substring(1, end - 1);
                rest = item.Substring(end).TrimStart('`');
            }
        }
        else
        {
            var token = s_bareValue.Match(item);
            if (!token.Success)
            {
                return null;
            }

            value = token.Value;
            rest = item.Substring(token.Length).TrimStart('`');
            var afterSpace = rest.TrimStart();
            clear = afterSpace.Length == 0 || afterSpace[0] is ':' or '：';
            if (!clear && rest.Length == afterSpace.Length)
            {
                return null; // "value(…)" or "a/b": a token glued to more text is prose.
            }
        }

        if (value.Length == 0)
        {
            return null;
        }

        rest = rest.TrimStart();
        if (rest.Length > 0 && rest[0] is ':' or '：')
        {
            rest = rest.Substring(1);
        }

        return (new EnumMemberModel(value, Clean(rest)), clear);
    }

    private static bool HasColonSeparator(string text) => text.IndexOf('：') >= 0 || s_colonSeparator.IsMatch(text);

    private static List<EnumMemberModel> Distinct(List<EnumMemberModel> members) =>
        members.GroupBy(m => m.Value, StringComparer.Ordinal).Select(g => g.First()).ToList();

    private static string Clean(string text) => text.Replace("`", string.Empty).Trim().TrimEnd(':', '：').Trim();
}
