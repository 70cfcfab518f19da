using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Authing.Sdk.Runtime;

/// <summary>
/// Sends <see cref="AuthingRequest"/>s and reads Authing responses; the two subclasses add each client's authentication.
/// Thread-safe: one instance serves any number of concurrent calls.
/// </summary>
/// <remarks>
/// <para>
/// Each call gets its own <see cref="HttpRequestMessage"/> with every header on it (never on
/// <see cref="HttpClient.DefaultRequestHeaders"/>), its own timeout (a linked <see cref="CancellationTokenSource"/>, so it
/// holds for a caller-provided <see cref="HttpClient"/> as well). Failed attempts are retried as <see cref="AuthingRetryOptions"/>
/// describes, each with a new message: a fresh <c>date</c>, nonce and signature.
/// </para>
/// <para>
/// Failures: HTTP non-2xx, unreadable bodies, timeouts and network errors throw <see cref="AuthingApiException"/>;
/// cancelling through the caller's token throws <see cref="OperationCanceledException"/> with that token.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AuthingTransport : IDisposable
{
    /// <summary>
    /// The largest response body read, 64 MiB: far above any Authing response, and a bound on what a broken or hostile
    /// server can make the client buffer. A larger body fails with <see cref="AuthingErrorKind.InvalidResponse"/>.
    /// </summary>
    internal const int MaxResponseBytes = 64 * 1024 * 1024;

    /// <summary>The SDK's version, from the assembly's informational version without the source-revision suffix.</summary>
    internal static readonly string SdkVersion = ReadSdkVersion();

    private static readonly string s_userAgent = "authing-dotnet-docsgen/" + SdkVersion;

#if NETSTANDARD2_0
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif


    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string _baseUrl;
    private readonly Uri _baseUri;
    private readonly TimeSpan _timeout;
    private readonly bool _throwOnBusinessError;
    private readonly bool _strictResponses;
    private readonly ILogger? _logger;
    private readonly ResponseMismatchLog? _mismatchLog;
    private readonly bool _addUserAgent;
    private readonly AuthingRetryOptions _retry;

    // The settings of a call without options: immutable, so one instance serves every such call.
    private readonly CallSettings _defaultSettings;
    private int _disposed;

    [ThreadStatic]
    private static Random? t_jitter;

    private protected AuthingTransport(
        HttpClient httpClient,
        bool ownsHttpClient,
        string baseUrl,
        TimeSpan timeout,
        bool throwOnBusinessError,
        bool strictResponses,
        ILogger? logger,
        AuthingRetryOptions retry)
    {
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _baseUrl = baseUrl;
        _baseUri = new Uri(baseUrl, UriKind.Absolute);
        _timeout = timeout;
        _throwOnBusinessError = throwOnBusinessError;
        _strictResponses = strictResponses;
        _logger = logger;
        _mismatchLog = logger is null ? null : new ResponseMismatchLog(logger);
        _addUserAgent = httpClient.DefaultRequestHeaders.UserAgent.Count == 0;
        _retry = retry.Clone();
        _defaultSettings = CallSettings.Create(null, _timeout, _retry.MaxRetries);
    }

    /// <summary>The normalised base URL requests are sent to, without a trailing slash.</summary>
    public string BaseUrl => _baseUrl;

    /// <summary>The time allowed for each attempt of a call.</summary>
    public TimeSpan Timeout => _timeout;

    /// <summary>Retries after a failed first attempt, unless a call sets its own.</summary>
    public int MaxRetries => _retry.MaxRetries;

    /// <summary>Whether a request without a body still carries <c>content-type: application/json</c>.</summary>
    private protected virtual bool SendsContentTypeWithoutBody => false;

    /// <summary>Sends a request and reads its JSON response with <paramref name="responseConverter"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseConverter">The generated converter of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The response.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public Task<T> SendAsync<T>(AuthingRequest request, JsonConverter<T> responseConverter, CancellationToken cancellationToken)
        where T : class =>
        SendAsync(request, responseConverter, null, cancellationToken);

    /// <summary>Sends a request and reads its JSON response with <paramref name="responseConverter"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseConverter">The generated converter of <typeparamref name="T"/>.</param>
    /// <param name="options">This call's settings (timeout, headers, language, retries, access token), or null for the client's.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The response. When it is an <see cref="AuthingResponse"/> whose <see cref="AuthingResponse.StatusCode"/> is not
    /// 200, it is returned as is unless the options ask to throw.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public Task<T> SendAsync<T>(
        AuthingRequest request,
        JsonConverter<T> responseConverter,
        AuthingRequestOptions? options,
        CancellationToken cancellationToken)
        where T : class =>
        SendValueAsync(request, responseConverter, options, null, cancellationToken);

    /// <summary>Sends a request and returns the typed response with the HTTP status, headers and body it was read from.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseConverter">The generated converter of <typeparamref name="T"/>.</param>
    /// <param name="options">This call's settings, or null for the client's.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The response and its HTTP details.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public Task<AuthingRawResponse<T>> SendRawAsync<T>(
        AuthingRequest request,
        JsonConverter<T> responseConverter,
        AuthingRequestOptions? options,
        CancellationToken cancellationToken)
        where T : class =>
        SendCoreAsync(request, responseConverter, options, null, cancellationToken);

    /// <summary>The call's settings: the cached client defaults unless this call or a user-scoped client changes them.</summary>
    private CallSettings Settings(AuthingRequestOptions? options, string? scopedAccessToken) =>
        options is null && scopedAccessToken is null
            ? _defaultSettings
            : CallSettings.Create(options, _timeout, _retry.MaxRetries, scopedAccessToken);

    /// <summary>Sends and reads the typed response only: no headers collected, no copy of the body.</summary>
    private protected async Task<T> SendValueAsync<T>(
        AuthingRequest request,
        JsonConverter<T> responseConverter,
        AuthingRequestOptions? options,
        string? scopedAccessToken,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseConverter);
        CallSettings settings = Settings(options, scopedAccessToken);
        Answer answer = await SendCoreAsync(request, settings, keepHeaders: false, cancellationToken).ConfigureAwait(false);
        try
        {
            return ReadResponse(request, answer, responseConverter);
        }
        finally
        {
            answer.Body.Release();
        }
    }

    /// <summary>
    /// Sends with the call's settings resolved and returns the HTTP details with the typed response: the headers are
    /// collected and the body copied out of its pooled buffer (<see cref="SendValueAsync"/> does neither).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="responseConverter">The generated converter of <typeparamref name="T"/>.</param>
    /// <param name="options">This call's settings, or null for the client's.</param>
    /// <param name="scopedAccessToken">A user-scoped client's token, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<AuthingRawResponse<T>> SendCoreAsync<T>(
        AuthingRequest request,
        JsonConverter<T> responseConverter,
        AuthingRequestOptions? options,
        string? scopedAccessToken,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseConverter);
        CallSettings settings = Settings(options, scopedAccessToken);
        Answer answer = await SendCoreAsync(request, settings, keepHeaders: true, cancellationToken).ConfigureAwait(false);
        try
        {
            T result = ReadResponse(request, answer, responseConverter);
            return new AuthingRawResponse<T>(result, answer.Status, answer.Headers!, answer.Body.ToArray());
        }
        finally
        {
            answer.Body.Release();
        }
    }

    /// <summary>Reads a 2xx body with the generated converter and checks the envelope; the body stays the caller's.</summary>
    private T ReadResponse<T>(AuthingRequest request, in Answer answer, JsonConverter<T> responseConverter)
        where T : class
    {
        ReadOnlyMemory<byte> body = answer.Body.Memory;
        T? result;
        try
        {
            ReadOnlyMemory<byte> json = body.Slice(body.Length - WithoutBom(body.Span).Length);
            if (json.IsEmpty)
            {
                throw new JsonException("The response body is empty.");
            }

            // JSON is UTF-8 (RFC 8259 §8.1). Checked once here, so that a value kept raw (an unknown field, a value that
            // did not fit) can never throw later, in the caller's code, when it is read as text.
            if (!IsValidUtf8(json.Span))
            {
                throw new JsonException("The response body is not valid UTF-8.");
            }

            // Converters report values that do not fit their documented type to this read's context (path, log, strictness).
            using (AuthingReadContext.Enter(json, _mismatchLog?.ForCall(request.Method.Method, request.Path), _strictResponses))
            {
                var reader = new Utf8JsonReader(json.Span);
                reader.Read();
                result = responseConverter.Read(ref reader, typeof(T), AuthingJson.Options);
                if (reader.Read())
                {
                    throw new JsonException("The response body holds more than one JSON value.");
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever a converter throws on a body it cannot read (JsonException, InvalidOperationException for invalid
            // UTF-8, FormatException, OverflowException, …) is the server's fault: the caller gets the typed exception.
            throw AuthingErrors.InvalidResponse(request, answer.Status, body.Span, ex);
        }

        if (result is null)
        {
            throw AuthingErrors.InvalidResponse(request, answer.Status, body.Span, new JsonException("The response body is null."));
        }

        // Every Authing envelope carries its business status; a 2xx body without one is not Authing's answer (a proxy's
        // page, a misrouted call), and reading it as a success would hide that.
        if (result is AuthingResponse { StatusCode: null })
        {
            throw AuthingErrors.InvalidResponse(
                request, answer.Status, body.Span, new JsonException("The response has no 'statusCode': it is not an Authing response envelope."));
        }

        if (_throwOnBusinessError && result is AuthingResponse envelope && !envelope.IsSuccess)
        {
            throw AuthingErrors.BusinessError(
                request, answer.Status, body.Span, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId);
        }

        return result;
    }

    /// <summary>Sends a request whose response body is not needed; the HTTP status, and the envelope when there is one, are still checked.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>A task that completes when the response has been read.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public Task SendAsync(AuthingRequest request, CancellationToken cancellationToken) => SendAsync(request, null, cancellationToken);

    /// <summary>Sends a request whose response body is not needed; the HTTP status, and the envelope when there is one, are still checked.</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">This call's settings, or null for the client's.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>A task that completes when the response has been read.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public async Task SendAsync(AuthingRequest request, AuthingRequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CallSettings settings = options is null ? _defaultSettings : CallSettings.Create(options, _timeout, _retry.MaxRetries);
        Answer answer = await SendCoreAsync(request, settings, keepHeaders: false, cancellationToken).ConfigureAwait(false);
        try
        {
            if (_throwOnBusinessError && AuthingErrors.BusinessErrorOrNull(request, answer.Status, answer.Body.Span) is { } failure)
            {
                throw failure;
            }
        }
        finally
        {
            answer.Body.Release();
        }
    }

    /// <summary>
    /// Sends a request and returns the 2xx body unread, for protocol endpoints whose responses are not Authing envelopes
    /// (OIDC/OAuth). Timeouts, network failures and non-2xx statuses throw as in <see cref="SendAsync{T}(AuthingRequest, JsonConverter{T}, CancellationToken)"/>.
    /// </summary>
    internal async Task<(int Status, byte[] Body)> SendForBodyAsync(AuthingRequest request, CancellationToken cancellationToken)
    {
        // The client's retry policy and timeout apply as to any call; a protocol POST is retried only when it never
        // reached the server.
        CallSettings settings = _defaultSettings;
        Answer answer = await SendCoreAsync(request, settings, keepHeaders: false, cancellationToken).ConfigureAwait(false);
        try
        {
            return (answer.Status, answer.Body.ToArray());
        }
        finally
        {
            answer.Body.Release();
        }
    }

    /// <summary>Releases the <see cref="HttpClient"/> when this transport created it; a caller-provided one is left alone.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Adds the client's authentication headers to a message that is about to be sent.</summary>
    /// <param name="message">The message; its URI, body and content headers are already set.</param>
    /// <param name="request">The request it was built from.</param>
    /// <param name="settings">The call's settings (language, access token).</param>
    private protected abstract void Authenticate(HttpRequestMessage message, AuthingRequest request, CallSettings settings);

    /// <summary>Replaces the authentication headers of a message about to be sent again: a new date, nonce and signature.</summary>
    internal void Resign(HttpRequestMessage message, AuthingRequest request, CallSettings settings)
    {
        var stale = new List<string>();
        foreach (KeyValuePair<string, IEnumerable<string>> header in message.Headers)
        {
            if (header.Key.StartsWith("x-authing-", StringComparison.OrdinalIgnoreCase)
                || string.Equals(header.Key, "authorization", StringComparison.OrdinalIgnoreCase)
                || string.Equals(header.Key, "date", StringComparison.OrdinalIgnoreCase))
            {
                stale.Add(header.Key);
            }
        }

        foreach (string name in stale)
        {
            message.Headers.Remove(name);
        }

        AddLanguage(message, settings);
        Authenticate(message, request, settings);
    }

    /// <summary>A new <see cref="HttpClient"/> for a transport that owns it: TLS validation on, connections recycled for DNS changes.</summary>
    private protected static HttpClient CreateOwnedHttpClient() =>
#if NETSTANDARD2_0
        // netstandard2.0 has no SocketsHttpHandler; on .NET Core the default handler is the sockets one.
        new(new AuthingSigningHandler(new HttpClientHandler()), disposeHandler: true)
#else
        new(new AuthingSigningHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), disposeHandler: true)
#endif
        {
            // The transport applies its own per-call timeout.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> body) =>
        body.StartsWith("\uFEFF"u8) ? body.Slice(3) : body;

    private static bool IsValidUtf8(ReadOnlySpan<byte> json)
    {
#if NETSTANDARD2_0
        try
        {
            s_strictUtf8.GetCharCount(json.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
#else
        return System.Text.Unicode.Utf8.IsValid(json);
#endif
    }

    private static string ReadSdkVersion()
    {
        string? version = typeof(AuthingTransport).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return "0.0.0";
        }

        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>
    /// One logical call: its span around the attempts. The caller must release the answer's body. Without a listener for
    /// the span, the attempts are returned directly (one state machine less per call).
    /// </summary>
    private Task<Answer> SendCoreAsync(AuthingRequest request, CallSettings settings, bool keepHeaders, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        Activity? call = AuthingTelemetry.StartCall(request.Method.Method, request.PathTemplate, _baseUri);
        return call is null
            ? SendWithRetriesAsync(request, settings, keepHeaders, cancellationToken)
            : SendTracedAsync(call, request, settings, keepHeaders, cancellationToken);
    }

    private async Task<Answer> SendTracedAsync(Activity call, AuthingRequest request, CallSettings settings, bool keepHeaders, CancellationToken cancellationToken)
    {
        try
        {
            Answer result = await SendWithRetriesAsync(request, settings, keepHeaders, cancellationToken).ConfigureAwait(false);
            if (call is { IsAllDataRequested: true })
            {
                call.SetTag("http.response.status_code", result.Status);
                AuthingEnvelopeReader envelope = AuthingEnvelopeReader.TryRead(result.Body.Span);
                AuthingTelemetry.AddEnvelope(call, envelope.StatusCode, envelope.ApiCode, envelope.RequestId);
            }

            return result;
        }
        catch (AuthingApiException ex)
        {
            if (ex.HttpStatusCode is int status)
            {
                call.SetTag("http.response.status_code", status);
            }

            AuthingTelemetry.AddEnvelope(call, ex.StatusCode, ex.ApiCode, ex.RequestId);
            call.SetTag("error.type", AuthingTelemetry.ErrorType(ex));
            call.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        catch (OperationCanceledException)
        {
            call.SetTag("error.type", "cancelled");
            call.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            call.Dispose();
        }
    }

    private async Task<Answer> SendWithRetriesAsync(AuthingRequest request, CallSettings settings, bool keepHeaders, CancellationToken cancellationToken)
    {
        string method = request.Method.Method;
        for (int attempt = 0; ; attempt++)
        {
            TimeSpan delay;
            Activity? span = AuthingTelemetry.StartAttempt(method, request.PathTemplate, _baseUri, attempt);
            long started = Stopwatch.GetTimestamp();
            try
            {
                Answer result = await SendOnceAsync(request, settings, keepHeaders, cancellationToken).ConfigureAwait(false);
                AuthingTelemetry.EndAttempt(span, method, request.PathTemplate, result.Status, null, Stopwatch.GetElapsedTime(started));
                return result;
            }
            catch (AuthingApiException ex)
            {
                AuthingTelemetry.EndAttempt(span, method, request.PathTemplate, ex.HttpStatusCode, AuthingTelemetry.ErrorType(ex), Stopwatch.GetElapsedTime(started));
                if (attempt >= settings.MaxRetries || !IsRetryable(ex, request, settings))
                {
                    throw;
                }

                delay = RetryDelay(ex, attempt);
                AuthingLog.Retry(_logger, method, request.Path, attempt + 1, delay);
            }
            catch (OperationCanceledException)
            {
                AuthingTelemetry.EndAttempt(span, method, request.PathTemplate, null, "cancelled", Stopwatch.GetElapsedTime(started));
                throw;
            }
            catch (Exception ex)
            {
                // A programming error (an unset path parameter, …): the span still ends, typed as OpenTelemetry asks.
                AuthingTelemetry.EndAttempt(span, method, request.PathTemplate, null, ex.GetType().FullName, Stopwatch.GetElapsedTime(started));
                throw;
            }

            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                throw new OperationCanceledException(
                    $"The Authing request {request.Method.Method} {request.PathTemplate} was cancelled.", ex, cancellationToken);
            }
        }
    }

    /// <summary>Whether a failed attempt may be repeated: the failure is transient, and the request safe to repeat or never received.</summary>
    private static bool IsRetryable(AuthingApiException failure, AuthingRequest request, CallSettings settings) => failure.Kind switch
    {
        AuthingErrorKind.Network => failure.NeverReachedServer || settings.MayRepeat(request.Method),
        AuthingErrorKind.HttpError => failure.HttpStatusCode is 408 or 429 or 500 or 502 or 503 or 504 && settings.MayRepeat(request.Method),
        _ => false,
    };

    /// <summary>The wait before the next attempt: the server's <c>Retry-After</c> when it is within the cap, else jittered exponential backoff.</summary>
    /// <exception cref="AuthingApiException">The server asked to wait longer than <see cref="AuthingRetryOptions.MaxRetryAfter"/>.</exception>
    private TimeSpan RetryDelay(AuthingApiException failure, int attempt)
    {
        if (failure.RetryAfter is TimeSpan retryAfter)
        {
            if (retryAfter > _retry.MaxRetryAfter)
            {
                // Waiting would look like a hang; the caller decides what to do with the server's value.
                throw AuthingErrors.RetryAfterTooLong(failure, retryAfter, _retry.MaxRetryAfter);
            }

            return retryAfter;
        }

        double ceiling = Math.Min(
            _retry.MaxDelay.TotalMilliseconds,
            _retry.InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));

        // Equal jitter: at least half the backoff, so that retries from many clients spread out without ever being immediate.
        double jittered = (ceiling / 2) + ((t_jitter ??= new Random()).NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }

    private async Task<Answer> SendOnceAsync(AuthingRequest request, CallSettings settings, bool keepHeaders, CancellationToken cancellationToken)
    {
        string method = request.Method.Method;
        using HttpRequestMessage message = CreateMessage(request, settings);
        long started = Stopwatch.GetTimestamp();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            timeoutSource.CancelAfter(settings.Timeout);
        }

        int status;
        PooledBody body = default;
        IReadOnlyDictionary<string, string>? headers = null;
        TimeSpan? retryAfter = null;
        try
        {
            using HttpResponseMessage response = await _httpClient
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token)
                .ConfigureAwait(false);
            status = (int)response.StatusCode;
            bool success = status is >= 200 and <= 299;
            if (keepHeaders || !success)
            {
                headers = ResponseHeaderMap(response);
                retryAfter = ReadRetryAfter(response);
            }

            body = await ReadBodyAsync(response.Content, request, status, started, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            body.Release();
            throw new OperationCanceledException(
                $"The Authing request {method} {request.PathTemplate} was cancelled.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            // Our timeout, or the HttpClient's own Timeout when it is shorter.
            body.Release();
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            AuthingLog.Failure(_logger, method, request.Path, nameof(AuthingErrorKind.Timeout), elapsed);
            throw AuthingErrors.Timeout(request, elapsed, settings.Timeout, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            body.Release();
            AuthingLog.Failure(_logger, method, request.Path, nameof(AuthingErrorKind.Network), Stopwatch.GetElapsedTime(started));
            throw AuthingErrors.Network(request, ex, IsConnectFailure(ex));
        }
        catch
        {
            body.Release();
            throw;
        }

        TimeSpan total = Stopwatch.GetElapsedTime(started);
        AuthingLog.Response(_logger, method, request.Path, status, total);
        if (status is < 200 or > 299)
        {
            AuthingLog.Failure(_logger, method, request.Path, nameof(AuthingErrorKind.HttpError), total);
            try
            {
                throw AuthingErrors.HttpError(request, status, body.Span, headers!, retryAfter);
            }
            finally
            {
                body.Release();
            }
        }

        return new Answer(status, body, headers);
    }

    /// <summary>
    /// True when the connection could not be opened (refused, name not resolved, network unreachable): the server never
    /// saw the request, so even a POST can be sent again.
    /// </summary>
    private static bool IsConnectFailure(Exception failure)
    {
#if !NETSTANDARD2_0
        if (failure is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }
#endif
        for (Exception? cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is System.Net.Sockets.SocketException socket
                && socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionRefused
                    or System.Net.Sockets.SocketError.HostNotFound
                    or System.Net.Sockets.SocketError.HostUnreachable
                    or System.Net.Sockets.SocketError.NetworkUnreachable
                    or System.Net.Sockets.SocketError.TryAgain)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The response's headers (content headers included), multiple values joined with <c>, </c>.</summary>
    private static IReadOnlyDictionary<string, string> ResponseHeaderMap(HttpResponseMessage response)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            map[header.Key] = string.Join(", ", header.Value);
        }

        if (response.Content is not null)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
            {
                map[header.Key] = string.Join(", ", header.Value);
            }
        }

        return map;
    }

    /// <summary><c>Retry-After</c> as a delay: delta-seconds, or an HTTP date relative to now (RFC 9110 §10.2.3).</summary>
    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? value = response.Headers.RetryAfter;
        if (value?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// Reads the whole body into a buffer rented from <see cref="ArrayPool{T}"/> (sized by <c>Content-Length</c> when the
    /// server sends one), failing as soon as it is known to exceed <see cref="MaxResponseBytes"/>.
    /// </summary>
    private async Task<PooledBody> ReadBodyAsync(HttpContent content, AuthingRequest request, int status, long started, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared is > MaxResponseBytes)
        {
            throw TooLarge(request, status, started);
        }

        cancellationToken.ThrowIfCancellationRequested();
#if NETSTANDARD2_0
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);

        // Streams that ignore the token (.NET Framework's) are unblocked by disposing them.
        using CancellationTokenRegistration registration = cancellationToken.Register(static s => ((IDisposable)s!).Dispose(), stream);
#else
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#endif

        // One byte more than declared, so that the end of the stream is seen without growing the buffer.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is long length ? (int)length + 1 : 16 * 1024);
        int filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (filled >= MaxResponseBytes)
                    {
                        throw TooLarge(request, status, started);
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, MaxResponseBytes + 1L));
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

#if NETSTANDARD2_0
                int read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
#else
                int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
#endif
                if (read <= 0)
                {
                    break;
                }

                filled += read;
                if (filled > MaxResponseBytes)
                {
                    throw TooLarge(request, status, started);
                }
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException and not AuthingApiException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new OperationCanceledException("Reading the response body was cancelled.", ex, cancellationToken);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, filled);
    }

    private AuthingApiException TooLarge(AuthingRequest request, int status, long started)
    {
        AuthingLog.Failure(_logger, request.Method.Method, request.Path, nameof(AuthingErrorKind.InvalidResponse), Stopwatch.GetElapsedTime(started));
        return AuthingErrors.TooLarge(request, status, MaxResponseBytes);
    }

    private HttpRequestMessage CreateMessage(AuthingRequest request, CallSettings settings)
    {
        string query = request.QueryString;
        string url = query.Length == 0 ? _baseUrl + request.Path : string.Concat(_baseUrl, request.Path, "?", query);
        var message = new HttpRequestMessage(request.Method, new Uri(url, UriKind.Absolute));
        try
        {
            message.Headers.TryAddWithoutValidation("accept", "application/json");
            if (_addUserAgent)
            {
                message.Headers.TryAddWithoutValidation("user-agent", s_userAgent);
            }

            if (request.HasBody)
            {
#if NETSTANDARD2_0
                var content = new ByteArrayContent(request.Body.ToArray());
#else
                var content = new ReadOnlyMemoryContent(request.Body);
#endif
                content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
                message.Content = content;
            }
            else if (SendsContentTypeWithoutBody)
            {
                // As the official SDK (WIRE.md §2.2): an empty body declared as JSON, so GETs carry content-type too.
                message.Content = new ByteArrayContent(Array.Empty<byte>());
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            foreach (KeyValuePair<string, string> header in settings.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            AddLanguage(message, settings);
            Authenticate(message, request, settings);
            new SigningState(this, request, settings).AttachTo(message);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>A per-call language for a transport that does not sign it; the management transport signs its own.</summary>
    private protected virtual void AddLanguage(HttpRequestMessage message, CallSettings settings)
    {
        if (settings.Language is not null)
        {
            message.Headers.TryAddWithoutValidation("x-authing-lang", settings.Language);
        }
    }

    /// <summary>What one attempt brought back: the status, the body in a pooled buffer, and the headers when asked for.</summary>
    private readonly struct Answer
    {
        public Answer(int status, PooledBody body, IReadOnlyDictionary<string, string>? headers)
        {
            Status = status;
            Body = body;
            Headers = headers;
        }

        public int Status { get; }

        public PooledBody Body { get; }

        public IReadOnlyDictionary<string, string>? Headers { get; }
    }

    /// <summary>A response body in an array rented from <see cref="ArrayPool{T}.Shared"/>; released exactly once by its reader.</summary>
    private readonly struct PooledBody
    {
        private readonly byte[]? _array;
        private readonly int _length;

        public PooledBody(byte[] array, int length)
        {
            _array = array;
            _length = length;
        }

        public ReadOnlySpan<byte> Span => _array is null ? default : _array.AsSpan(0, _length);

        public ReadOnlyMemory<byte> Memory => _array is null ? default : _array.AsMemory(0, _length);

        public byte[] ToArray() => Span.ToArray();

        public void Release()
        {
            if (_array is not null)
            {
                ArrayPool<byte>.Shared.Return(_array);
            }
        }
    }
}
