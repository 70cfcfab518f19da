using System.ComponentModel;
using System.Text.Json;

namespace Authing.Sdk.Runtime;

/// <summary>Collects the envelope fields while a generated converter reads a response.</summary>
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

    /// <summary>Writes the envelope fields that are set.</summary>
    /// <param name="writer">The writer, inside the object.</param>
    /// <param name="response">The response.</param>
    public static void Write(Utf8JsonWriter writer, AuthingResponse response)
    {
        if (response.StatusCode is { } statusCode)
        {
            writer.WriteNumber("statusCode", statusCode);
        }

        if (response.Message is { } message)
        {
            writer.WriteString("message", message);
        }

        if (response.ApiCode is { } apiCode)
        {
            writer.WriteNumber("apiCode", apiCode);
        }

        if (response.RequestId is { } requestId)
        {
            writer.WriteString("requestId", requestId);
        }
    }
}
