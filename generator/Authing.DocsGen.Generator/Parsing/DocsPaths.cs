using System;
using System.Linq;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>
/// What a page's path says: Authing's docs tree keeps each client's pages under an <c>authentication/</c> or
/// <c>management/</c> folder (the innermost one counts), and names each page after its route slug.
/// </summary>
public static class DocsPaths
{
    /// <summary>The client the innermost client folder names, if any.</summary>
    public static ClientKind? ClientFolder(string filePath) =>
        FindClientFolder(filePath, out _) is { } folder
            ? folder.Equals("authentication", StringComparison.OrdinalIgnoreCase) ? ClientKind.Authentication : ClientKind.Management
            : null;

    /// <summary>The page path from its client folder on (<c>authentication/mfa/enroll-factor.md</c>), else the file name.</summary>
    public static string FromClientFolder(string filePath)
    {
        var segments = Segments(filePath);
        return FindClientFolder(filePath, out var index) is not null ? string.Join("/", segments.Skip(index)) : segments[segments.Length - 1];
    }

    private static string? FindClientFolder(string filePath, out int index)
    {
        var segments = Segments(filePath);
        for (index = segments.Length - 2; index >= 0; index--)
        {
            if (segments[index].Equals("authentication", StringComparison.OrdinalIgnoreCase) || segments[index].Equals("management", StringComparison.OrdinalIgnoreCase))
            {
                return segments[index];
            }
        }

        return null;
    }

    private static string[] Segments(string filePath) => filePath.Replace('\\', '/').Split('/');
}
