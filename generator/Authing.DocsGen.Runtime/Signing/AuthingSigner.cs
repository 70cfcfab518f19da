using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;

namespace Authing.Sdk.Runtime;

/// <summary>
/// Authing's request signature, version 1.0 (HMAC-SHA1), as the node SDK 4.x computes it (WIRE.md §2.3). Pure functions:
/// the caller supplies the headers, the path and the query or body pairs.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AuthingSigner
{
    /// <summary>The value of <c>x-authing-signature-method</c>.</summary>
    public const string SignatureMethod = "HMAC-SHA1";

    /// <summary>The value of <c>x-authing-signature-version</c>.</summary>
    public const string SignatureVersion = "1.0";

    /// <summary>
    /// Builds the string to sign: <c>METHOD\n</c>, then each signed header as <c>name:value\n</c> (the <c>date</c> header and
    /// every <c>x-authing-*</c> header, names lower-cased and sorted by code unit), then the canonical resource: the path,
    /// and when there are pairs, <c>?</c> and <c>key=value</c> pairs sorted by key and joined with <c>&amp;</c>, nothing encoded.
    /// </summary>
    /// <param name="method">The HTTP verb; upper-cased here.</param>
    /// <param name="headers">The request headers; those that are not signed are ignored.</param>
    /// <param name="path">The request path as the method declares it, without host or query.</param>
    /// <param name="pairs">
    /// For GET, the query parameters as JavaScript prints them; for other verbs, the top-level body properties. Values are
    /// already text (see <see cref="AuthingRequest.SigningPairs"/>).
    /// </param>
    /// <returns>The exact text whose HMAC is the signature.</returns>
    public static string BuildStringToSign(
        string method,
        IEnumerable<KeyValuePair<string, string>> headers,
        string path,
        IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(pairs);

        var signed = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, string> header in headers)
        {
            string name = header.Key.ToLowerInvariant();
            if (name == "date" || name.StartsWith("x-authing-", StringComparison.Ordinal))
            {
                signed.Add(new KeyValuePair<string, string>(name, header.Value));
            }
        }

        // List.Sort is not stable; headers never repeat, and pairs are de-duplicated by AuthingRequest.
        signed.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        var text = new StringBuilder(256);
        text.Append(method.ToUpperInvariant()).Append('\n');
        foreach (KeyValuePair<string, string> header in signed)
        {
            text.Append(header.Key).Append(':').Append(CanonicalHeaderValue(header.Value)).Append('\n');
        }

        text.Append(path);
        var sortedPairs = new List<KeyValuePair<string, string>>(pairs);
        if (sortedPairs.Count > 0)
        {
            sortedPairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            text.Append('?');
            for (int i = 0; i < sortedPairs.Count; i++)
            {
                if (i > 0)
                {
                    text.Append('&');
                }

                text.Append(sortedPairs[i].Key).Append('=').Append(sortedPairs[i].Value);
            }
        }

        return text.ToString();
    }

    /// <summary>Computes <c>Base64(HMAC-SHA1(UTF-8 secret, UTF-8 stringToSign))</c>.</summary>
    /// <param name="accessKeySecret">The access key secret.</param>
    /// <param name="stringToSign">The result of <see cref="BuildStringToSign"/>.</param>
    /// <returns>The Base64 signature.</returns>
    public static string ComputeSignature(string accessKeySecret, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(accessKeySecret);
        return ComputeSignature(Encoding.UTF8.GetBytes(accessKeySecret), stringToSign);
    }

    /// <summary>Builds the <c>authorization</c> header value: <c>authing &lt;accessKeyId&gt;:&lt;signature&gt;</c>.</summary>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="signature">The result of <see cref="ComputeSignature(string, string)"/>.</param>
    /// <returns>The header value.</returns>
    public static string BuildAuthorization(string accessKeyId, string signature) => $"authing {accessKeyId}:{signature}";

    internal static string ComputeSignature(byte[] key, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        byte[] hash = HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToBase64String(hash);
    }

    /// <summary>Trims the value and turns tab, CR, LF and FF into spaces, as the node signer does.</summary>
    private static string CanonicalHeaderValue(string value)
    {
        string trimmed = value.Trim();
        return trimmed.AsSpan().IndexOfAny("\t\r\n\f") < 0
            ? trimmed
            : trimmed.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').Replace('\f', ' ');
    }
}
