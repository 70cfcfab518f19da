using System.Text;
using System.Text.RegularExpressions;
using Authing.DocsGen.Text;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Emitting;
using Authing.DocsGen.Model;
using Authing.DocsGen.Resolution;
using Authing.DocsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>
/// What must hold for any input, however hostile: the generator does not throw, every diagnostic points into a page,
/// the generated sources parse cleanly (XML docs included), and docs text reaches code only as validated identifiers
/// and escaped string literals, never as other tokens, preprocessor directives or invisible characters.
/// </summary>
public static partial class OutputChecks
{
    /// <summary>As a project with <c>GenerateDocumentationFile</c> parses: XML doc comments are checked too.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static DocsCompilation Compile(IEnumerable<TestPage> pages) =>
        DocsCompiler.Compile(pages.Select(p => new DocsPage(p.Path, p.Text, PageOverrides.None)), GeneratorOptions.Default);

    /// <summary>Every property that does not need a Roslyn compilation.</summary>
    public static void AssertSafe(IReadOnlyList<TestPage> pages, DocsCompilation result)
    {
        AssertDiagnosticsInsidePages(pages, result.Diagnostics);
        AssertUniqueHintNames(result.Sources.Select(s => s.HintName));
        foreach (var source in result.Sources)
        {
            // Most sources repeat across cases (the client shells, the untouched types of a mutated fixture): each
            // distinct text is checked once.
            if (Remember(s_checkedSources, ContentKey(source.Text)))
            {
                AssertSourceIsSafe(source.HintName, source.Text);
            }
        }

        AssertDocsTextOnlyInCommentsAndLiterals(result);
    }

    public static void AssertDiagnosticsInsidePages(IReadOnlyList<TestPage> pages, IEnumerable<DiagnosticInfo> diagnostics)
    {
        var byPath = pages.ToDictionary(p => p.Path, p => p.Text, StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var descriptor = DiagnosticDescriptors.ById(diagnostic.Id);
            var message = diagnostic.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (CSharp.ContainsUnsafe(message.Replace("\n", string.Empty, StringComparison.Ordinal)))
            {
                Fail($"{diagnostic.Id} message shows invisible or control characters: {CSharp.Visible(message, 400)}");
            }

            // ADG041 (no method at all) and ADG042 (the summary) are about the whole docs set, not one page.
            if (diagnostic.Location is null)
            {
                if (diagnostic.Id is not ("ADG041" or "ADG042"))
                {
                    Fail($"{diagnostic.Id} has no location: {message}");
                }

                continue;
            }

            var location = diagnostic.Location;
            if (!byPath.TryGetValue(location.FilePath, out var text))
            {
                Fail($"{diagnostic.Id} points at '{location.FilePath}', which is not a page: {message}");
            }

            AssertSpanInside(text!, location, $"{diagnostic.Id} ({descriptor.Title}): {message}");
        }
    }

    public static void AssertSpanInside(string text, MarkdownLocation location, string what)
    {
        if (location.Start < 0 || location.Length < 0 || location.Start + location.Length > text.Length)
        {
            Fail($"{what}: span {location.Start}+{location.Length} is outside the page ({text.Length} characters)");
        }

        var (startLine, startColumn) = Position(text, location.Start);
        var (endLine, endColumn) = Position(text, location.Start + location.Length);
        if ((startLine, startColumn, endLine, endColumn) != (location.StartLine, location.StartColumn, location.EndLine, location.EndColumn))
        {
            Fail($"{what}: line span {location} does not match offsets {location.Start}+{location.Length} (expected {startLine + 1},{startColumn + 1},{endLine + 1},{endColumn + 1})");
        }
    }

