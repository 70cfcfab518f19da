using System;
using System.Collections.Generic;
using System.Globalization;

namespace Authing.Sdk;

/// <summary>
/// The client's built-in retry policy. Every attempt is a new HTTP message with a fresh <c>date</c>, nonce and signature.
/// </summary>
/// <remarks>
/// <para>
/// Retried: connection failures and HTTP 408, 429, 500, 502, 503 and 504. The delay grows exponentially from
/// <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>, with full jitter; a <c>Retry-After</c> header (seconds or an
/// HTTP date) replaces it when it is at most <see cref="MaxRetryAfter"/>, and a larger one fails the call at once with the
/// value in the exception's message rather than waiting.
/// </para>
/// <para>
/// Authing uses POST for reads and writes alike, so a POST is retried only when the request never reached the server
/// (connection refused, name not resolved), unless the call opts in with <see cref="AuthingRequestOptions.RetryNonIdempotent"/>.
/// GET, HEAD, OPTIONS, PUT and DELETE are retried on every listed failure.
/// </para>
/// </remarks>
public sealed class AuthingRetryOptions
{
    /// <summary>Retries after the first attempt; 2 by default, 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The upper bound of the first backoff delay; 500 ms by default. Each later retry doubles it.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest backoff delay; 8 seconds by default.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The largest <c>Retry-After</c> the client waits for; 30 seconds by default. A larger value fails the call.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Describes the policy.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{{ {nameof(MaxRetries)} = {MaxRetries}, {nameof(InitialDelay)} = {InitialDelay}, {nameof(MaxDelay)} = {MaxDelay}, {nameof(MaxRetryAfter)} = {MaxRetryAfter} }}");

    internal void AddValidationErrors(string prefix, List<string> errors)
    {
        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{prefix}.{nameof(MaxRetries)} must be between 0 and 10.");
        }

        if (InitialDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{prefix} delays must not be negative.");
        }
    }

    /// <summary>A copy, so that the transport is not affected by later changes to the options object.</summary>
    internal AuthingRetryOptions Clone() => new()
    {
        MaxRetries = MaxRetries,
        InitialDelay = InitialDelay,
        MaxDelay = MaxDelay,
        MaxRetryAfter = MaxRetryAfter,
    };
}
