using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Authing.Sdk.Oidc;
using Authing.Sdk.Runtime;

namespace Authing.Sdk;

/// <summary>Options of the authentication client, which calls an application's own domain on behalf of its users.</summary>
/// <remarks>
/// The client reads these values once, when it is created: changing the object afterwards does not affect it (use the
/// client's <c>SetAccessToken</c> to change the user token). <see cref="ToString"/> never shows <see cref="AppSecret"/>
/// or <see cref="AccessToken"/>.
/// </remarks>
public sealed class AuthenticationClientOptions : IAuthingClientOptions
{
    /// <summary>The application id, sent as <c>x-authing-app-id</c> on every request. Required.</summary>
    public string? AppId { get; set; }

    /// <summary>The application secret. Required unless <see cref="TokenEndpointAuthMethod"/> is <see cref="Sdk.TokenEndpointAuthMethod.None"/>.</summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// The application's domain, e.g. <c>https://example.authing.cn</c>. Required. A value without a scheme gets
    /// <c>https://</c>; <c>http://localhost:PORT</c> and <c>localhost:PORT</c> stay on plain HTTP; trailing slashes are removed.
    /// </summary>
    public string? AppHost { get; set; }

    /// <summary>The user's access token, sent raw (without <c>Bearer</c>) in <c>authorization</c>. Optional.</summary>
    public string? AccessToken { get; set; }

    /// <summary>How the application authenticates on the token and sign-in endpoints; <see cref="Sdk.TokenEndpointAuthMethod.ClientSecretPost"/> by default.</summary>
    public TokenEndpointAuthMethod TokenEndpointAuthMethod { get; set; } = TokenEndpointAuthMethod.ClientSecretPost;

    /// <summary>
    /// The time allowed for one call, from sending to reading the whole response; 10 seconds by default.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it. It applies to a caller-provided <see cref="System.Net.Http.HttpClient"/> too.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When true, an HTTP 2xx response whose envelope <c>statusCode</c> is not 200 throws an
    /// <see cref="AuthingApiException"/> of kind <see cref="AuthingErrorKind.BusinessError"/>. False by default.
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
    /// Settings of the OIDC / OAuth 2.0 sign-in helpers (<c>client.Oidc</c>): protocol, scope, redirect URIs, issuer,
    /// clock skew and JWKS caching. Never null.
    /// </summary>
    public AuthingOidcOptions Oidc
    {
        get => _oidc;
        set => _oidc = value ?? throw new ArgumentNullException(nameof(value));
    }

    private AuthingOidcOptions _oidc = new();

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
        OptionChecks.Required(AppId, nameof(AppId), errors);
        OptionChecks.HeaderSafe(AppId, nameof(AppId), errors);
        if (TokenEndpointAuthMethod != TokenEndpointAuthMethod.None)
        {
            OptionChecks.Required(
                AppSecret,
                nameof(AppSecret),
                errors,
                $" unless {nameof(TokenEndpointAuthMethod)} is {nameof(Sdk.TokenEndpointAuthMethod.None)}");
        }

        OptionChecks.NormalizeHost(AppHost, nameof(AppHost), errors);
        OptionChecks.HeaderSafe(AccessToken, nameof(AccessToken), errors);
        if (!Enum.IsDefined(TokenEndpointAuthMethod))
        {
            errors.Add($"{nameof(TokenEndpointAuthMethod)} has an unknown value ({(int)TokenEndpointAuthMethod}).");
        }

        OptionChecks.Timeout(Timeout, nameof(Timeout), errors);
        Oidc.AddValidationErrors(errors);
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
    public void Validate() => OptionChecks.ThrowIfInvalid(GetValidationErrors(), nameof(AuthenticationClientOptions));

    /// <summary>Describes the options without the secret or the token.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{nameof(AuthenticationClientOptions)} {{ {nameof(AppHost)} = {AppHost}, {nameof(AppId)} = {AppId}, {nameof(AppSecret)} = {OptionChecks.DescribeSecret(AppSecret)}, {nameof(AccessToken)} = {OptionChecks.DescribeSecret(AccessToken)}, {nameof(TokenEndpointAuthMethod)} = {TokenEndpointAuthMethod}, {nameof(Timeout)} = {Timeout}, {nameof(ThrowOnBusinessError)} = {ThrowOnBusinessError}, {nameof(StrictResponses)} = {StrictResponses}, {nameof(Retry)} = {Retry} }}");

    /// <summary>The normalised host; call only after validation succeeded.</summary>
    internal string GetNormalizedHost() => OptionChecks.NormalizeHost(AppHost, nameof(AppHost), new List<string>())!;
}
