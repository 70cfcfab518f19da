using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Authing.Sdk.Runtime;

/// <summary>
/// Text as JavaScript prints it: <c>String(number)</c> and <c>JSON.stringify(value)</c>. The string to sign is built
/// from these forms in the node SDK, and a server written in JavaScript rebuilds it the same way from the parsed request.
/// </summary>
internal static class JsText
{
    /// <summary>Formats a double as ECMAScript's Number::toString does (shortest round-trip digits, JS exponent rules).</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0"; // also for -0, as in JS
        }

        // "R" yields the shortest round-trip digits; only the layout differs from JS.
        string r = RoundTrip(Math.Abs(value));
        int exponent = 0;
        int e = r.IndexOfAny(['E', 'e']);
        string mantissa = r;
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r[..e];
        }

        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, dot), mantissa.AsSpan(dot + 1));
        int pointPosition = (dot < 0 ? mantissa.Length : dot) + exponent;
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        pointPosition -= leadingZeros;

        // ECMAScript Number::toString: value = 0.digits × 10^n, with k digits.
        int k = digits.Length;
        int n = pointPosition;
        var text = new StringBuilder(32);
        if (value < 0)
        {
            text.Append('-');
        }

        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            int exp = n - 1;
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }

            text.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The shortest digits that parse back to <paramref name="value"/>.</summary>
    private static string RoundTrip(double value)
    {
#if NETSTANDARD2_0
        // .NET Framework's "R" is not always the shortest round-trip form (and, for some values, not a round trip at all);
        // the first of G15, G16, G17 that parses back is: a double has 15–17 significant decimal digits.
        for (int precision = 15; precision < 17; precision++)
        {
            string text = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) == value)
            {
                return text;
            }
        }

        return value.ToString("G17", CultureInfo.InvariantCulture);
#else
        return value.ToString("R", CultureInfo.InvariantCulture);
#endif
    }

    /// <summary>Appends a string literal as <c>JSON.stringify</c> writes it (well-formed variant, ES2019).</summary>
    public static void AppendJsonString(StringBuilder text, string value)
    {
        text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        AppendUnicodeEscape(text, c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        AppendUnicodeEscape(text, c); // a lone surrogate
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>
    /// Writes a parsed JSON value as <c>JSON.stringify(JSON.parse(json))</c> would: compact, numbers as JS doubles, object
    /// keys in JS property order (array-index keys ascending first, then the others in order of first appearance; a
    /// repeated key keeps its last value).
    /// </summary>
    public static void AppendJson(StringBuilder text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, JsonElement> property in JsObjectProperties(element))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    AppendJsonString(text, property.Key);
                    text.Append(':');
                    AppendJson(text, property.Value);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                bool firstItem = true;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (!firstItem)
                    {
                        text.Append(',');
                    }

                    firstItem = false;
                    AppendJson(text, item);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                AppendJsonString(text, element.GetString()!);
                break;
            case JsonValueKind.Number:
                text.Append(JsonNumber(element));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>A JSON number as JS prints it after parsing; infinite values (too large for a double) become <c>null</c> as in JSON.stringify.</summary>
    public static string JsonNumber(JsonElement number)
    {
        double value = double.Parse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? Number(value) : "null";
    }

    /// <summary>An object's properties in the order a JS object created by JSON.parse enumerates them.</summary>
    public static List<KeyValuePair<string, JsonElement>> JsObjectProperties(JsonElement element)
    {
        var order = new List<string>();
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!values.ContainsKey(property.Name))
            {
                order.Add(property.Name);
            }

            values[property.Name] = property.Value;
        }

        var indexKeys = new List<(uint Index, string Key)>();
        var otherKeys = new List<string>(order.Count);
        foreach (string key in order)
        {
            if (IsArrayIndex(key, out uint index))
            {
                indexKeys.Add((index, key));
            }
            else
            {
                otherKeys.Add(key);
            }
        }

        indexKeys.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var result = new List<KeyValuePair<string, JsonElement>>(order.Count);
        foreach ((_, string key) in indexKeys)
        {
            result.Add(new KeyValuePair<string, JsonElement>(key, values[key]));
        }

        foreach (string key in otherKeys)
        {
            result.Add(new KeyValuePair<string, JsonElement>(key, values[key]));
        }

        return result;
    }

    /// <summary>A canonical array index: "0", or digits without a leading zero, below 2^32 - 1.</summary>
    private static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        foreach (char c in key)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index != uint.MaxValue;
    }

    private static void AppendUnicodeEscape(StringBuilder text, char c) =>
        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
