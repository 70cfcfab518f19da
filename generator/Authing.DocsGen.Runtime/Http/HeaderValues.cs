using System;

namespace Authing.Sdk.Runtime;

/// <summary>
/// Values the transports put into HTTP headers (key id, app id, tenant id, access token). The options already reject
/// CR, LF and NUL; a header value must also be printable ASCII, or the HTTP stack refuses the request on every call (non-ASCII)
/// or sends a header that servers reject (other control characters). Checked once, when the value is given to a transport.
/// </summary>
internal static class HeaderValues
{
    /// <summary>True for a value made only of printable ASCII (0x20–0x7E).</summary>
    public static bool IsPrintableAscii(string value)
    {
        foreach (char c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when an option that becomes a header value has other characters; the value itself is not quoted.</summary>
    /// <param name="optionsType">The options class, for the message.</param>
    /// <param name="name">The option, for the message.</param>
    /// <param name="value">The value; null is left to the options' own validation.</param>
    public static void Check(string optionsType, string name, string? value)
    {
        if (value is not null && !IsPrintableAscii(value))
        {
            throw new ArgumentException(
                $"Invalid {optionsType}: {name} must contain only printable ASCII characters: it is sent in an HTTP header.",
                "options");
        }
    }
}
