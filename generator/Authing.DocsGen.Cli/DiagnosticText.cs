using System.Globalization;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Cli;

/// <summary>A diagnostic as plain text and data: the registry's severity and message, located on its page.</summary>
public sealed record DiagnosticLine(string Id, DiagnosticSeverity Severity, string Message, string? Path, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>, as compilers print it.</summary>
    public string SeverityText => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    /// <summary>Every diagnostic of a run, ordered by page, position and ID.</summary>
    public static IReadOnlyList<DiagnosticLine> From(IEnumerable<DiagnosticInfo> diagnostics) =>
        diagnostics.Select(From)
            .OrderBy(d => d.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

    private static DiagnosticLine From(DiagnosticInfo info)
    {
        var diagnostic = info.ToDiagnostic();
        var location = info.Location;
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        return location is null || location.FilePath.Length == 0
            ? new DiagnosticLine(info.Id, diagnostic.Severity, message, null, 0, 0, 0, 0)
            : new DiagnosticLine(info.Id, diagnostic.Severity, message, location.FilePath, location.StartLine + 1, location.StartColumn + 1, location.EndLine + 1, location.EndColumn + 1);
    }

    /// <summary><c>path(line,col): severity ID: message</c>, the format editors and CI systems link.</summary>
    public string Format(DocsFolder folder) =>
        Path is null
            ? $"docsgen: {SeverityText} {Id}: {Message}"
            : $"{folder.Display(Path)}({Line},{Column}): {SeverityText} {Id}: {Message}";
}
