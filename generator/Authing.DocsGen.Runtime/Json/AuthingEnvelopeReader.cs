using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Authing.Sdk.Runtime;

/// <summary>
/// The one reader of Authing's response envelope (<c>statusCode</c>, <c>message</c>, <c>apiCode</c>, <c>requestId</c>):
/// generated converters collect the fields with it while they read a response, and the transport reads them from a body
/// no converter could read (errors, telemetry) with <see cref="TryRead"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AuthingEnvelopeReader
{
    /// <summary>Wire <c>statusCode</c>.</summary>
    public int? StatusCode { get; private set; }

    /// <summary>Wire <c>message</c>.</summary>
    public string? Message { get; private set; }

    /// <summary>Wire <c>apiCode</c>.</summary>
    public int? ApiCode { get; private set; }

    /// <summary>Wire <c>requestId</c>.</summary>
    public string? RequestId { get; private set; }

    /// <summary>Reads the property if it is an envelope field, else skips its value.</summary>
    /// <param name="reader">The reader, on the property's value.</param>
    /// <param name="propertyName">The property name just read.</param>
    /// <param name="options">Passed through to converters.</param>
    public void ReadOrSkip(ref Utf8JsonReader reader, string propertyName, JsonSerializerOptions options)
    {
        switch (propertyName)
        {
            case "statusCode":
                StatusCode = AuthingConverters.Int32.Read(ref reader, typeof(int), options);
                break;
            case "message":
                Message = AuthingConverters.String.Read(ref reader, typeof(string), options);
                break;
            case "apiCode":
                ApiCode = AuthingConverters.Int32.Read(ref reader, typeof(int), options);
                break;
            case "requestId":
                RequestId = AuthingConverters.String.Read(ref reader, typeof(string), options);
                break;
            default:
                reader.Skip();
                break;
        }
    }

    /// <summary>
    /// Reads the property if it is an envelope field, else keeps it in <paramref name="fields"/>. <c>message</c>,
    /// <c>apiCode</c> and <c>requestId</c> are read tolerantly; <c>statusCode</c> must be an integer (or a numeric string),
    /// because it says whether the call succeeded: a response whose status cannot be read is not a response.
    /// </summary>
    /// <param name="reader">The reader, on the property's value.</param>
    /// <param name="propertyName">The property name just read.</param>
    /// <param name="fields">The object's reader, which keeps unknown fields and values that did not fit.</param>
    /// <param name="options">Passed through to converters.</param>
    public void ReadOrKeep(ref Utf8JsonReader reader, string propertyName, ref AuthingObjectReader fields, JsonSerializerOptions options)
    {
        switch (propertyName)
        {
            case "statusCode":
                StatusCode = AuthingConverters.Int32.Read(ref reader, typeof(int?), options);
                break;
            case "message":
                Message = fields.Read(ref reader, AuthingConverters.String, propertyName, options);
                break;
            case "apiCode":
                ApiCode = fields.Read(ref reader, AuthingConverters.Int32, propertyName, options);
                break;
            case "requestId":
                RequestId = fields.Read(ref reader, AuthingConverters.String, propertyName, options);
                break;
            default:
                fields.Keep(ref reader, propertyName);
                break;
        }
    }

    /// <summary>
    /// Reads the envelope fields of a whole body leniently, for error reports and telemetry: a body that is not one valid
    /// JSON object gives no fields; a field of another shape is null (<c>message</c> and <c>requestId</c> of another kind
    /// keep their JSON text); a repeated key keeps its last value.
    /// </summary>
    /// <param name="body">The body, with or without a UTF-8 byte order mark.</param>
    /// <returns>The fields found.</returns>
    internal static AuthingEnvelopeReader TryRead(ReadOnlySpan<byte> body)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            body = body.Slice(3);
        }

        var envelope = default(AuthingEnvelopeReader);
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                // Still the whole body must be JSON for its fields to count; a scalar or array has none anyway.
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = reader.ValueTextEquals("statusCode"u8) ? 0
                    : reader.ValueTextEquals("apiCode"u8) ? 1
                    : reader.ValueTextEquals("message"u8) ? 2
                    : reader.ValueTextEquals("requestId"u8) ? 3
                    : -1;
                reader.Read();
                switch (field)
                {
                    case 0:
                        envelope.StatusCode = LenientInt(ref reader);
                        break;
                    case 1:
                        envelope.ApiCode = LenientInt(ref reader);
                        break;
                    case 2:
                        envelope.Message = LenientText(ref reader, body);
                        break;
                    case 3:
                        envelope.RequestId = LenientText(ref reader, body);
                        break;
                }

                reader.Skip();
            }

            // The rest of the body must be nothing but white space.
            return reader.Read() ? default : envelope;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return default;
        }
    }

    private static int? LenientInt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            string? text = TryGetString(ref reader);
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
            {
                return parsed;
            }
        }

        return null;
    }

    private static string? LenientText(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return TryGetString(ref reader);
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Utf8(body.Slice(start, (int)reader.BytesConsumed - start));
            default:
                return Utf8(reader.ValueSpan);
        }
    }

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // Not valid UTF-8: the other envelope fields are still worth reporting.
            return null;
        }
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) =>
#if NETSTANDARD2_0
        Encoding.UTF8.GetString(bytes.ToArray());
