using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Authing.Sdk.Runtime;

/// <summary>Reader and writer helpers for generated converters. Reflection-free: converters call each other directly.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AuthingJson
{
    /// <summary>Options handed to converters: relaxed escaping, so the wire JSON matches JSON.stringify for non-ASCII text.</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writer options matching <see cref="Options"/>.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Throws unless the reader is on the start of an object.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="typeName">Named in the error.</param>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property of an object and onto its value.</summary>
    /// <param name="reader">The reader, inside an object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>False at the end of the object.</returns>
    public static bool ReadPropertyName(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException($"Expected a property name but found {reader.TokenType}.");
        }

        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    /// <summary>The error for a required property the JSON lacks.</summary>
    /// <param name="wireName">The property's wire name.</param>
    /// <param name="typeName">The type being read.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException MissingProperty(string wireName, string typeName) =>
        new($"Required property '{wireName}' of {typeName} is missing or null.");

    /// <summary>Writes a field kept in <c>AdditionalProperties</c> back as it was received; an unset element is left out.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value as received.</param>
    public static void WriteAdditionalProperty(Utf8JsonWriter writer, string name, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return;
        }

        writer.WritePropertyName(name);
        value.WriteTo(writer);
    }

    /// <summary>Reads an enum's wire value: a string, or the text of a number or boolean.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <returns>The wire value.</returns>
    public static string ReadEnumValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => RawText(ref reader),
        _ => throw new JsonException($"Expected an enum value but found {reader.TokenType}."),
    };

    /// <summary>The value's JSON text as written, for scalars.</summary>
    /// <param name="reader">The reader, positioned on a scalar.</param>
    /// <returns>The raw text.</returns>
    public static string RawText(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    /// <summary>
    /// Writes a string value that every JSON encoder leaves as it is (printable ASCII without <c>"</c> and <c>\</c>) straight
    /// into the writer, skipping the writer's encoder, whose per-character check is most of the cost of writing a DTO.
    /// Other strings are left to the caller, so the output is byte for byte what the writer's encoder would produce.
    /// </summary>
    /// <param name="writer">The writer, where a value is expected.</param>
    /// <param name="value">The string.</param>
    /// <returns>False, with nothing written, when the string needs the encoder.</returns>
    public static bool TryWritePlainAscii(Utf8JsonWriter writer, string value)
    {
        const int MaxLength = 256;
        if (value.Length > MaxLength)
        {
            return false;
        }

        Span<byte> quoted = stackalloc byte[MaxLength + 2];
        Span<byte> text = quoted.Slice(1, value.Length);
#if NETSTANDARD2_0
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }

            text[i] = (byte)c;
        }
#else
        if (System.Text.Ascii.FromUtf16(value, text, out _) != System.Buffers.OperationStatus.Done
            || text.IndexOfAnyExceptInRange((byte)' ', (byte)'~') >= 0
            || text.IndexOfAny((byte)'"', (byte)'\\') >= 0)
        {
            return false;
        }
#endif
        quoted[0] = (byte)'"';
        quoted[value.Length + 1] = (byte)'"';
        writer.WriteRawValue(quoted.Slice(0, value.Length + 2), skipInputValidation: true);
        return true;
    }

    /// <summary>Serialises a value with its converter into compact JSON text (for JSON-typed query parameters).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value; null gives null.</param>
    /// <param name="converter">The value's converter.</param>
    /// <returns>The JSON text, or null.</returns>
    public static string? ToJsonString<T>(T? value, JsonConverter<T> converter)
    {
        if (value is null)
        {
            return null;
        }

        PooledBufferWriter buffer = PooledBufferWriter.Rent(out Utf8JsonWriter writer);
        try
        {
            converter.Write(writer, value, Options);
            writer.Flush();
#if NETSTANDARD2_0
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan.ToArray());
#else
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
#endif
        }
        finally
        {
            PooledBufferWriter.Return(buffer);
        }
    }

    /// <summary>
    /// Serialises a value with its converter into compact UTF-8 JSON (<see cref="WriterOptions"/>), through a pooled
    /// per-thread buffer: the result is the only allocation.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="converter">The value's converter.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        PooledBufferWriter buffer = PooledBufferWriter.Rent(out Utf8JsonWriter writer);
        try
        {
            converter.Write(writer, value, Options);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            PooledBufferWriter.Return(buffer);
        }
    }

    /// <summary>A path placeholder's value; a missing value is a caller error.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The placeholder, named in the error.</param>
    /// <returns>The text to substitute.</returns>
    public static string ToPathValue(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"The path parameter '{name}' is required.", name) : value;

    /// <inheritdoc cref="ToPathValue(string?, string)"/>
    public static string ToPathValue(long? value, string name) =>
        value?.ToString(CultureInfo.InvariantCulture) ?? throw new ArgumentException($"The path parameter '{name}' is required.", name);

    /// <inheritdoc cref="ToPathValue(string?, string)"/>
    public static string ToPathValue(double? value, string name) =>
        value?.ToString("R", CultureInfo.InvariantCulture) ?? throw new ArgumentException($"The path parameter '{name}' is required.", name);

    /// <inheritdoc cref="ToPathValue(string?, string)"/>
    public static string ToPathValue(bool? value, string name) =>
        value is { } flag ? (flag ? "true" : "false") : throw new ArgumentException($"The path parameter '{name}' is required.", name);

    /// <inheritdoc cref="ToPathValue(string?, string)"/>
    public static string ToPathValue<TEnum>(TEnum? value, string name)
        where TEnum : struct, IAuthingEnum =>
        value is { } known ? ToPathValue(known.Value, name) : throw new ArgumentException($"The path parameter '{name}' is required.", name);
}
