using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Cli;

/// <summary><c>docsgen check</c>: the docs lint for docs writers' CI.</summary>
public static class CheckCommand
{
    public static int Run(CheckArguments args, TextWriter output, TextWriter error)
    {
        var folder = DocsFolder.Open(args.DocsDirectory);
        var pages = folder.ReadPages().ToList();
        var compilation = DocsCompiler.Compile(pages, args.Options, folder.ReadOverridesFile());

        // A build reports the docs lint (ADG031-ADG036) with the other diagnostics; so does check.
        var lint = LintCommand.Findings(pages, compilation).Select(f => f.Diagnostic);
        var diagnostics = DiagnosticLine.From(compilation.Diagnostics.Concat(lint));
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.Format(folder));
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        var failed = errors > 0 || (args.WarningsAsErrors && warnings > 0);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"docsgen: {Summary.Plural(compilation.Pages.Length, "page")}, {Summary.Plural(errors, "error")}, {Summary.Plural(warnings, "warning")}, {infos} info{(failed ? " - check failed" : string.Empty)}"));
        return failed ? Program.DiagnosticErrors : Program.Success;
    }
}
