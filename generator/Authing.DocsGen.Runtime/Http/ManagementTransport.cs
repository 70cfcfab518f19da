using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Authing.Sdk.Runtime;

/// <summary>
/// The management client's transport: signs every request with the access key pair (HMAC-SHA1, signature version 1.0,
/// WIRE.md §2.2–2.3). No token is fetched or cached. A retried message is signed again (see <see cref="AuthingSigningHandler"/>).
/// </summary>
/// <remarks>
/// The options are validated and copied when the transport is created. Each request gets a fresh <c>date</c> and a
/// fresh 128-bit nonce from <see cref="RandomNumberGenerator"/>; nothing per request is stored on the instance, so
/// concurrent calls are safe.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ManagementTransport : AuthingTransport
{
    private readonly string _accessKeyId;
    private readonly byte[] _secretKey;
    private readonly string _language;
    private readonly string? _tenantId;
    private readonly string _sdkVersionHeader;
    private readonly TimeProvider _timeProvider;
    private readonly Func<string> _nonceFactory;

    /// <summary>Creates a transport with its own <see cref="HttpClient"/> (default handler, TLS certificate validation on).</summary>
    /// <param name="options">The client options; validated and copied.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ManagementTransport(ManagementClientOptions options)
        : this(ValidateFirst(options), CreateOwnedHttpClient(), ownsHttpClient: true, null, TimeProvider.System, CreateNonce)
    {
    }

    /// <summary>Creates a transport over a caller-provided <see cref="HttpClient"/>, which it does not dispose.</summary>
    /// <param name="httpClient">The client to send with, e.g. from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The client options; validated and copied.</param>
    /// <param name="logger">Receives one entry per call (verb, path, status, time); never headers or secrets.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ManagementTransport(HttpClient httpClient, ManagementClientOptions options, ILogger? logger = null)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false, logger, TimeProvider.System, CreateNonce)
    {
    }

    /// <summary>For tests: a fixed clock, nonce source and, to reproduce node's vectors, SDK version header.</summary>
    internal ManagementTransport(
        ManagementClientOptions options,
        HttpClient httpClient,
        bool ownsHttpClient,
        ILogger? logger,
        TimeProvider timeProvider,
        Func<string> nonceFactory,
        string? sdkVersionHeader = null)
        : base(
            httpClient,
            ownsHttpClient,
            ValidateFirst(options).GetNormalizedHost(),
            options.Timeout,
            options.ThrowOnBusinessError,
            options.StrictResponses,
            logger,
            options.Retry)
    {
        _accessKeyId = options.AccessKeyId!;
        _secretKey = Encoding.UTF8.GetBytes(options.AccessKeySecret!);
        _language = ManagementClientOptions.NormalizeLanguage(options.Language)!;
        _tenantId = string.IsNullOrEmpty(options.TenantId) ? null : options.TenantId;
        _sdkVersionHeader = sdkVersionHeader ?? "authing-dotnet-docsgen:" + SdkVersion;
        _timeProvider = timeProvider;
        _nonceFactory = nonceFactory;
    }

    /// <inheritdoc />
    private protected override bool SendsContentTypeWithoutBody => true;

    /// <summary>The language is signed with the other <c>x-authing-*</c> headers in <see cref="Authenticate"/>.</summary>
    private protected override void AddLanguage(HttpRequestMessage message, CallSettings settings)
    {
    }

    private protected override void Authenticate(HttpRequestMessage message, AuthingRequest request, CallSettings settings)
    {
        string date = _timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>(7)
        {
            new("date", date),
            new("x-authing-lang", settings.Language ?? _language),
            new("x-authing-sdk-version", _sdkVersionHeader),
            new("x-authing-signature-method", AuthingSigner.SignatureMethod),
            new("x-authing-signature-nonce", _nonceFactory()),
            new("x-authing-signature-version", AuthingSigner.SignatureVersion),
        };
        if (_tenantId is not null)
        {
            headers.Add(new("x-authing-app-id", _tenantId));
        }

        string stringToSign = AuthingSigner.BuildStringToSign(
            request.Method.Method, headers, request.Path, request.SigningPairs);
        string signature = AuthingSigner.ComputeSignature(_secretKey, stringToSign);
        foreach (KeyValuePair<string, string> header in headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        message.Headers.TryAddWithoutValidation("authorization", AuthingSigner.BuildAuthorization(_accessKeyId, signature));
    }

    /// <summary>32 lowercase hex characters from a cryptographic random source.</summary>
    internal static string CreateNonce()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    private static ManagementClientOptions ValidateFirst(ManagementClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        HeaderValues.Check(nameof(ManagementClientOptions), nameof(options.AccessKeyId), options.AccessKeyId);
        HeaderValues.Check(nameof(ManagementClientOptions), nameof(options.TenantId), options.TenantId);
        return options;
    }
}