#else
        Encoding.UTF8.GetString(bytes);
#endif

    /// <summary>How many envelope fields there are: a converter numbers them 0 to 3 (see <see cref="ReadOrKeep(ref Utf8JsonReader, int, string?, ref AuthingObjectReader, JsonSerializerOptions)"/>).</summary>
    public const int FieldCount = 4;

    /// <summary>
    /// As <see cref="ReadOrKeep(ref Utf8JsonReader, string, ref AuthingObjectReader, JsonSerializerOptions)"/>, for a
    /// converter that matched the name itself: <paramref name="field"/> is 0 for <c>statusCode</c>, 1 for <c>message</c>,
    /// 2 for <c>apiCode</c>, 3 for <c>requestId</c>, or any other value for a name that is not an envelope field (then <paramref name="propertyName"/> is that name).
    /// </summary>
    /// <param name="reader">The reader, on the property's value.</param>
    /// <param name="field">The envelope field's number (0–3), or any other value for another name.</param>
    /// <param name="propertyName">The property name when it is not an envelope field.</param>
    /// <param name="fields">The object's reader, which keeps unknown fields and values that did not fit.</param>
    /// <param name="options">Passed through to converters.</param>
    public void ReadOrKeep(ref Utf8JsonReader reader, int field, string? propertyName, ref AuthingObjectReader fields, JsonSerializerOptions options)
    {
        switch (field)
        {
            case 0:
                StatusCode = AuthingConverters.Int32.Read(ref reader, typeof(int?), options);
                break;
            case 1:
                Message = fields.Read(ref reader, AuthingConverters.String, "message", options);
                break;
            case 2:
                ApiCode = fields.Read(ref reader, AuthingConverters.Int32, "apiCode", options);
                break;
            case 3:
                RequestId = fields.Read(ref reader, AuthingConverters.String, "requestId", options);
                break;
            default:
                fields.Keep(ref reader, propertyName ?? throw new ArgumentNullException(nameof(propertyName)));
                break;
        }
    }

    private static readonly JsonEncodedText s_statusCode = AuthingPropertyNames.Encode("statusCode");
    private static readonly JsonEncodedText s_message = AuthingPropertyNames.Encode("message");
    private static readonly JsonEncodedText s_apiCode = AuthingPropertyNames.Encode("apiCode");
    private static readonly JsonEncodedText s_requestId = AuthingPropertyNames.Encode("requestId");

    /// <summary>Writes the envelope fields that are set.</summary>
    /// <param name="writer">The writer, inside the object.</param>
    /// <param name="response">The response.</param>
    public static void Write(Utf8JsonWriter writer, AuthingResponse response)
    {
        if (response.StatusCode is { } statusCode)
        {
            writer.WriteNumber(s_statusCode, statusCode);
        }

        if (response.Message is { } message)
        {
            writer.WriteString(s_message, message);
        }

        if (response.ApiCode is { } apiCode)
        {
            writer.WriteNumber(s_apiCode, apiCode);
        }

        if (response.RequestId is { } requestId)
        {
            writer.WriteString(s_requestId, requestId);
        }
    }
}
