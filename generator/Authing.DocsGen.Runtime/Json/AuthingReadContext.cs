using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Authing.Sdk.Runtime;

/// <summary>
/// What one response read needs beyond the reader: the body (to name the JSON path of a value that did not fit), whether
/// such a value throws (<c>StrictResponses</c>) and where it is reported (the transport's logger).
/// </summary>
/// <remarks>
/// <para>
/// Converters have no logger and no per-call state: System.Text.Json hands them a reader and shared options. The transport
/// reads a fully buffered body synchronously — <see cref="Utf8JsonReader"/> is a ref struct, so the read cannot span an
/// await — which makes a thread-static context, set just around that read (<see cref="Enter"/>), exactly as scoped as the
/// read itself. <c>AsyncLocal</c> would cost more for nothing; a context keyed by <see cref="JsonSerializerOptions"/> could
/// hold per-client settings but not per-read state such as the body, and options are shared by concurrent calls.
/// </para>
/// <para>
/// Outside a transport read (a caller using the generated converters directly) a silent per-thread context applies:
/// tolerant, nothing logged, no paths.
/// </para>
/// <para>
/// The happy path costs nothing here: the JSON path is not tracked while reading. Only when a value does not fit is it
/// computed, by walking the buffered body again up to the value's offset, and only when it is logged or thrown.
/// </para>
/// </remarks>
internal sealed class AuthingReadContext
{
    [ThreadStatic]
    private static AuthingReadContext? t_current;

    [ThreadStatic]
    private static AuthingReadContext? t_silent;

    private readonly ReadOnlyMemory<byte> _json;
    private readonly ResponseMismatchReporter? _reporter;
    private readonly bool _strict;

    // Mismatches found by list converters (or nested reads) that no object field has claimed yet; see Claim.
    private List<Mismatch>? _pending;
    private int _unclaimed;

    // Greater than zero while a lossless conversion is attempted: any value that does not fit fails the attempt (and
    // offsets inside the decoded text are not body offsets, so nothing is recorded from there).
    private int _exact;

    private AuthingReadContext(ReadOnlyMemory<byte> json, ResponseMismatchReporter? reporter, bool strict)
    {
        _json = json;
        _reporter = reporter;
        _strict = strict;
    }

    /// <summary>The context of the read in progress on this thread, or the silent one.</summary>
    public static AuthingReadContext Current => t_current ?? (t_silent ??= new AuthingReadContext(ReadOnlyMemory<byte>.Empty, null, strict: false));

    /// <summary>Makes a context current for one synchronous read of <paramref name="json"/>; dispose the scope to end it.</summary>
    /// <param name="json">The whole body the reader reads, from its first byte (offsets are relative to it).</param>
    /// <param name="reporter">Logs each mismatch once per type and field; null logs nothing.</param>
    /// <param name="strict">Throw on the first value that does not fit instead of keeping it.</param>
    /// <returns>The scope that restores the previous context.</returns>
    public static Scope Enter(ReadOnlyMemory<byte> json, ResponseMismatchReporter? reporter, bool strict)
    {
        var previous = t_current;
        t_current = new AuthingReadContext(json, reporter, strict);
        return new Scope(previous);
    }

    /// <summary>How many mismatches are waiting to be claimed by an object field.</summary>
    public int Unclaimed => _unclaimed;

    /// <summary>
    /// Whether a converter's exception means "this value does not fit its type" (and the JSON is still readable), as
    /// opposed to an unreadable body, a strict-mode failure already on its way out, or a bug.
    /// </summary>
    public static bool IsMismatch(Exception exception) => exception switch
    {
        AuthingUnreadableResponseException => false,
        JsonException => true,
        ObjectDisposedException => false,
        InvalidOperationException or FormatException or OverflowException => true,
        _ => false,
    };

