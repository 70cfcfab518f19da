using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Authing.Sdk.Runtime;

/// <summary>
/// Reads the fields of one JSON object for a generated converter, tolerantly: a value that does not fit its documented
/// type leaves the property empty (or is converted, when that is lossless) and is kept raw with the fields the docs do
/// not list, in <see cref="AdditionalProperties"/>. With <c>StrictResponses</c> on, such a value throws instead.
/// </summary>
/// <remarks>
/// A value is tried with its converter on a copy of the reader's position; only when the converter fails is the value
/// read again, raw. On the happy path that costs a struct copy per field and nothing else.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AuthingObjectReader
{
    private readonly string _typeName;
    private readonly AuthingReadContext _context;
    private Dictionary<string, JsonElement>? _additional;

    /// <summary>Starts reading an object of a generated type.</summary>
    /// <param name="typeName">The type, named in logs.</param>
    public AuthingObjectReader(string typeName)
    {
        _typeName = typeName;
        _context = AuthingReadContext.Current;
        _additional = null;
    }

    /// <summary>The unknown fields and the values that did not fit, as received; null when there were none.</summary>
    public readonly IReadOnlyDictionary<string, JsonElement>? AdditionalProperties => _additional is { Count: > 0 } ? _additional : null;

    /// <summary>Reads a documented field's value.</summary>
    /// <typeparam name="T">The documented type.</typeparam>
    /// <param name="reader">The reader, on the value; left on its last token.</param>
    /// <param name="converter">The documented type's converter.</param>
    /// <param name="wireName">The field's wire name.</param>
    /// <param name="options">Passed through to the converter.</param>
    /// <returns>The value; default when it did not fit (it is then kept in <see cref="AdditionalProperties"/>).</returns>
    public T? Read<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, string wireName, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(converter);
        AuthingReadContext context = _context;
        int unclaimed = context.Unclaimed;
        Utf8JsonReader start = reader;
        T? value;
        try
        {
            value = converter.Read(ref reader, typeof(T), options);
        }
        catch (Exception ex) when (AuthingReadContext.IsMismatch(ex))
        {
            reader = start;
            value = context.Recover(ref reader, converter, options, out JsonElement raw);
            Set(wireName, raw);
            context.Claim(unclaimed, _typeName, wireName);
            return value;
        }

        // A repeated key keeps the last value: one that fits replaces an earlier one kept raw.
        _additional?.Remove(wireName);
        if (context.Unclaimed != unclaimed)
        {
            // An item of a list did not fit and was left out: the whole value, as received, is kept as well.
            Set(wireName, AuthingReadContext.ReadRaw(ref start));
            context.Claim(unclaimed, _typeName, wireName);
        }

        return value;
    }

    /// <summary>Keeps a field the docs do not list, as received.</summary>
    /// <param name="reader">The reader, on the value; left on its last token.</param>
    /// <param name="propertyName">The field's wire name.</param>
    public void Keep(ref Utf8JsonReader reader, string propertyName) => Set(propertyName, AuthingReadContext.ReadRaw(ref reader));

    private void Set(string name, JsonElement value)
    {
        // A repeated key keeps the last value, as JSON.parse does.
        (_additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = value;
    }
}
