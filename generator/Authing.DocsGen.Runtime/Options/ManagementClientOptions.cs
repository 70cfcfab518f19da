using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Authing.Sdk.Runtime;

namespace Authing.Sdk;

/// <summary>Options of the management client, which signs every request with an access key pair (AK/SK).</summary>
/// <remarks>
/// The client reads these values once, when it is created: changing the object afterwards does not affect it.
/// <see cref="ToString"/> never shows <see cref="AccessKeySecret"/>.
/// </remarks>
public sealed class ManagementClientOptions : IAuthingClientOptions
{
    /// <summary>The default <see cref="Host"/>: <c>https://api.authing.cn</c>.</summary>
    public const string DefaultHost = "https://api.authing.cn";

    /// <summary>The language value for Simplified Chinese messages, the default.</summary>
    public const string LanguageChinese = "zh-CN";

    /// <summary>The language value for English messages.</summary>
    public const string LanguageEnglish = "en-US";

    /// <summary>The user pool's access key id. Required.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The user pool's access key secret, used only as the HMAC key. Required; never logged or shown.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>
    /// The API host, <see cref="DefaultHost"/> unless you use a private deployment. A value without a scheme gets
    /// <c>https://</c>; <c>http://localhost:PORT</c> and <c>localhost:PORT</c> stay on plain HTTP; trailing slashes are removed.
    /// </summary>
    public string Host { get; set; } = DefaultHost;

    /// <summary>The language of server messages, sent as <c>x-authing-lang</c>: <c>zh-CN</c> (default) or <c>en-US</c>.</summary>
    public string Language { get; set; } = LanguageChinese;

    /// <summary>The tenant to act in, sent as <c>x-authing-app-id</c> when set.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The time allowed for one call, from sending to reading the whole response; 10 seconds by default.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it. It applies to a caller-provided <see cref="System.Net.Http.HttpClient"/> too.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When true, an HTTP 2xx response whose envelope <c>statusCode</c> is not 200 throws an
    /// <see cref="AuthingApiException"/> of kind <see cref="AuthingErrorKind.BusinessError"/>. False by default: the
    /// response is returned and the caller checks <see cref="AuthingResponse.IsSuccess"/>, as in the node SDK.
    /// </summary>
    public bool ThrowOnBusinessError { get; set; }

    /// <summary>
    /// When true, a response value that does not fit its documented type (an array where the docs say object, a string
    /// where they say boolean, …) throws an <see cref="AuthingApiException"/> of kind
    /// <see cref="AuthingErrorKind.InvalidResponse"/> whose message names its JSON path (<c>$.data.list[2].enabled</c>).
    /// False by default: such a value leaves its property empty (or is converted, when that is lossless, like <c>"12"</c>
    /// or <c>" false"</c>), is kept as received in the object's <c>AdditionalProperties</c>, and is logged once per type and
    /// field at Warning. Turn it on in tests to make docs errors surface.
    /// </summary>
    public bool StrictResponses { get; set; }

    /// <summary>
    /// The built-in retry policy: 2 retries by default on connection failures and HTTP 408, 429, 500, 502, 503 and 504,
    /// each attempt freshly signed. Authing uses POST for reads and writes alike, so POSTs are retried only when the
    /// request never reached the server unless a call opts in. <c>Retry.MaxRetries = 0</c> turns retries off.
    /// </summary>
    public AuthingRetryOptions Retry { get; set; } = new();

    /// <summary>Lists every problem with these options; the list is empty when they are usable. Secrets are never quoted.</summary>
    /// <returns>One message per problem, each naming the option.</returns>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        OptionChecks.Required(AccessKeyId, nameof(AccessKeyId), errors);
        OptionChecks.HeaderSafe(AccessKeyId, nameof(AccessKeyId), errors);
        OptionChecks.Required(AccessKeySecret, nameof(AccessKeySecret), errors);
        OptionChecks.NormalizeHost(Host, nameof(Host), errors);
        if (NormalizeLanguage(Language) is null)
        {
            errors.Add($"{nameof(Language)} must be '{LanguageChinese}' or '{LanguageEnglish}'.");
        }

        OptionChecks.HeaderSafe(TenantId, nameof(TenantId), errors);
        OptionChecks.Timeout(Timeout, nameof(Timeout), errors);
        if (Retry is null)
        {
            errors.Add($"{nameof(Retry)} must not be null.");
        }
        else
        {
            Retry.AddValidationErrors(nameof(Retry), errors);
        }

        return errors;
    }

    /// <summary>Throws when the options are not usable, listing every problem at once.</summary>
    /// <exception cref="ArgumentException">One or more options are missing or invalid.</exception>
    public void Validate() => OptionChecks.ThrowIfInvalid(GetValidationErrors(), nameof(ManagementClientOptions));

    /// <summary>Describes the options without the secret.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{nameof(ManagementClientOptions)} {{ {nameof(Host)} = {Host}, {nameof(AccessKeyId)} = {AccessKeyId}, {nameof(AccessKeySecret)} = {OptionChecks.DescribeSecret(AccessKeySecret)}, {nameof(Language)} = {Language}, {nameof(TenantId)} = {TenantId}, {nameof(Timeout)} = {Timeout}, {nameof(ThrowOnBusinessError)} = {ThrowOnBusinessError}, {nameof(StrictResponses)} = {StrictResponses}, {nameof(Retry)} = {Retry} }}");

    /// <summary>The canonical spelling of a supported language, or null.</summary>
    internal static string? NormalizeLanguage(string? language) =>
        string.Equals(language, LanguageChinese, StringComparison.OrdinalIgnoreCase) ? LanguageChinese
        : string.Equals(language, LanguageEnglish, StringComparison.OrdinalIgnoreCase) ? LanguageEnglish
        : null;

    /// <summary>The normalised host; call only after validation succeeded.</summary>
    internal string GetNormalizedHost() => OptionChecks.NormalizeHost(Host, nameof(Host), new List<string>())!;
}