    /// <summary>
    /// Called after a converter failed on a value: the reader is back on the value's first token. Reads the value raw
    /// (leaving the reader on its last token, as a converter would), converts it when that is lossless, and records the
    /// mismatch for the enclosing object field to claim. In strict mode it throws instead.
    /// </summary>
    /// <typeparam name="T">The documented type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="converter">The converter that failed, used again on the converted candidates.</param>
    /// <param name="options">Passed through to the converter.</param>
    /// <param name="raw">The value as received.</param>
    /// <returns>The converted value, or default when it did not fit.</returns>
    public T? Recover<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options, out JsonElement raw)
    {
        long offset = reader.TokenStartIndex;
        string found = KindOf(reader.TokenType);
        if (_exact > 0)
        {
            throw new AuthingUnreadableResponseException("A converted value does not fit its type.");
        }

        if (_strict)
        {
            throw new AuthingUnreadableResponseException(
                $"{PathAt(offset)} is {found} where the docs say {ExpectedKind<T>.Name}; StrictResponses is on");
        }

        raw = ReadRaw(ref reader);
        bool converted = TryConvert(raw, converter, options, out T? value);
        _unclaimed++;
        if (_reporter is not null)
        {
            (_pending ??= new List<Mismatch>()).Add(new Mismatch(offset, ExpectedKind<T>.Name, found, converted));
        }

        return converted ? value : default;
    }

    /// <summary>
    /// Attributes the mismatches recorded since <paramref name="since"/> to an object field, logs them (once per type and
    /// field), and clears them so that enclosing fields do not see them again.
    /// </summary>
    /// <param name="since">The value of <see cref="Unclaimed"/> before the field was read.</param>
    /// <param name="typeName">The type being read.</param>
    /// <param name="wireName">The field.</param>
    public void Claim(int since, string typeName, string wireName)
    {
        if (_pending is not null && _reporter is not null)
        {
            for (int i = since; i < _pending.Count; i++)
            {
                Mismatch mismatch = _pending[i];
                _reporter.Report(typeName, wireName, mismatch.Expected, mismatch.Found, mismatch.Converted, this, mismatch.Offset);
            }

            _pending.RemoveRange(since, _pending.Count - since);
        }

        _unclaimed = since;
    }

    /// <summary>Reads a value raw, as a <see cref="JsonElement"/>; JSON that cannot be read ends the whole read.</summary>
    /// <param name="reader">The reader, on the value's first token; left on its last.</param>
    /// <returns>The value.</returns>
    public static JsonElement ReadRaw(ref Utf8JsonReader reader)
    {
        try
        {
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException ex) when (ex is not AuthingUnreadableResponseException)
        {
            // Marked, so that enclosing fields do not try to recover (and re-parse) a value that is not JSON.
            throw new AuthingUnreadableResponseException(ex);
        }
    }

    /// <summary>The JSON path of the value starting at <paramref name="offset"/>: <c>$.data.list[2].enabled</c>.</summary>
    /// <param name="offset">A token start offset in the body.</param>
    /// <returns>The path, or <c>$</c> when the body is not known (a read outside a transport).</returns>
    public string PathAt(long offset) => JsonPath.Find(_json.Span, offset);

    /// <summary>How a value's first token is named in messages.</summary>
    /// <param name="token">The token.</param>
    /// <returns>A JSON kind.</returns>
    public static string KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>
    /// The lossless conversions of a value of the wrong kind: a string with surrounding white space (<c>" false"</c>), and
    /// a string holding JSON of the right kind (<c>"12.0"</c> for an integer, <c>"[\"a\"]"</c> for a list). The decoded
    /// value must fit the type completely, nested values included.
    /// </summary>
    private bool TryConvert<T>(JsonElement raw, JsonConverter<T> converter, JsonSerializerOptions options, out T? value)
    {
        value = default;
        if (raw.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        string text;
        try
        {
            text = raw.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Lone surrogates in escapes: kept raw, not converted.
            return false;
        }

        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (!ReferenceEquals(trimmed, text) && TryReadExact(JsonEncodedString(trimmed), converter, options, out value))
        {
            return true;
        }

        char first = trimmed[0];
        bool looksLikeJson = first is '[' or '{' or '-' or (>= '0' and <= '9') || trimmed is "true" or "false";
        return looksLikeJson && TryReadExact(Encoding.UTF8.GetBytes(trimmed), converter, options, out value);
    }

    private bool TryReadExact<T>(byte[] json, JsonConverter<T> converter, JsonSerializerOptions options, out T? value)
    {
        _exact++;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (reader.Read() && reader.TokenType != JsonTokenType.Null)
            {
                value = converter.Read(ref reader, typeof(T), options);
                if (value is not null && !reader.Read())
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            // Not a lossless conversion.
        }
        finally
        {
            _exact--;
        }

        value = default;
        return false;
    }

    private static byte[] JsonEncodedString(string text)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(text);
        }

        return buffer.ToArray();
    }

    /// <summary>Restores the previous context.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly AuthingReadContext? _previous;

        internal Scope(AuthingReadContext? previous) => _previous = previous;

        /// <summary>Ends the read's context.</summary>
        public void Dispose() => t_current = _previous;
    }

    private readonly record struct Mismatch(long Offset, string Expected, string Found, bool Converted);

    /// <summary>The documented kind of <typeparamref name="T"/> as named in messages, computed once per type.</summary>
    private static class ExpectedKind<T>
    {
        public static readonly string Name = Describe(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));

        private static string Describe(Type type) =>
            type == typeof(string) ? "a string"
            : type == typeof(long) || type == typeof(int) ? "an integer"
            : type == typeof(double) ? "a number"
            : type == typeof(bool) ? "a boolean"
            : typeof(JsonNode).IsAssignableFrom(type) ? "JSON"
            : typeof(IAuthingEnum).IsAssignableFrom(type) ? "an enum string"
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? "an array"
            : "an object";
    }
}

