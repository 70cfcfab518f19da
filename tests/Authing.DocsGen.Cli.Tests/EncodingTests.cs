using System.Text;
using Authing.DocsGen.Cli;

namespace Authing.DocsGen.Cli.Tests;

/// <summary>
/// Issue 15, item 3. A page with one invalid UTF-8 byte, or saved as UTF-16 with a byte-order mark: the tool decoded it
/// as Windows-1252 and skipped it (ADG001), while the compiler, which detects byte-order marks and falls back to UTF-8
/// with U+FFFD, generated the method. Both now decode with <see cref="PageText"/>, which is checked here against
/// Roslyn's own decoder, byte for byte, and the two paths write the same files.
/// </summary>
public sealed class EncodingTests
{
    private static readonly string s_fixtures = Path.Combine(Repo.Fixtures, "regressions", "page-encodings");

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The two committed pages, and the same page saved in every other encoding the compiler distinguishes.</summary>
    public static IReadOnlyDictionary<string, byte[]> Pages()
    {
        var pages = Directory.GetFiles(s_fixtures).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        var text = Encoding.Unicode.GetString(pages["utf16le-with-bom.md"].AsSpan(2));
        foreach (var (name, encoding, bom) in new (string, Encoding, bool)[]
        {
            ("utf8.md", new UTF8Encoding(false), false),
            ("utf8-with-bom.md", new UTF8Encoding(true), true),
            ("utf16be-with-bom.md", Encoding.BigEndianUnicode, true),
            ("utf32le-with-bom.md", Encoding.UTF32, true),
            ("windows-1252.md", Encoding.GetEncoding(1252), false),
        })
        {
            var method = "get_gadget_" + Path.GetFileNameWithoutExtension(name).Replace('-', '_');
            var body = encoding.GetBytes(text.Replace("get_gadget_utf16", method, StringComparison.Ordinal));
            pages[name] = bom ? [.. encoding.GetPreamble(), .. body] : body;
        }

        // Over 40 K characters the compiler decodes through another path (LargeText): the same pages, padded.
        var filler = "\n\n" + string.Concat(Enumerable.Repeat("Padding text. ", 3_500)) + "\n";
        foreach (var (name, bytes) in pages.ToList())
        {
            var encoding = name.StartsWith("utf16le", StringComparison.Ordinal) || name.StartsWith("utf32le", StringComparison.Ordinal) ? Encoding.Unicode
                : name.StartsWith("utf16be", StringComparison.Ordinal) ? Encoding.BigEndianUnicode
                : Encoding.UTF8;
            var padding = encoding.GetBytes(filler.Replace("\n", name.Contains("utf32", StringComparison.Ordinal) ? "\n\0" : "\n", StringComparison.Ordinal));
            pages[Path.GetFileNameWithoutExtension(name) + "-large.md"] = [.. bytes, .. name.Contains("utf32", StringComparison.Ordinal) ? Encoding.UTF32.GetBytes(filler) : padding];
        }

        // Either side of the size where the compiler switches paths, for the mark only one of them knows.
        var utf32 = pages["utf32le-with-bom-large.md"];
        var threshold = 40 * 1024 - 1;
        pages["utf32le-below-the-large-text-size.md"] = utf32[..(threshold - 1)];
        pages["utf32le-at-the-large-text-size.md"] = utf32[..threshold];
        return pages;
    }

    public static TheoryData<string> Names() => new(Pages().Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void A_page_decodes_to_the_text_the_compiler_reads(string name)
    {
        using var docs = new TempFolder();
        var bytes = Pages()[name];
        var file = docs.Combine(name);
        File.WriteAllBytes(file, bytes);

        Assert.Equal(CompilerRead.File(file).ToString(), PageText.Decode(bytes));
    }

    [Fact]
    public void Pages_in_any_encoding_generate_the_same_files_with_the_tool_and_the_compiler()
    {
        using var docs = new TempFolder();
        foreach (var (name, bytes) in Pages())
        {
            File.WriteAllBytes(docs.Combine(name), bytes);
        }

        using var output = new TempFolder();
        var result = Docsgen.Run("generate", docs.Path, "-o", output.Path, "--quiet");

        Assert.True(result.ExitCode == 0, result.Error);
        var expected = IncrementalGenerator.Run(docs.Path);
        var written = GenerateTests.ReadTree(output.Path);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.True(pair.Value == written[pair.Key], pair.Key + " differs"));

        // The defect: the tool skipped the invalid-UTF-8 and UTF-16 pages (ADG001). Every page now has its method, but
        // for UTF-32, which the compiler itself reads as UTF-16 below 40 K characters (the test above pins that).
        Assert.All(Pages().Keys.Where(name => !name.StartsWith("utf32", StringComparison.Ordinal)), name => Assert.Contains(written.Keys, file => file.EndsWith("/" + Path.GetFileNameWithoutExtension(name) + ".g.cs", StringComparison.Ordinal) || file == Path.GetFileNameWithoutExtension(name) + ".g.cs"));
    }

    [Fact]
    public void A_page_the_compiler_would_reject_as_binary_is_an_io_error_naming_it()
    {
        using var docs = new TempFolder();
        var file = docs.Combine("binary.md");
        File.WriteAllBytes(file, [0x23, 0x20, 0xFF, 0x00, 0x00, 0x41]);

        Assert.Throws<InvalidDataException>(() => CompilerRead.File(file));
        var result = Docsgen.Run("check", docs.Path);
        Assert.Equal(Program.IoError, result.ExitCode);
        Assert.Contains("binary.md", result.Error, StringComparison.Ordinal);
        Assert.Contains("binary file", result.Error, StringComparison.Ordinal);
    }
}
