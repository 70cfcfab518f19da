using System.Text.Json;
using System.Text.Json.Serialization;
using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>The body of the WIRE.md POST vector, with a hand-written converter as the generator would emit.</summary>
public sealed class CreateUserDto
{
    public string? Email { get; set; }

    public string? Nickname { get; set; }

    public bool? EmailVerified { get; set; }

    public double? Score { get; set; }
}

public sealed class CreateUserDtoConverter : JsonConverter<CreateUserDto>
{
    public static readonly CreateUserDtoConverter Instance = new();

    public override CreateUserDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, CreateUserDto value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Email is not null)
        {
            writer.WriteString("email", value.Email);
        }

        if (value.Nickname is not null)
        {
            writer.WriteStartObject("profile");
            writer.WriteString("nickname", value.Nickname);
            writer.WriteEndObject();
        }

        if (value.EmailVerified is bool verified)
        {
            writer.WriteBoolean("emailVerified", verified);
        }

        if (value.Score is double score)
        {
            writer.WriteNumber("score", score);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Writes a fixed JSON text, to test signing pairs for arbitrary bodies.</summary>
public sealed class RawJsonConverter : JsonConverter<string>
{
    public static readonly RawJsonConverter Instance = new();

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value, skipInputValidation: false);
}

/// <summary>An envelope with a string payload.</summary>
public sealed class TestResponse : AuthingResponse
{
    public string? Data { get; set; }
}

public sealed class TestResponseConverter : JsonConverter<TestResponse>
{
    public static readonly TestResponseConverter Instance = new();

    public override TestResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }

        var envelope = new AuthingEnvelopeReader();
        string? data = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (name == "data")
            {
                data = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            else
            {
                envelope.ReadOrSkip(ref reader, name, options);
            }
        }

        return new TestResponse
        {
            StatusCode = envelope.StatusCode,
            Message = envelope.Message,
            ApiCode = envelope.ApiCode,
            RequestId = envelope.RequestId,
            Data = data,
        };
    }

    public override void Write(Utf8JsonWriter writer, TestResponse value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}

public readonly record struct TestStatus(string Value) : IAuthingEnum
{
    public static TestStatus Suspended => new("Suspended");

    public static TestStatus Activated => new("Activated");
}