/// <summary>
/// A response that cannot be read at all (not JSON, or a value that did not fit with <c>StrictResponses</c> on). Marked so
/// that no enclosing field treats it as one more value to keep raw.
/// </summary>
internal sealed class AuthingUnreadableResponseException : JsonException
{
    public AuthingUnreadableResponseException(string message)
        : base(message)
    {
    }

    /// <summary>Keeps the reader's position (the transport reports it instead of the reader's message, which quotes the body).</summary>
    public AuthingUnreadableResponseException(JsonException inner)
        : base(inner.Message, inner.Path, inner.LineNumber, inner.BytePositionInLine, inner)
    {
    }
}

/// <summary>Finds the JSON path of an offset by walking the body again; used only when a mismatch is reported.</summary>
internal static class JsonPath
{
    public static string Find(ReadOnlySpan<byte> json, long offset)
    {
        if (json.IsEmpty)
        {
            return "$";
        }

        var frames = new List<(bool IsArray, int Index, string? Name)>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            while (reader.Read())
            {
                JsonTokenType token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    var top = frames[frames.Count - 1];
                    frames[frames.Count - 1] = (top.IsArray, top.Index, SafeName(ref reader));
                    continue;
                }

                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                }

                if (frames.Count > 0 && frames[frames.Count - 1].IsArray)
                {
                    var top = frames[frames.Count - 1];
                    frames[frames.Count - 1] = (true, top.Index + 1, null);
                }

                if (reader.TokenStartIndex >= offset)
                {
                    return Format(frames);
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add((token == JsonTokenType.StartArray, -1, null));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The body breaks before the offset: give the path so far.
        }

        return Format(frames);
    }

    private static string SafeName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private static string Format(List<(bool IsArray, int Index, string? Name)> frames)
    {
        var path = new StringBuilder("$");
        foreach (var (isArray, index, name) in frames)
        {
            if (isArray)
            {
                path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (name is not null)
            {
                AppendName(path, name);
            }
        }

        return path.ToString();
    }

    /// <summary><c>.name</c> for plain names, else <c>['…']</c> with quotes, backslashes and control characters escaped (the path is logged).</summary>
    private static void AppendName(StringBuilder path, string name)
    {
        bool plain = name.Length > 0 && !char.IsDigit(name[0]);
        foreach (char c in name)
        {
            plain &= c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '$';
        }

        if (plain)
        {
            path.Append('.').Append(name);
            return;
        }

        path.Append("['");
        foreach (char c in name.Length > 128 ? name.Substring(0, 128) + "…" : name)
        {
            if (c is '\'' or '\\')
            {
                path.Append('\\').Append(c);
            }
            else if (c < ' ' || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                path.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                path.Append(c);
            }
        }

        path.Append("']");
    }
}
