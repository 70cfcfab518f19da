using System;
using System.Collections.Generic;
using Authing.Sdk.Runtime;

namespace Authing.Sdk;

/// <summary>
/// Settings for one call, passed to any generated method; each property left unset keeps the client's setting.
/// </summary>
/// <remarks>
/// An instance can be reused across calls and threads once it is no longer being changed: the transport copies what it
/// needs when the call starts.
/// </remarks>
public sealed class AuthingRequestOptions
{
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>The time allowed for each attempt of this call, instead of the client's <c>Timeout</c>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The language of server messages for this call (<c>zh-CN</c> or <c>en-US</c>), sent as <c>x-authing-lang</c>.</summary>
    public string? Language { get; set; }

    /// <summary>Retries for this call instead of the client's <see cref="AuthingRetryOptions.MaxRetries"/>; 0 turns them off.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>
    /// Lets a POST be retried on the same failures as a GET (HTTP 408, 429, 5xx, a dropped connection). Set it only when
    /// repeating the call is harmless: Authing uses POST for reads and writes alike, so the client cannot tell.
    /// </summary>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>
    /// The end user's access token for this call (authentication client), instead of the client's token. It is sent raw
    /// in <c>authorization</c>; the management client ignores it.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>The extra headers added with <see cref="AddHeader"/>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
        (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Adds a header sent with this call, e.g. a correlation id for your proxy.</summary>
    /// <param name="name">An HTTP header name. Headers the client computes (<c>authorization</c>, <c>date</c>,
    /// <c>host</c>, <c>content-type</c>, <c>content-length</c> and every <c>x-authing-*</c>) cannot be set.</param>
    /// <param name="value">Printable ASCII, without CR or LF.</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="ArgumentException">The name is not a valid header name or is reserved, or the value is not header-safe.</exception>
    public AuthingRequestOptions AddHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        foreach (char c in name)
        {
            // RFC 9110 §5.6.2 token characters.
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0))
            {
                throw new ArgumentException($"'{name}' is not a valid HTTP header name.", nameof(name));
            }
        }

        if (IsReserved(name))
        {
            throw new ArgumentException(
                $"The header '{name}' is set by the client (authentication, signature or body) and cannot be overridden.", nameof(name));
        }

        if (OptionChecks.HasLineBreak(value) || !HeaderValues.IsPrintableAscii(value))
        {
            // The value is not quoted: it may be a secret.
            throw new ArgumentException(
                $"The value of the header '{name}' must be printable ASCII without CR, LF or NUL.", nameof(value));
        }

        (_headers ??= new()).Add(new(name, value));
        return this;
    }

    internal static bool IsReserved(string name) =>
        name.StartsWith("x-authing-", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "date", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "host", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "content-type", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "content-length", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "transfer-encoding", StringComparison.OrdinalIgnoreCase);
}
