using System;
using Authing.DocsGen.Text;
using Authing.DocsGen.Diagnostics;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// The checks every docs name passes before it can become an identifier or a wire name: no invisible or control
/// characters (the "Trojan Source" class: a reviewer must see the name the server sees) and at most
/// <see cref="ParserLimits.MaxNameLength"/> characters. A rejected name is reported where it stands.
/// </summary>
internal static class NameRules
{
    /// <param name="what">What the name is, for the message: "Field name", "Data structure", ….</param>
    /// <param name="consequence">What happens instead, for the message: "the row is skipped", ….</param>
    /// <returns>False, after reporting, when the name cannot be used.</returns>
    public static bool Accept(string what, string name, MarkdownLocation location, string consequence, Action<DiagnosticInfo> report)
    {
        if (CSharp.ContainsUnsafe(name))
        {
            report(DiagnosticFactory.Create(DiagnosticDescriptors.UnsafeText, location, what, name, consequence));
            return false;
        }

        if (name.Length > ParserLimits.MaxNameLength)
        {
            report(DiagnosticFactory.Create(
                DiagnosticDescriptors.LimitExceeded,
                location,
                what + " '" + CSharp.Visible(name, 40) + "' (" + DiagnosticFactory.Count(name.Length) + " characters)",
                DiagnosticFactory.Count(ParserLimits.MaxNameLength) + " characters",
                consequence));
            return false;
        }

        return true;
    }
}
