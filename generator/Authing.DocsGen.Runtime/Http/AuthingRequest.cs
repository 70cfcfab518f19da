using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;

namespace Authing.Sdk.Runtime;

/// <summary>
/// One API call being built by generated code: verb, path with placeholders, query parameters and JSON body. It yields
/// what a transport needs: <see cref="Path"/>, <see cref="QueryString"/>, <see cref="Body"/> and <see cref="SigningPairs"/>.
/// </summary>
/// <remarks>
/// A request is built by one thread and then only read, so it can be sent more than once. Query parameters follow axios
/// (node SDK): <see langword="null"/> values are left out, arrays become repeated <c>name[]=value</c>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingRequest
{
    private readonly List<QueryParameter> _query = new();
    private string _path;

    // The canonical-resource pairs, computed on first use: only the management transport signs, so an authentication
    // request never pays for them. Written once (a race computes the same value twice), then only read.
    private IReadOnlyList<KeyValuePair<string, string>>? _signingPairs;
    private bool _bodyIsJson;

    /// <summary>Starts a request.</summary>
    /// <param name="method">The HTTP verb.</param>
    /// <param name="pathTemplate">The path as the API declares it, starting with <c>/</c>, with <c>{name}</c> placeholders.</param>
    /// <exception cref="ArgumentException">The template does not start with <c>/</c>, or holds characters a request line cannot carry as they are.</exception>
    public AuthingRequest(HttpMethod method, string pathTemplate)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(pathTemplate);
        if (pathTemplate[0] != '/')
        {
            throw new ArgumentException($"The path template must start with '/': '{pathTemplate}'.", nameof(pathTemplate));
        }

        // The template goes into the request line and the string to sign as it is: only placeholders are escaped.
        foreach (char c in pathTemplate)
        {
            if (c is <= ' ' or > '~' or '?' or '#' or '"' or '\\')
            {
                throw new ArgumentException(
                    "The path template must be printable ASCII without spaces, quotes, backslashes, '?' or '#'.", nameof(pathTemplate));
            }
        }

        Method = method;
        PathTemplate = pathTemplate;
        _path = pathTemplate;
    }

    /// <summary>The HTTP verb.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path as declared, with its <c>{name}</c> placeholders.</summary>
    public string PathTemplate { get; }

    /// <summary>The path with every placeholder substituted and escaped; the path part of the URL and of the string to sign.</summary>
    /// <exception cref="InvalidOperationException">A placeholder has not been set.</exception>
    public string Path
    {
        get
        {
            int open = _path.IndexOf('{', StringComparison.Ordinal);
            if (open >= 0)
            {
                int close = _path.IndexOf('}', open);
                string name = close > open ? _path[(open + 1)..close] : _path[(open + 1)..];
                throw new InvalidOperationException(
                    $"The path parameter '{name}' of {Method} {PathTemplate} has not been set.");
            }

            return _path;
        }
    }

    /// <summary>
    /// The query string as sent, without the leading <c>?</c>; empty when there are no parameters. Names and values are
    /// percent-encoded as axios does it (UTF-8, space as <c>+</c>; <c>:</c>, <c>$</c>, <c>,</c>, <c>[</c>, <c>]</c> kept).
    /// </summary>
    public string QueryString
    {
        get
        {
            if (_query.Count == 0)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            foreach (QueryParameter parameter in _query)
            {
                foreach (string value in parameter.WireValues)
                {
                    if (text.Length > 0)
                    {
                        text.Append('&');
                    }

                    AppendQueryComponent(text, parameter.Name);
                    if (parameter.IsArray)
                    {
                        text.Append("[]");
                    }

                    text.Append('=');
                    AppendQueryComponent(text, value);
                }
            }

            return text.ToString();
        }
    }

    /// <summary>The path followed by <c>?</c> and the query string when there is one.</summary>
    public string PathAndQuery
    {
        get
        {
            string query = QueryString;
            return query.Length == 0 ? Path : Path + "?" + query;
        }
    }

    /// <summary>
    /// The generated method this request belongs to (its route, verb, request fields and the docs' response example); set
    /// by generated code, read by the offline test double (<c>Authing.Sdk.Testing.AuthingFakeHandler</c>). Not sent.
    /// </summary>
    public AuthingOperation? Operation { get; set; }

    /// <summary>True once <see cref="SetJsonBody{T}"/> has been called.</summary>
    public bool HasBody { get; private set; }

    /// <summary>The UTF-8 JSON body; empty when there is none.</summary>
    public ReadOnlyMemory<byte> Body { get; private set; }

    /// <summary>
    /// The <c>key=value</c> pairs of the canonical resource, unsorted and unencoded. For GET, the query parameters as
    /// JavaScript prints them (strings raw, numbers and booleans as text, arrays as compact JSON such as
    /// <c>["a","b"]</c>). For any other verb, the top-level properties of the JSON body (strings raw, anything else as
    /// <c>JSON.stringify</c> writes it), whatever the query holds.
    /// </summary>
    /// <remarks>Computed on first use and cached; requests that are never signed never compute them.</remarks>
    public IReadOnlyList<KeyValuePair<string, string>> SigningPairs =>
        Volatile.Read(ref _signingPairs) ?? InitSigningPairs();

    /// <summary>Replaces the placeholder <c>{name}</c> in the path with the escaped <paramref name="value"/>.</summary>
    /// <param name="name">The placeholder name, without braces.</param>
    /// <param name="value">The value; escaped with <see cref="Uri.EscapeDataString(string)"/>.</param>
    /// <exception cref="ArgumentException">The template has no such placeholder, or it was already set.</exception>
    public void SetPathParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        string placeholder = "{" + name + "}";
        if (!_path.Contains(placeholder, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The path {PathTemplate} has no placeholder '{placeholder}', or it was already set.", nameof(name));
        }

        _path = _path.Replace(placeholder, Uri.EscapeDataString(value), StringComparison.Ordinal);
    }

    /// <summary>Adds a string query parameter; <see langword="null"/> leaves it out.</summary>
    /// <param name="name">The parameter name as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            Add(name, value, value);
        }
    }

    /// <summary>Adds an integer query parameter; <see langword="null"/> leaves it out.</summary>
    /// <param name="name">The parameter name as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, long? value)
    {
        if (value is long v)
        {
            string text = v.ToString(CultureInfo.InvariantCulture);
            Add(name, text, text);
        }
    }

    /// <summary>Adds an integer query parameter; <see langword="null"/> leaves it out.</summary>
    /// <param name="name">The parameter name as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, int? value) => AddQuery(name, (long?)value);

    /// <summary>Adds a number query parameter, written as JavaScript prints it (shortest round-trip); <see langword="null"/> leaves it out.</summary>
    /// <param name="name">The parameter name as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, double? value)
    {
        if (value is double v)
        {
            string text = JsText.Number(v);
            Add(name, text, text);
        }
    }

    /// <summary>Adds a boolean query parameter as <c>true</c>/<c>false</c>; <see langword="null"/> leaves it out.</summary>
    /// <param name="name">The parameter name as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, bool? value)
    {
        if (value is bool v)
        {
            string text = v ? "true" : "false";
            Add(name, text, text);
        }
    }

    /// <summary>Adds an enum query parameter as its wire value; <see langword="null"/> leaves it out.</summary>
    /// <typeparam name="TEnum">A generated open enum.</typeparam>
    /// <param name="name">The parameter name as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void AddQuery<TEnum>(string name, TEnum? value)
        where TEnum : struct, IAuthingEnum
    {
        if (value is TEnum v)
        {
            AddQuery(name, v.Value);
        }
    }

    /// <summary>Adds an array query parameter, sent as repeated <c>name[]=value</c>; <see langword="null"/> leaves it out.</summary>
    /// <param name="name">The parameter name as the API spells it, without <c>[]</c>.</param>
    /// <param name="values">The values; <see langword="null"/> items are not sent.</param>
    public void AddQuery(string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        var wire = new List<string>();
        var json = new StringBuilder("[");
        foreach (string? value in values)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            if (value is null)
            {
                json.Append("null");
            }
            else
            {
                wire.Add(value);
                JsText.AppendJsonString(json, value);
            }
        }

        AddArray(name, wire, json.Append(']').ToString());
    }

    /// <summary>Adds an integer array query parameter, sent as repeated <c>name[]=value</c>; <see langword="null"/> leaves it out.</summary>
    /// <param name="name">The parameter name as the API spells it, without <c>[]</c>.</param>
    /// <param name="values">The values.</param>
    public void AddQuery(string name, IEnumerable<long>? values)
    {
        if (values is null)
        {
            return;
        }

        var wire = new List<string>();
        foreach (long value in values)
        {
            wire.Add(value.ToString(CultureInfo.InvariantCulture));
        }

        AddArray(name, wire, "[" + string.Join(',', wire) + "]");
    }

    /// <summary>Adds an enum array query parameter, sent as repeated <c>name[]=value</c>; <see langword="null"/> leaves it out.</summary>
    /// <typeparam name="TEnum">A generated open enum.</typeparam>
    /// <param name="name">The parameter name as the API spells it, without <c>[]</c>.</param>
    /// <param name="values">The values.</param>
    public void AddQuery<TEnum>(string name, IEnumerable<TEnum>? values)
        where TEnum : struct, IAuthingEnum
    {
        if (values is null)
        {
            return;
        }

        var strings = new List<string>();
        foreach (TEnum value in values)
        {
            strings.Add(value.Value);
        }

        AddQuery(name, strings);
    }

    /// <summary>
    /// Serialises <paramref name="body"/> now, with <paramref name="converter"/> and no reflection, as compact UTF-8 JSON
    /// in which non-ASCII text is written as is (as <c>JSON.stringify</c> does), and records its top-level properties for signing.
    /// </summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="body">The body; must not be <see langword="null"/>.</param>
    /// <param name="converter">The generated converter of <typeparamref name="T"/>.</param>
    /// <exception cref="InvalidOperationException">The converter wrote no JSON or more than one value.</exception>
    public void SetJsonBody<T>(T body, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(converter);

        byte[] bytes = AuthingJson.SerializeToUtf8Bytes(body, converter);
        if (!IsOneJsonValue(bytes))
        {
            throw new InvalidOperationException(
                $"The converter {converter.GetType().Name} did not write one JSON value for {Method} {PathTemplate}.");
        }

        Body = bytes;
        HasBody = true;
        _bodyIsJson = true;
        _signingPairs = null;
    }

    /// <summary>The media type of <see cref="Body"/>: <c>application/json</c> unless <see cref="SetFormBody"/> replaced it.</summary>
    internal string ContentType { get; private set; } = JsonContentType;

    /// <summary>True when <see cref="Authorization"/> replaces the transport's own <c>authorization</c> header.</summary>
    internal bool OverridesAuthorization { get; private set; }

    /// <summary>The <c>authorization</c> value to send instead of the transport's, or <see langword="null"/> for none.</summary>
    internal string? Authorization { get; private set; }

    /// <summary>
    /// Sets an <c>application/x-www-form-urlencoded</c> body (OAuth token, revocation and introspection requests,
    /// RFC 6749 appendix B). Fields whose value is <see langword="null"/> are left out. Nothing is recorded for signing:
    /// only the authentication transport, which does not sign, sends these.
    /// </summary>
    /// <param name="fields">The form fields, in order.</param>
    internal void SetFormBody(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var text = new StringBuilder();
        foreach (KeyValuePair<string, string?> field in fields)
        {
            if (field.Value is null)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(FormEncode(field.Key)).Append('=').Append(FormEncode(field.Value));
        }

        Body = Encoding.UTF8.GetBytes(text.ToString());
        HasBody = true;
        ContentType = FormContentType;
        _bodyIsJson = false;
        _signingPairs = null;
    }

    /// <summary>
    /// Replaces the transport's <c>authorization</c> header for this request: the protocol endpoints choose between
    /// client credentials, a bearer token and nothing, whatever user token the client holds.
    /// </summary>
    /// <param name="value">The header value, or <see langword="null"/> to send no <c>authorization</c> header.</param>
    internal void SetAuthorization(string? value)
    {
        OverridesAuthorization = true;
        Authorization = value;
    }

    private const string JsonContentType = "application/json";
    private const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>The form-urlencoded serialisation: UTF-8 percent-encoding with space as <c>+</c>.</summary>
    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private IReadOnlyList<KeyValuePair<string, string>> InitSigningPairs()
    {
        IReadOnlyList<KeyValuePair<string, string>> pairs;
        if (Method == HttpMethod.Get)
        {
            var query = new KeyValuePair<string, string>[_query.Count];
            for (int i = 0; i < query.Length; i++)
            {
                query[i] = new KeyValuePair<string, string>(_query[i].Name, _query[i].SigningValue);
            }

            pairs = query;
        }
        else
        {
            pairs = _bodyIsJson ? ReadBodyPairs(Body.Span) : Array.Empty<KeyValuePair<string, string>>();
        }

        Volatile.Write(ref _signingPairs, pairs);
        return pairs;
    }

    /// <summary>Whether <paramref name="json"/> is exactly one JSON value (what a converter must write).</summary>
    private static bool IsOneJsonValue(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                return false;
            }

            // The writer validates structure as it writes; only "nothing" or "two values" remain possible here.
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The top-level properties of the JSON body as the node signer prints them; none for any other JSON value. One pass
    /// of the reader over the top level: strings and numbers are taken from their tokens, and only an object or array
    /// value is materialised (for <c>JSON.stringify</c>'s key order).
    /// </summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> ReadBodyPairs(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Array.Empty<KeyValuePair<string, string>>();
        }

        var pairs = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            string value;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    value = reader.GetString()!;
                    break;
                case JsonTokenType.Number:
                    value = JsText.Number(double.Parse(AuthingJson.RawText(ref reader), NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
                case JsonTokenType.True:
                    value = "true";
                    break;
                case JsonTokenType.False:
                    value = "false";
                    break;
                case JsonTokenType.Null:
                    value = "null";
                    break;
                default:
                    using (JsonDocument nested = JsonDocument.ParseValue(ref reader))
                    {
                        var text = new StringBuilder();
                        JsText.AppendJson(text, nested.RootElement);
                        value = text.ToString();
                    }

                    break;
            }

            // A repeated key keeps its first position and its last value, as JSON.parse does.
            int existing = pairs.Count - 1;
            while (existing >= 0 && !string.Equals(pairs[existing].Key, key, StringComparison.Ordinal))
            {
                existing--;
            }

            if (existing >= 0)
            {
                pairs[existing] = new KeyValuePair<string, string>(key, value);
            }
            else
            {
                pairs.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        return pairs;
    }

    /// <summary>Percent-encodes as axios's <c>encode</c>: <c>encodeURIComponent</c>, then <c>: $ , [ ]</c> restored and space as <c>+</c>.</summary>
    private static void AppendQueryComponent(StringBuilder text, string value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x80)
            {
                if (IsLeftAsIs(c))
                {
                    text.Append(c);
                }
                else if (c == ' ')
                {
                    text.Append('+');
                }
                else
                {
                    AppendPercent(text, (byte)c);
                }

                continue;
            }

            Rune rune;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                rune = new Rune(c, value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                rune = Rune.ReplacementChar;
            }
            else
            {
                rune = new Rune(c);
            }

            int length = rune.EncodeToUtf8(utf8);
            for (int b = 0; b < length; b++)
            {
                AppendPercent(text, utf8[b]);
            }
        }
    }

    private static bool IsLeftAsIs(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')'
            or ':' or '$' or ',' or '[' or ']';

    private static void AppendPercent(StringBuilder text, byte value)
    {
        const string Hex = "0123456789ABCDEF";
        text.Append('%').Append(Hex[value >> 4]).Append(Hex[value & 0xF]);
    }

    private void Add(string name, string wireValue, string signingValue) =>
        AddParameter(new QueryParameter(name, new[] { wireValue }, IsArray: false, signingValue));

    private void AddArray(string name, List<string> wireValues, string signingValue) =>
        AddParameter(new QueryParameter(name, wireValues.ToArray(), IsArray: true, signingValue));

    private void AddParameter(QueryParameter parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameter.Name, "name");
        foreach (QueryParameter existing in _query)
        {
            if (existing.Name == parameter.Name)
            {
                throw new ArgumentException(
                    $"The query parameter '{parameter.Name}' of {Method} {PathTemplate} was added twice.", "name");
            }
        }

        _query.Add(parameter);
    }

    private readonly record struct QueryParameter(string Name, string[] WireValues, bool IsArray, string SigningValue);
}
