using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>
/// A response shaped like the generator's output (Dto.scriban): an envelope with one field of every value kind the docs
/// use, free-form JSON, lists, and a recursive list of itself. Its converter is written the way the template writes them.
/// </summary>
public sealed class HostileResponse : AuthingResponse
{
    public string? Id { get; init; }

    public long? Count { get; init; }

    public double? Ratio { get; init; }

    public bool? Enabled { get; init; }

    public JsonNode? Extra { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<JsonNode?>? Items { get; init; }

    public IReadOnlyList<HostileResponse>? Children { get; init; }
}

public sealed class HostileResponseConverter : JsonConverter<HostileResponse>
{
    private static JsonConverter<IReadOnlyList<HostileResponse>?>? s_children;

    public static HostileResponseConverter Instance { get; } = new();

    private static JsonConverter<IReadOnlyList<HostileResponse>?> Children => s_children ??= AuthingConverters.ListOf(Instance);

    public override HostileResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        AuthingJson.ExpectStartObject(ref reader, nameof(HostileResponse));
        var envelope = new AuthingEnvelopeReader();
        string? id = null;
        long? count = null;
        double? ratio = null;
        bool? enabled = null;
        JsonNode? extra = null;
        IReadOnlyList<string>? tags = null;
        IReadOnlyList<JsonNode?>? items = null;
        IReadOnlyList<HostileResponse>? children = null;
        while (AuthingJson.ReadPropertyName(ref reader, out var propertyName))
        {
            switch (propertyName)
            {
                case "id":
                    id = AuthingConverters.String.Read(ref reader, typeof(string), options);
                    break;
                case "count":
                    count = AuthingConverters.Int64.Read(ref reader, typeof(long), options);
                    break;
                case "ratio":
                    ratio = AuthingConverters.Double.Read(ref reader, typeof(double), options);
                    break;
                case "enabled":
                    enabled = AuthingConverters.Boolean.Read(ref reader, typeof(bool), options);
                    break;
                case "extra":
                    extra = AuthingConverters.JsonNode.Read(ref reader, typeof(JsonNode), options);
                    break;
                case "tags":
                    tags = AuthingConverters.StringList.Read(ref reader, typeof(IReadOnlyList<string>), options);
                    break;
                case "items":
                    items = AuthingConverters.JsonList.Read(ref reader, typeof(IReadOnlyList<JsonNode?>), options);
                    break;
                case "children":
                    children = Children.Read(ref reader, typeof(IReadOnlyList<HostileResponse>), options);
                    break;
                default:
                    envelope.ReadOrSkip(ref reader, propertyName, options);
                    break;
            }
        }

        return new HostileResponse
        {
            StatusCode = envelope.StatusCode,
            Message = envelope.Message,
            ApiCode = envelope.ApiCode,
            RequestId = envelope.RequestId,
            Id = id,
            Count = count,
            Ratio = ratio,
            Enabled = enabled,
            Extra = extra,
            Tags = tags,
            Items = items,
            Children = children,
        };
    }

    public override void Write(Utf8JsonWriter writer, HostileResponse value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}
