using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Authing.Sdk.Runtime;

/// <summary>
/// Converters for the value kinds the docs use. Tolerant where Authing's servers are known to vary: numbers and
/// booleans may arrive as strings, booleans as "enabled"/"disabled". Null elements inside arrays are skipped, and so are
/// items that do not fit the element type (unless <c>StrictResponses</c> is on), which the enclosing generated object
/// then keeps raw in its <c>AdditionalProperties</c>. Other values that do not fit throw <see cref="JsonException"/>;
/// <see cref="AuthingObjectReader"/> catches that for each field.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AuthingConverters
{
    /// <summary>Strings; numbers and booleans are read as their text.</summary>
    public static JsonConverter<string?> String { get; } = new StringConverter();

    /// <summary>64-bit integers; numeric strings accepted.</summary>
    public static JsonConverter<long?> Int64 { get; } = new Int64Converter();

    /// <summary>32-bit integers (envelope codes); numeric strings accepted.</summary>
    public static JsonConverter<int?> Int32 { get; } = new Int32Converter();

    /// <summary>Floating-point numbers; numeric strings accepted.</summary>
    public static JsonConverter<double?> Double { get; } = new DoubleConverter();

    /// <summary>Booleans; also "true"/"false", "enabled"/"disabled" and 1/0.</summary>
    public static JsonConverter<bool?> Boolean { get; } = new BooleanConverter();

    /// <summary>Free-form JSON.</summary>
    public static JsonConverter<JsonNode?> JsonNode { get; } = new JsonNodeConverter();

    /// <summary>Arrays of strings.</summary>
    public static JsonConverter<IReadOnlyList<string>?> StringList { get; } = new ListConverter<string>(String!);

    /// <summary>Arrays of 64-bit integers.</summary>
    public static JsonConverter<IReadOnlyList<long>?> Int64List { get; } = new ListConverter<long>(new NonNullConverter<long>(Int64));

    /// <summary>Arrays of floating-point numbers.</summary>
    public static JsonConverter<IReadOnlyList<double>?> DoubleList { get; } = new ListConverter<double>(new NonNullConverter<double>(Double));

    /// <summary>Arrays of booleans.</summary>
    public static JsonConverter<IReadOnlyList<bool>?> BooleanList { get; } = new ListConverter<bool>(new NonNullConverter<bool>(Boolean));

    /// <summary>Arrays of free-form JSON; null elements are kept.</summary>
    public static JsonConverter<IReadOnlyList<JsonNode?>?> JsonList { get; } = new JsonListConverter();

    /// <summary>Arrays of a generated type.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="element">The element converter.</param>
    /// <returns>The list converter.</returns>
    public static JsonConverter<IReadOnlyList<T>?> ListOf<T>(JsonConverter<T> element)
        where T : class => new ListConverter<T>(element);

    /// <summary>Arrays of a generated open enum.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="element">The enum converter.</param>
    /// <returns>The list converter.</returns>
    public static JsonConverter<IReadOnlyList<T>?> EnumListOf<T>(JsonConverter<T> element)
        where T : struct => new ListConverter<T>(element);

    /// <summary>A nullable wrapper for a value-type converter.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="inner">The converter for non-null values.</param>
    /// <returns>The nullable converter.</returns>
    public static JsonConverter<T?> NullableOf<T>(JsonConverter<T> inner)
        where T : struct => new NullableConverter<T>(inner);

    /// <summary>
    /// Builds free-form JSON eagerly. <c>JsonNode.Parse</c> defers reading objects, so a repeated key or invalid UTF-8
    /// would throw later, in the caller's code; here the last repeated key wins and bad text is a <see cref="JsonException"/>.
    /// </summary>
    private static JsonNode? ReadNode(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return Build(document.RootElement);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new JsonException("The response holds JSON that cannot be read: " + ex.GetType().Name + ".", ex);
        }
    }

    private static JsonNode? Build(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = Build(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Build(item));
                }

                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {reader.TokenType}.");

    private sealed class StringConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => AuthingJson.RawText(ref reader),
            _ => throw Unexpected(ref reader, "a string"),
        };

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else if (!AuthingJson.TryWritePlainAscii(writer, value))
            {
                writer.WriteStringValue(value);
            }
        }
    }

    private sealed class Int64Converter : JsonConverter<long?>
    {
        public override bool HandleNull => true;

        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.Number when reader.TryGetInt64(out var number):
                    return number;
                case JsonTokenType.Number when reader.TryGetDouble(out var real) && Math.Floor(real) == real && Math.Abs(real) < 9.2e18:
                    return (long)real;
                case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    throw Unexpected(ref reader, "an integer");
            }
        }

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value is { } number)
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class Int32Converter : JsonConverter<int?>
    {
        public override bool HandleNull => true;

        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = Int64.Read(ref reader, typeof(long), options);
            return value is null ? null : value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Unexpected(ref reader, "a 32-bit integer");
        }

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) => Int64.Write(writer, value, options);
    }

    private sealed class DoubleConverter : JsonConverter<double?>
    {
        public override bool HandleNull => true;

        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetDouble(),
            JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Unexpected(ref reader, "a number"),
        };

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is { } number)
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class BooleanConverter : JsonConverter<bool?>
    {
        public override bool HandleNull => true;

        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Number when reader.TryGetInt64(out var number) && number is 0 or 1:
                    return number == 1;
                case JsonTokenType.String:
                    var text = reader.GetString();
                    if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "enabled", StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "disabled", StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    break;
            }

            throw Unexpected(ref reader, "a boolean");
        }

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value is { } flag)
            {
                writer.WriteBooleanValue(flag);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class JsonNodeConverter : JsonConverter<JsonNode?>
    {
        public override bool HandleNull => true;

        public override JsonNode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadNode(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonNode? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer, options);
            }
        }
    }

    private sealed class NullableConverter<T> : JsonConverter<T?>
        where T : struct
    {
        private readonly JsonConverter<T> _inner;

        public NullableConverter(JsonConverter<T> inner) => _inner = inner;

        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : _inner.Read(ref reader, typeof(T), options);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } present)
            {
                _inner.Write(writer, present, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>Reads a value-type converter's non-null values; null tokens never reach it (lists skip them).</summary>
    private sealed class NonNullConverter<T> : JsonConverter<T>
        where T : struct
    {
        private readonly JsonConverter<T?> _inner;

        public NonNullConverter(JsonConverter<T?> inner) => _inner = inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            _inner.Read(ref reader, typeof(T), options) ?? throw Unexpected(ref reader, "a value");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);
    }

    /// <summary>Arrays; null elements are skipped, so element converters only see values.</summary>
    private sealed class ListConverter<T> : JsonConverter<IReadOnlyList<T>?>
    {
        private readonly JsonConverter<T> _element;

        public ListConverter(JsonConverter<T> element) => _element = element;

        public override bool HandleNull => true;

        public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Unexpected(ref reader, "an array");
            }

            AuthingReadContext context = AuthingReadContext.Current;
            var list = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                Utf8JsonReader start = reader;
                T? item;
                try
                {
                    item = _element.Read(ref reader, typeof(T), options);
                }
                catch (Exception ex) when (AuthingReadContext.IsMismatch(ex))
                {
                    // One item that does not fit is left out (or converted); the enclosing object field keeps the whole
                    // array as received, and reports the item's path.
                    reader = start;
                    item = context.Recover(ref reader, _element, options, out _);
                }

                if (item is not null)
                {
                    list.Add(item);
                }
            }

            return list;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T>? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartArray();
            for (int i = 0; i < value.Count; i++)
            {
                _element.Write(writer, value[i], options);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class JsonListConverter : JsonConverter<IReadOnlyList<JsonNode?>?>
    {
        public override bool HandleNull => true;

        public override IReadOnlyList<JsonNode?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Unexpected(ref reader, "an array");
            }

            var list = new List<JsonNode?>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(ReadNode(ref reader));
            }

            return list;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<JsonNode?>? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonNode.Write(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }
}
