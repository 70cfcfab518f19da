using Authing.DocsGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Authing.DocsGen.Diagnostics;

/// <summary>The output step's conversions from the pipeline's plain data to Roslyn's diagnostics and locations.</summary>
public static class RoslynDiagnostics
{
    public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
    {
        var args = new object[info.MessageArgs.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = info.MessageArgs[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(info.Id), info.Location?.ToLocation() ?? Location.None, args);
    }

    public static Location ToLocation(this MarkdownLocation location) => Location.Create(
        location.FilePath,
        new TextSpan(location.Start, location.Length),
        new LinePositionSpan(new LinePosition(location.StartLine, location.StartColumn), new LinePosition(location.EndLine, location.EndColumn)));
}
