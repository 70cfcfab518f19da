using System;
using System.Collections.Generic;

namespace Authing.Sdk;

/// <summary>Checks shared by both option types. Messages name the option and never include its value when it may be secret.</summary>
internal static class OptionChecks
{
    /// <summary>The longest timeout a <see cref="System.Threading.CancellationTokenSource"/> accepts.</summary>
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>True when <paramref name="value"/> would break an HTTP header line (CR, LF or NUL).</summary>
    public static bool HasLineBreak(string value) => value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0;

    public static void Required(string? value, string name, List<string> errors, string? extra = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name} is required{extra}.");
        }
    }

    /// <summary>Adds an error when a value that goes into a header contains a line break; the value itself is not quoted.</summary>
    public static void HeaderSafe(string? value, string name, List<string> errors)
    {
        if (value is not null && HasLineBreak(value))
        {
            errors.Add($"{name} must not contain CR, LF or NUL characters: it is sent in an HTTP header.");
        }
    }

    public static void Timeout(TimeSpan timeout, string name, List<string> errors)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (timeout <= TimeSpan.Zero || timeout > MaxTimeout)
        {
            errors.Add($"{name} must be greater than zero and at most {MaxTimeout}, or Timeout.InfiniteTimeSpan; it was {timeout}.");
        }
    }

    /// <summary>
    /// Normalises a host as node's <c>domainC14n</c> does (WIRE.md §1), then trims trailing slashes. Returns null and adds
    /// an error when the value is not usable as a base URL.
    /// </summary>
    /// <remarks>
    /// <c>http://localhost:PORT</c> is kept as it is, so local development servers stay on plain HTTP; a bare
    /// <c>localhost:PORT</c> gets <c>http://</c> for the same reason (node keeps it bare, which no HTTP stack can use).
    /// Any other value without a scheme gets <c>https://</c>.
    /// </remarks>
    public static string? NormalizeHost(string? value, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name} is required.");
            return null;
        }

        string host = value.Trim();
        if (host.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            host = "http://" + host;
        }
        else if (!host.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            if (host.Contains("://", StringComparison.Ordinal))
            {
                errors.Add($"{name} must use http or https; '{value}' does not.");
                return null;
            }

            host = "https://" + host;
        }

        host = host.TrimEnd('/');
        if (!Uri.TryCreate(host, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add($"{name} must be an absolute http(s) URL or a host name such as 'example.authing.cn'; '{value}' is not.");
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add($"{name} must not contain user info, a query or a fragment; '{value}' does.");
            return null;
        }

        return host;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem at once, when there is any.</summary>
    internal static void ThrowIfInvalid(IReadOnlyList<string> errors, string optionsType)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {optionsType}: {string.Join(" ", errors)}", "options");
        }
    }

    /// <summary>How a secret appears in <c>ToString()</c>: only whether it is set.</summary>
    internal static string DescribeSecret(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";
}
