using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Authing.Sdk.Oidc;

/// <summary>Small protocol helpers: random values, PKCE, scope lists and a constant-time comparison.</summary>
internal static class OidcText
{
    /// <summary>
    /// 32 bytes from the OS's cryptographic generator, base64url without padding (43 characters, 256 bits): enough for
    /// <c>state</c>, <c>nonce</c> and a PKCE <c>code_verifier</c> (RFC 7636 §4.1 asks for 43 to 128 characters).
    /// </summary>
    public static string NewRandomValue()
    {
        byte[] bytes = new byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Base64UrlEncoder.Encode(bytes);
    }

    /// <summary>The S256 code challenge: base64url(SHA-256(ASCII(verifier))), RFC 7636 §4.2.</summary>
    public static string S256Challenge(string codeVerifier)
    {
        using var sha256 = SHA256.Create();
        return Base64UrlEncoder.Encode(sha256.ComputeHash(Encoding.ASCII.GetBytes(codeVerifier)));
    }

    /// <summary>True when the space-separated scope list contains <paramref name="scope"/>.</summary>
    public static bool HasScope(string scopes, string scope)
    {
        foreach (string item in scopes.Split(' '))
        {
            if (item == scope)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compares two strings in time that depends only on their lengths, so a mismatch position is not observable.</summary>
    public static bool FixedTimeEquals(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        byte[] a = Encoding.UTF8.GetBytes(left);
        byte[] b = Encoding.UTF8.GetBytes(right);
        int difference = a.Length ^ b.Length;
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            difference |= a[i] ^ b[i];
        }

        return difference == 0;
    }

    /// <summary>
    /// A PKCE code verifier the caller chose must be 43–128 characters of <c>[A-Za-z0-9-._~]</c> (RFC 7636 §4.1).
    /// </summary>
    public static bool IsValidCodeVerifier(string value)
    {
        if (value.Length is < 43 or > 128)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }
}