    /// <summary>Roslyn compares hint names ignoring case, and so do some file systems.</summary>
    public static void AssertUniqueHintNames(IEnumerable<string> hintNames)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var hint in hintNames)
        {
            if (!seen.Add(hint))
            {
                Fail($"Two generated sources have the hint name '{hint}' (ignoring case): AddSource would throw");
            }
        }
    }

    public static void AssertSourceIsSafe(string hintName, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var codePoint = width == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (codePoint != '\n' && CSharp.IsUnsafe(codePoint))
            {
                Fail($"{hintName}: U+{codePoint:X4} at offset {i}, near: {CSharp.Visible(Near(text, i), 200)}");
            }

            i += width - 1;
        }

        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions);
        var problems = tree.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0)
        {
            Fail($"{hintName} does not parse cleanly:\n{string.Join("\n", problems.Take(10))}\n{Excerpt(text, problems[0].Location.SourceSpan.Start)}");
        }

        // Doc comments are trivia: the character scan above covers them; crefs in them come from the templates.
        foreach (var token in tree.GetRoot().DescendantTokens(descendIntoTrivia: false))
        {
            switch (token.Kind())
            {
                case SyntaxKind.IdentifierToken:
                    if (!IdentifierPattern().IsMatch(token.Text))
                    {
                        Fail($"{hintName}: identifier '{CSharp.Visible(token.Text)}' is not ASCII [A-Za-z0-9_]");
                    }

                    break;
                case SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringTextToken
                    or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken:
                    if (!token.Text.All(c => c is >= ' ' and <= '~'))
                    {
                        Fail($"{hintName}: literal {CSharp.Visible(token.Text)} holds characters outside printable ASCII");
                    }

                    break;
            }
        }

        for (var directive = ((CSharpSyntaxNode)tree.GetRoot()).GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive.ToString().Trim() != "#nullable enable")
            {
                Fail($"{hintName}: unexpected preprocessor directive '{CSharp.Visible(directive.ToString())}'");
            }
        }
    }

    /// <summary>
    /// Metamorphic: the same API with every piece of free docs text (titles, descriptions, examples, response examples) replaced by a
    /// constant must generate the same tokens outside comments. Any difference is docs text acting as code.
    /// </summary>
    public static void AssertDocsTextOnlyInCommentsAndLiterals(DocsCompilation result)
    {
        var options = GeneratorOptions.Default;
        var api = result.Api;
        foreach (var method in api.Methods.Where(m => Remember(s_checkedModels, m.WithoutLocations())))
        {
            var blanked = method with { Method = method.Method with { Title = "T", Description = "D", Example = method.Method.Example is null ? null : method.Method.Example with { Text = BlankResponseExample } }, Request = method.Request is null ? null : Blank(method.Request) };
            AssertSameCode(Emitter.RenderMethod(blanked.WithoutLocations(), options), Emitter.RenderMethod(method.WithoutLocations(), options));
        }

        foreach (var dto in api.Dtos.Where(d => Remember(s_checkedModels, d.WithoutLocations())))
        {
            AssertSameCode(Emitter.RenderDto(Blank(dto).WithoutLocations(), options), Emitter.RenderDto(dto.WithoutLocations(), options));
        }

        foreach (var enumModel in api.Enums.Where(e => Remember(s_checkedModels, e.WithoutLocation())))
        {
            var blanked = enumModel with { Description = "D", Members = enumModel.Members.Select(m => m with { Description = "D" }).ToEquatableArray() };
            AssertSameCode(Emitter.RenderEnum(blanked.WithoutLocation(), options), Emitter.RenderEnum(enumModel.WithoutLocation(), options));
        }
    }

    private static DtoModel Blank(DtoModel dto) => dto with
    {
        Description = "D",
        Fields = dto.Fields.Select(f => f with { Description = "D", Example = f.Example is null ? null : "E" }).ToEquatableArray(),
    };

    private static void AssertSameCode(string blanked, string actual)
    {
        var a = CodeTokens(actual);
        var b = CodeTokens(blanked);
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var x = i < a.Count ? a[i] : "(end)";
            var y = i < b.Count ? b[i] : "(end)";
            var exampleLiteral = y == "StringLiteralToken:\"" + BlankResponseExample + "\"" && x.StartsWith("StringLiteralToken:", StringComparison.Ordinal);
            if (x != y && !exampleLiteral)
            {
                Fail($"docs text changes the code: token {i} is '{CSharp.Visible(x)}' but '{CSharp.Visible(y)}' when the docs text is blanked\n{Excerpt(actual, 0)}");
            }
        }
    }

    /// <summary>
    /// The response example is the one piece of docs text that is a literal by design (the test double's default answer):
    /// where the blanked code has this literal, any one string literal is expected.
    /// </summary>
    private const string BlankResponseExample = "RESPONSE-EXAMPLE";

    /// <summary>The tokens outside comments, by kind and text.</summary>
    private static List<string> CodeTokens(string text) =>
        SyntaxFactory.ParseTokens(text, options: NoDocs).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).Select(t => t.Kind() + ":" + t.Text).ToList();

    private static readonly CSharpParseOptions NoDocs = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ulong, ulong), byte> s_checkedSources = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<object, byte> s_checkedModels = new();

    /// <summary>True the first time <paramref name="key"/> is seen (the caller checks it then); bounded, so a million-case run does not hoard memory.</summary>
    private static bool Remember<TKey>(System.Collections.Concurrent.ConcurrentDictionary<TKey, byte> seen, TKey key)
        where TKey : notnull
    {
        if (seen.Count > 100_000)
        {
            seen.Clear();
        }

        return seen.TryAdd(key, 0);
    }

    private static (ulong, ulong) ContentKey(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return (BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }

    /// <summary>0-based line and column of an offset; CR, LF and CRLF each end a line.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                if (i + 1 >= offset)
                {
                    break;
                }

                i++;
            }

            if (text[i] is '\r' or '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    /// <summary>The pages as a failing case prints them: path and text, with line breaks and invisible characters shown.</summary>
    public static string Print(IEnumerable<TestPage> pages)
    {
        var text = new StringBuilder();
        foreach (var page in pages)
        {
            text.Append("=== ").Append(page.Path).Append(" (").Append(page.Text.Length).Append(" characters)\n");
            var shown = CSharp.Visible(page.Text, 20_000).Replace("\\n", "\\n\n", StringComparison.Ordinal);
            text.Append(shown).Append('\n');
        }

        return text.ToString();
    }

    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            Fail(message);
        }
    }

    public static void Fail(string message) => throw new XunitException(message);

    private static string Near(string text, int index) => text.Substring(Math.Max(0, index - 80), Math.Min(text.Length, index + 80) - Math.Max(0, index - 80));

    private static string Excerpt(string text, int offset)
    {
        var start = Math.Max(0, text.LastIndexOf('\n', Math.Min(text.Length - 1, Math.Max(0, offset))) - 400);
        return "--- excerpt ---\n" + CSharp.Visible(text.Substring(start, Math.Min(1200, text.Length - start)), 1500).Replace("\\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex("^@?[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
