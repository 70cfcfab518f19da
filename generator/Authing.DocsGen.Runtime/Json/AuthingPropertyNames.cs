using System;
using System.ComponentModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Authing.Sdk.Runtime;

/// <summary>
/// The wire names a generated converter reads, as UTF-8, matched against the reader's property names without creating a
/// string for them. Names are tried in declaration order starting after the last match, so a server that sends the
/// fields in the documented order costs one comparison per field.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingPropertyNames
{
    /// <summary>Returned by <see cref="Next"/> at the end of the object.</summary>
    public const int End = -2;

    /// <summary>Returned by <see cref="Next"/> for a name that is not in the table (the name is then given as a string).</summary>
    public const int Unknown = -1;

    private readonly byte[][] _utf8;

    /// <summary>Builds the table.</summary>
    /// <param name="names">The wire names, in the order the converter numbers them.</param>
    public AuthingPropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _utf8 = new byte[names.Length][];
        for (int i = 0; i < names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
    }

    /// <summary>The index of a name in the table.</summary>
    /// <param name="name">The wire name.</param>
    /// <returns>Its index; the first when it is listed twice.</returns>
    /// <exception cref="ArgumentException">The name is not in the table.</exception>
    public int IndexOf(string name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(name);
        for (int i = 0; i < _utf8.Length; i++)
        {
            if (utf8.AsSpan().SequenceEqual(_utf8[i]))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not one of the names of this table.", nameof(name));
    }

    /// <summary>A property name pre-encoded for <see cref="Utf8JsonWriter.WritePropertyName(JsonEncodedText)"/>, escaped as the SDK writes JSON.</summary>
    /// <param name="name">The wire name.</param>
    /// <returns>The encoded name.</returns>
    public static JsonEncodedText Encode(string name) => JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>
    /// Moves to the next property of an object and onto its value, and says which of the table's names it has.
    /// </summary>
    /// <param name="reader">The reader, inside an object.</param>
    /// <param name="hint">Where to start looking: the index after the previous match (start with 0).</param>
    /// <param name="unknownName">The name, only when it is not in the table; otherwise null.</param>
    /// <returns>The name's index, <see cref="Unknown"/>, or <see cref="End"/> at the end of the object.</returns>
    public int Next(ref Utf8JsonReader reader, ref int hint, out string? unknownName)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            unknownName = null;
            return End;
        }

        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException($"Expected a property name but found {reader.TokenType}.");
        }

        int found = Find(ref reader, hint);
        if (found >= 0)
        {
            hint = found + 1;
            unknownName = null;
        }
        else
        {
            unknownName = reader.GetString()!;
        }

        reader.Read();
        return found;
    }

    /// <summary>The index of the string value the reader is on, or -1: for open enums, whose known values are cached instances.</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOfValue(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? Find(ref reader, 0) : -1;

    private int Find(ref Utf8JsonReader reader, int hint)
    {
        byte[][] names = _utf8;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        ReadOnlySpan<byte> name = reader.ValueSpan;
        if ((uint)hint < (uint)names.Length && name.SequenceEqual(names[hint]))
        {
            return hint;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
