using Authing.DocsGen.Emitting;
using Authing.DocsGen.Model;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Parsing;

/// <summary>Creates the parser's diagnostics. Message arguments quote page text, so they are made visible and short first.</summary>
internal static class Diag
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, MarkdownLocation location, params string[] args)
    {
        var shown = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            shown[i] = CSharp.Visible(args[i]);
        }

        return DiagnosticInfo.Create(descriptor, location, shown);
    }

    /// <summary>A count as diagnostics print it: <c>1,234</c>.</summary>
    public static string Count(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
