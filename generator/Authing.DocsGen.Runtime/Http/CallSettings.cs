using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Authing.Sdk.Runtime;

/// <summary>
/// One call's settings, resolved once when the call starts from its <see cref="AuthingRequestOptions"/> and the client's
/// defaults, so that changing the options object during the call changes nothing.
/// </summary>
internal sealed class CallSettings
{
    private CallSettings(TimeSpan timeout, string? language, int maxRetries, bool retryNonIdempotent, string? accessToken, KeyValuePair<string, string>[] headers)
    {
        Timeout = timeout;
        Language = language;
        MaxRetries = maxRetries;
        RetryNonIdempotent = retryNonIdempotent;
        AccessToken = accessToken;
        Headers = headers;
    }

    public TimeSpan Timeout { get; }

    /// <summary>The per-call language in its canonical spelling, or null for the client's.</summary>
    public string? Language { get; }

    public int MaxRetries { get; }

    public bool RetryNonIdempotent { get; }

    /// <summary>The per-call access token, or null for the client's.</summary>
    public string? AccessToken { get; }

    public KeyValuePair<string, string>[] Headers { get; }

    /// <exception cref="ArgumentException">A per-call value is invalid; secrets are not quoted.</exception>
    public static CallSettings Create(AuthingRequestOptions? options, TimeSpan defaultTimeout, int defaultRetries, string? scopedAccessToken = null)
    {
        if (options is null)
        {
            return new CallSettings(defaultTimeout, null, defaultRetries, false, scopedAccessToken, Array.Empty<KeyValuePair<string, string>>());
        }

        TimeSpan timeout = options.Timeout ?? defaultTimeout;
        var errors = new List<string>();
        OptionChecks.Timeout(timeout, nameof(AuthingRequestOptions.Timeout), errors);
        string? language = null;
        if (options.Language is not null && (language = ManagementClientOptions.NormalizeLanguage(options.Language)) is null)
        {
            errors.Add($"{nameof(AuthingRequestOptions.Language)} must be '{ManagementClientOptions.LanguageChinese}' or '{ManagementClientOptions.LanguageEnglish}'.");
        }

        int retries = options.MaxRetries ?? defaultRetries;
        if (retries is < 0 or > 10)
        {
            errors.Add($"{nameof(AuthingRequestOptions.MaxRetries)} must be between 0 and 10.");
        }

        string? token = string.IsNullOrEmpty(options.AccessToken) ? null : options.AccessToken;
        if (token is not null && (OptionChecks.HasLineBreak(token) || !HeaderValues.IsPrintableAscii(token)))
        {
            errors.Add($"{nameof(AuthingRequestOptions.AccessToken)} must be printable ASCII without CR, LF or NUL: it is sent in an HTTP header.");
        }

        OptionChecks.ThrowIfInvalid(errors, nameof(AuthingRequestOptions));

        // Copied: the caller may keep adding headers to the same options object for another call.
        var headers = new KeyValuePair<string, string>[options.Headers.Count];
        for (int i = 0; i < headers.Length; i++)
        {
            headers[i] = options.Headers[i];
        }

        return new CallSettings(timeout, language, retries, options.RetryNonIdempotent, token ?? scopedAccessToken, headers);
    }

    /// <summary>Whether the request may be repeated on a failure the server may have acted on.</summary>
    public bool MayRepeat(HttpMethod method) =>
        RetryNonIdempotent
        || method == HttpMethod.Get
        || method == HttpMethod.Head
        || method == HttpMethod.Options
        || method == HttpMethod.Put
        || method == HttpMethod.Delete;
}
