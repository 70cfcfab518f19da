using System.Text.RegularExpressions;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Parsing;

/// <summary>What a sample (live or commented out) says about the client and the method it calls.</summary>
internal static class SampleCode
{
    private static readonly Regex s_construction = new(@"new\s+(?:[\w.]+\.)?(Authentication|Management)Client\b", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);
    private static readonly Regex s_call = new(@"\b(\w*?)_?[Cc]lient\s*\.\s*([A-Za-z_]\w*)\s*\(", RegexOptions.CultureInvariant, ParserLimits.RegexTimeout);

    private static readonly string[] s_notApiCalls = { "setAccessToken", "SetAccessToken", "set_access_token", "setLang", "then", "catch" };

    public static ClientKind? Client(string code)
    {
        var construction = s_construction.Match(code);
        if (construction.Success)
        {
            return construction.Groups[1].Value == "Authentication" ? ClientKind.Authentication : ClientKind.Management;
        }

        var call = FirstCall(code);
        return call is null ? null : ClientFromVariable(call.Groups[1].Value);
    }

    public static string? MethodName(string code) => FirstCall(code)?.Groups[2].Value;

    public static ClientKind? ClientFromVariable(string prefix)
    {
        var lower = prefix.ToLowerInvariant();
        return lower.StartsWith("auth") ? ClientKind.Authentication : lower.StartsWith("manage") ? ClientKind.Management : null;
    }

    private static Match? FirstCall(string code)
    {
        for (var match = s_call.Match(code); match.Success; match = match.NextMatch())
        {
            if (System.Array.IndexOf(s_notApiCalls, match.Groups[2].Value) < 0)
            {
                return match;
            }
        }

        return null;
    }
}
