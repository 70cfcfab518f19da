using System.Globalization;
using Authing.DocsGen.Model;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Cli;

/// <summary>The table <c>docsgen generate</c> ends with.</summary>
public static class Summary
{
    public static void Write(TextWriter output, DocsFolder folder, DocsCompilation compilation, IReadOnlyList<DiagnosticLine> diagnostics, GenerateCommand.WriteResult result, string displayOut)
    {
        var pages = compilation.Pages.Length;
        var skipped = compilation.Pages.Count(p => p.Method is null);
        output.WriteLine(Invariant($"docsgen: {Plural(pages, "page")} in {folder.DisplayRoot} -> {Plural(result.Files, "file")} in {displayOut.Replace('\\', '/')} ({result.Written} written, {result.Unchanged} unchanged, {result.Removed} removed)"));
        output.WriteLine();
        var rows = new List<(string Label, int Count)>
        {
            ("pages", pages),
            ("  with a method", pages - skipped),
            ("  skipped", skipped),
            ("methods", compilation.Api.Methods.Count),
        };
        foreach (ClientKind client in Enum.GetValues<ClientKind>())
        {
            rows.Add(("  " + client + "Client", compilation.Api.Methods.Count(m => m.Method.Client == client)));
        }

        rows.Add(("DTOs", compilation.Api.Dtos.Count));
        rows.Add(("enums", compilation.Api.Enums.Count));
        rows.Add(("diagnostics", diagnostics.Count));
        rows.Add(("  error", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)));
        rows.Add(("  warning", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)));
        rows.Add(("  info", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info)));
        var width = rows.Max(r => r.Label.Length) + 2;
        foreach (var (label, count) in rows)
        {
            output.WriteLine(Invariant($"  {label.PadRight(width)}{count,6}"));
        }
    }

    public static string Plural(int count, string noun) => Invariant($"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
