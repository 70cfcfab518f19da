using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Authing.Sdk.Runtime;
using Xunit;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>The tolerant scalar and list converters generated code is built on.</summary>
public sealed class ConverterTests
{
    /// <summary>
    /// Strings skip the writer's encoder only when it would leave them as they are: every ASCII character, lengths around
    /// the fast path's limit, and non-ASCII text come out byte for byte as the relaxed encoder writes them.
    /// </summary>
    [Fact]
    public void Strings_are_written_exactly_as_the_relaxed_encoder_writes_them()
    {
        var samples = new List<string> { string.Empty, new string('a', 256), new string('a', 257), "张三", "a<b>&'+`c", "\u2028", "x\ud800y" };
        for (int c = 0; c < 128; c++)
        {
            samples.Add("a" + (char)c + "b");
        }

        foreach (string sample in samples)
        {
            Assert.Equal(Write(w => w.WriteStringValue(sample)), Write(w => AuthingConverters.String.Write(w, sample, AuthingJson.Options)));
            Assert.Equal(
                Write(w => w.WriteStringValue(sample)),
                Encoding.UTF8.GetString(AuthingJson.SerializeToUtf8Bytes<string?>(sample, AuthingConverters.String)));
        }

        static string Write(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, AuthingJson.WriterOptions))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("\"enabled\"", true)]
    [InlineData("\"disabled\"", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void Booleans_accept_the_spellings_the_server_uses(string json, bool expected) =>
        Assert.Equal(expected, Read(AuthingConverters.Boolean, json));

    [Theory]
    [InlineData("\"maybe\"")]
    [InlineData("2")]
    [InlineData("{}")]
    public void Booleans_reject_anything_else(string json) =>
        Assert.Throws<JsonException>(() => Read(AuthingConverters.Boolean, json));

    [Fact]
    public void Integers_accept_numeric_strings_and_large_timestamps()
    {
        Assert.Equal(1700000000123L, Read(AuthingConverters.Int64, "1700000000123"));
        Assert.Equal(42L, Read(AuthingConverters.Int64, "\"42\""));
        Assert.Null(Read(AuthingConverters.Int64, "null"));
        Assert.Throws<JsonException>(() => Read(AuthingConverters.Int64, "1.5"));
    }

    [Fact]
    public void Lists_skip_null_elements_and_round_trip()
    {
        Assert.Equal(new[] { 1L, 3L }, Read(AuthingConverters.Int64List, "[1,null,3]"));
        Assert.Equal(new[] { "a", "b" }, Read(AuthingConverters.StringList, "[\"a\",null,\"b\"]"));
        Assert.Null(Read(AuthingConverters.StringList, "null"));
        Assert.Equal("[1,3]", Write(AuthingConverters.Int64List, new List<long> { 1, 3 }));
        Assert.Equal("[\"中文\",\"x\"]", Write(AuthingConverters.StringList, new List<string> { "中文", "x" }));
    }

    [Fact]
    public void Free_form_json_lists_keep_nulls()
    {
        var list = Read(AuthingConverters.JsonList, "[{\"a\":1},null,2]")!;
        Assert.Equal(3, list.Count);
        Assert.Null(list[1]);
        Assert.Equal("[{\"a\":1},null,2]", Write(AuthingConverters.JsonList, list));
    }

    private static T? Read<T>(JsonConverter<T> converter, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return converter.Read(ref reader, typeof(T), AuthingJson.Options);
    }

    private static string Write<T>(JsonConverter<T> converter, T value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, AuthingJson.WriterOptions))
        {
            converter.Write(writer, value, AuthingJson.Options);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
