using System.Linq;
using Authing.DocsGen.Text;

namespace Authing.DocsGen.Parsing;

/// <summary>The route a page's file name gives (FORMAT.md §7): Authing's docs tree names each page after its route slug.</summary>
public static class RouteRules
{
    public const string Prefix = "/api/v3/";

    /// <summary>What an overriding route must look like, for diagnostics.</summary>
    public const string OverrideRequirement = "a route starts with '/' and has no spaces, quotes, backslashes, '?' or '#'";

    /// <summary>Whether an override's route can be emitted as it is (it ends up in a string literal and a URL path).</summary>
    public static bool IsUsableOverride(string route) =>
        route.StartsWith("/", System.StringComparison.Ordinal) && !Text.CSharp.ContainsUnsafe(route) && route.IndexOfAny(new[] { '"', '\\', ' ', '?', '#' }) < 0;

    /// <summary>
    /// <c>/api/v3/</c> + the file name exactly as written, case included (real slugs such as <c>pub-userEvent</c> are
    /// camelCase, and the server's routes are case-sensitive). Only a name with characters a URL path cannot carry
    /// verbatim (anything but ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, <c>~</c>) is kebab-cased instead.
    /// </summary>
    public static string FromFileName(string fileNameWithoutExtension)
    {
        var slug = fileNameWithoutExtension;
        var verbatim = slug.Length > 0 && slug.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~');
        return Prefix + (verbatim ? slug : Naming.ToKebabCase(slug));
    }
}
