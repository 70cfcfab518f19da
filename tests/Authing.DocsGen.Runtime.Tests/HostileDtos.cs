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

    public HostileResponse? Owner { get; init; }

    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }
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
        var fields = new AuthingObjectReader(nameof(HostileResponse));
        var envelope = new AuthingEnvelopeReader();
        string? id = null;
        long? count = null;
        double? ratio = null;
        bool? enabled = null;
        JsonNode? extra = null;
        IReadOnlyList<string>? tags = null;
        IReadOnlyList<JsonNode?>? items = null;
        IReadOnlyList<HostileResponse>? children = null;
        HostileResponse? owner = null;
        while (AuthingJson.ReadPropertyName(ref reader, out var propertyName))
        {
            switch (propertyName)
            {
                case "id":
                    id = fields.Read(ref reader, AuthingConverters.String, "id", options);
                    break;
                case "count":
                    count = fields.Read(ref reader, AuthingConverters.Int64, "count", options);
                    break;
                case "ratio":
                    ratio = fields.Read(ref reader, AuthingConverters.Double, "ratio", options);
                    break;
                case "enabled":
                    enabled = fields.Read(ref reader, AuthingConverters.Boolean, "enabled", options);
                    break;
                case "extra":
                    extra = fields.Read(ref reader, AuthingConverters.JsonNode, "extra", options);
                    break;
                case "tags":
                    tags = fields.Read(ref reader, AuthingConverters.StringList, "tags", options);
                    break;
                case "items":
                    items = fields.Read(ref reader, AuthingConverters.JsonList, "items", options);
                    break;
                case "children":
                    children = fields.Read(ref reader, Children, "children", options);
                    break;
                case "owner":
                    owner = fields.Read(ref reader, Instance, "owner", options);
                    break;
                default:
                    envelope.ReadOrKeep(ref reader, propertyName, ref fields, options);
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
            Owner = owner,
            AdditionalProperties = fields.AdditionalProperties,
        };
    }

    public override void Write(Utf8JsonWriter writer, HostileResponse value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        AuthingEnvelopeReader.Write(writer, value);
        Write(writer, "id", value.Id, AuthingConverters.String, options);
        Write(writer, "count", value.Count, AuthingConverters.Int64, options);
        Write(writer, "ratio", value.Ratio, AuthingConverters.Double, options);
        Write(writer, "enabled", value.Enabled, AuthingConverters.Boolean, options);
        Write(writer, "extra", value.Extra, AuthingConverters.JsonNode, options);
        Write(writer, "tags", value.Tags, AuthingConverters.StringList, options);
        Write(writer, "items", value.Items, AuthingConverters.JsonList, options);
        Write(writer, "children", value.Children, Children, options);
        Write(writer, "owner", value.Owner, Instance, options);
        foreach (var (name, raw) in value.AdditionalProperties ?? new Dictionary<string, JsonElement>())
        {
            if (!HasValue(value, name))
            {
                AuthingJson.WriteAdditionalProperty(writer, name, raw);
            }
        }

        writer.WriteEndObject();
    }

    private static void Write<T>(Utf8JsonWriter writer, string name, T? value, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            converter.Write(writer, value, options);
        }
    }

    private static bool HasValue(HostileResponse value, string wireName) => wireName switch
    {
        "statusCode" => value.StatusCode is not null,
        "message" => value.Message is not null,
        "apiCode" => value.ApiCode is not null,
        "requestId" => value.RequestId is not null,
        "id" => value.Id is not null,
        "count" => value.Count is not null,
        "ratio" => value.Ratio is not null,
        "enabled" => value.Enabled is not null,
        "extra" => value.Extra is not null,
        "tags" => value.Tags is not null,
        "items" => value.Items is not null,
        "children" => value.Children is not null,
        "owner" => value.Owner is not null,
        _ => false,
    };
}
