using System.Globalization;
using System.Text;
using System.Text.Json;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Linting;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Cli;

/// <summary>One lint finding as the CLI prints it: the diagnostic, and the other definition for ADG035/ADG036.</summary>
public sealed record LintResult(DiagnosticLine Diagnostic, DiagnosticLine? Related);

/// <summary>
/// <c>docsgen lint</c>: the same findings the build reports as ADG031–ADG036 (<see cref="DocsLint"/>), as text with a
/// summary per ID and per folder, or as SARIF 2.1.0 for GitHub code scanning.
/// </summary>
public static class LintCommand
{
    public static int Run(LintArguments args, TextWriter output)
    {
        var folder = DocsFolder.Open(args.DocsDirectory);
        var results = Lint(folder, args.Options);
        output.Write(args.Sarif ? Sarif(results, folder) : Text(results, folder));
        return Program.Success;
    }

    public static IReadOnlyList<LintResult> Lint(DocsFolder folder, GeneratorOptions options)
    {
        var pages = folder.ReadPages().ToList();
        var findings = Findings(pages, DocsCompiler.Compile(pages, options, folder.ReadOverridesFile()));
        DiagnosticLine Line(DiagnosticInfo info) => DiagnosticLine.From(new[] { info })[0];
        return findings
            .Select(f => new LintResult(Line(f.Diagnostic), f.Related is null ? null : Line(f.Diagnostic with { Location = f.Related })))
            .OrderBy(r => r.Diagnostic.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(r => r.Diagnostic.Line)
            .ThenBy(r => r.Diagnostic.Column)
            .ThenBy(r => r.Diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(r => r.Diagnostic.Message, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The lint's findings for pages already compiled (DocsCompiler keeps the pages' order).</summary>
    public static List<LintFinding> Findings(IReadOnlyList<DocsPage> pages, DocsCompilation compilation) =>
        pages.Zip(compilation.Pages, (page, model) => DocsLint.LintPage(page.Path, page.Text, model))
            .SelectMany(f => f)
            .Concat(DocsLint.LintAcross(compilation.Pages))
            .ToList();

    private static string Text(IReadOnlyList<LintResult> results, DocsFolder folder)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            text.Append(result.Diagnostic.Format(folder)).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"docsgen: {Summary.Plural(folder.RelativePaths.Count, "page")}, {Summary.Plural(results.Count, "finding")}\n");
        if (results.Count == 0)
        {
            return text.ToString();
        }

        // Summary tables in Markdown, ready for a pull request comment.
        text.Append("\n| ID | findings | what |\n|---|---:|---|\n");
        foreach (var group in results.GroupBy(r => r.Diagnostic.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {DiagnosticDescriptors.ById(group.Key).Title} |\n");
        }

        text.Append("\n| folder | findings |\n|---|---:|\n");
        foreach (var group in results.GroupBy(r => FolderOf(folder, r.Diagnostic.Path)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} |\n");
        }

        return text.ToString();
    }

    private static string FolderOf(DocsFolder folder, string? path)
    {
        if (path is null)
        {
            return folder.DisplayRoot;
        }

        var display = folder.Display(path);
        var slash = display.LastIndexOf('/');
        return slash < 0 ? "." : display[..slash];
    }

    /// <summary>
    /// A SARIF 2.1.0 log: one run, the rules ADG031–ADG036, each result with its page (a URI relative to where docsgen
    /// ran, as typed, which is the repository root in CI) and region; the other definition as a related location.
    /// </summary>
    public static string Sarif(IReadOnlyList<LintResult> results, DocsFolder folder)
    {
        var rules = DiagnosticDescriptors.All.Where(d => string.CompareOrdinal(d.Id, "ADG031") >= 0 && string.CompareOrdinal(d.Id, "ADG036") <= 0).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var stream = new MemoryStream();

        // Messages quote Chinese docs text: kept readable (the log is a file, never embedded in HTML).
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "docsgen");
            json.WriteString("semanticVersion", CommandLine.Version);
            json.WriteString("informationUri", "https://github.com/authing/docsgen");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", string.Concat(rule.Title.ToString(CultureInfo.InvariantCulture).Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title.ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpLinkUri);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", "warning");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                var diagnostic = result.Diagnostic;
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Id);
                json.WriteNumber("ruleIndex", rules.FindIndex(r => r.Id == diagnostic.Id));
                json.WriteString("level", diagnostic.SeverityText == "info" ? "note" : diagnostic.SeverityText);
                json.WriteStartObject("message");
                json.WriteString("text", diagnostic.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                PhysicalLocation(json, diagnostic, folder);
                json.WriteEndObject();
                json.WriteEndArray();
                if (result.Related is { Path: not null } related)
                {
                    json.WriteStartArray("relatedLocations");
                    json.WriteStartObject();
                    json.WriteNumber("id", 1);
                    PhysicalLocation(json, related, folder);
                    json.WriteStartObject("message");
                    json.WriteString("text", diagnostic.Id == "ADG036" ? "the defined type" : "the other definition");
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void PhysicalLocation(Utf8JsonWriter json, DiagnosticLine line, DocsFolder folder)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");

        // A relative URI reference: each path segment escaped (spaces, '#', '%' and non-ASCII names stay valid).
        json.WriteString("uri", string.Join("/", folder.Display(line.Path ?? string.Empty).Split('/').Select(Uri.EscapeDataString)));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, line.Line));
        json.WriteNumber("startColumn", Math.Max(1, line.Column));
        json.WriteNumber("endLine", Math.Max(line.Line, line.EndLine));
        json.WriteNumber("endColumn", line.EndLine > line.Line ? Math.Max(1, line.EndColumn) : Math.Max(line.Column, line.EndColumn));
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
