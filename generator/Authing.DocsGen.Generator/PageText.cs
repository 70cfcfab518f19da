using System.IO;
using System.Text;

namespace Authing.DocsGen;

/// <summary>
/// Decodes a docs page's bytes exactly as the C# compiler reads an <c>AdditionalFiles</c> item (Roslyn's
/// <c>EncodedStringText.Create</c> over the file, no <c>/codepage</c>), so that the docsgen tool sees the text the
/// source generator sees: a byte-order mark decides (UTF-8, UTF-16 LE or BE; invalid sequences become U+FFFD; a
/// UTF-32 mark too, on pages of 40 K characters or more); without one, strict UTF-8; when that fails, the compiler's fallback, <c>Encoding.GetEncoding(0)</c>:
/// UTF-8 with U+FFFD on Linux and macOS, the system's ANSI code page on Windows (with the code-page provider
/// registered, as the compiler does). <c>EncodingTests</c> compare this with Roslyn's own decoder.
/// </summary>
public static class PageText
{
    /// <summary>Roslyn's <c>LargeObjectHeapLimitInChars</c>.</summary>
    private const int LargeTextChars = 40 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="InvalidDataException">
    /// The bytes are neither UTF-8 nor marked, and decode to text with two NULs in a row: the compiler rejects such a
    /// file as binary (CS2015).
    /// </exception>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return Read(bytes, s_strictUtf8);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: the compiler's fallback encoding.
        }

        var text = Read(bytes, FallbackEncoding());
        if (text.Contains("\0\0"))
        {
            throw new InvalidDataException("it is a binary file, not text (the compiler stops with CS2015)");
        }

        return text;
    }

    /// <summary>
    /// Files whose text may reach 40 K characters (the large-object-heap limit Roslyn avoids) are read through a
    /// <see cref="StreamReader"/>, which also knows UTF-32 marks; smaller ones through <c>TryReadByteOrderMark</c>,
    /// which knows UTF-8 and UTF-16 only, so that a small UTF-32 LE page reads as UTF-16 LE.
    /// </summary>
    private static string Read(byte[] bytes, Encoding encoding)
    {
        if (encoding.GetMaxCharCount(bytes.Length) >= LargeTextChars)
        {
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        return ByteOrderMark(bytes) is { } marked
            ? marked.Encoding.GetString(bytes, marked.Length, bytes.Length - marked.Length)
            : encoding.GetString(bytes);
    }

    /// <summary>Roslyn's <c>SourceText.TryReadByteOrderMark</c>: the only marks it knows.</summary>
    private static (Encoding Encoding, int Length)? ByteOrderMark(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };

    private static Encoding FallbackEncoding()
    {
        try
        {
            return Encoding.GetEncoding(0) ?? Encoding.GetEncoding(1252);
        }
        catch (System.NotSupportedException)
        {
            return Encoding.GetEncoding("Latin1");
        }
    }

    /// <summary>
    /// A page the compiler can never read: csc's <c>/additionalfile:</c> takes a quoted path and drops every quote in it,
    /// so a file name with <c>"</c> reaches the compiler as another file (CS2001). The package's targets leave such
    /// pages out of <c>AdditionalFiles</c>, and <see cref="DocsCompiler"/> skips them, both with ADG028.
    /// </summary>
    public static bool IsUnreadableByCompiler(string path) => path.IndexOf('"') >= 0;
}
