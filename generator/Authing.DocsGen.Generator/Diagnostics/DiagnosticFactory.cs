using Authing.DocsGen.Model;
using Authing.DocsGen.Text;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Diagnostics;

/// <summary>
/// The one way to create a diagnostic. Message arguments quote page text, exception messages and file names, all
/// untrusted: each is made visible (control, bidirectional and invisible characters written as escapes) and short.
/// </summary>
public static class DiagnosticFactory
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, MarkdownLocation? location, params string[] args)
    {
        var shown = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            shown[i] = CSharp.Visible(args[i], MaxArgumentLength);
        }

        return new DiagnosticInfo(descriptor.Id, new EquatableArray<string>(shown), location);
    }

    /// <summary>A count as diagnostics print it: <c>1,234</c>.</summary>
    public static string Count(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Long enough for the lists a message composes (the fields two definitions disagree on); a pasted 5 MB line is cut
    /// with an ellipsis so that a build log stays readable.
    /// </summary>
    private const int MaxArgumentLength = 1_000;
}
