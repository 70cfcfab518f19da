using System;
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
/// holds for a caller-provided <see cref="HttpClient"/> as well) and is never retried.
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

#if NETSTANDARD2_0
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif


    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string _baseUrl;
    private readonly TimeSpan _timeout;
    private readonly bool _throwOnBusinessError;
    private readonly bool _strictResponses;
    private readonly ILogger? _logger;
    private readonly ResponseMismatchLog? _mismatchLog;
    private readonly bool _addUserAgent;
    private int _disposed;

    private protected AuthingTransport(
        HttpClient httpClient,
        bool ownsHttpClient,
        string baseUrl,
        TimeSpan timeout,
        bool throwOnBusinessError,
        bool strictResponses,
        ILogger? logger)
    {
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _baseUrl = baseUrl;
        _timeout = timeout;
        _throwOnBusinessError = throwOnBusinessError;
        _strictResponses = strictResponses;
        _logger = logger;
        _mismatchLog = logger is null ? null : new ResponseMismatchLog(logger);
        _addUserAgent = httpClient.DefaultRequestHeaders.UserAgent.Count == 0;
    }

    /// <summary>The normalised base URL requests are sent to, without a trailing slash.</summary>
    public string BaseUrl => _baseUrl;

    /// <summary>The time allowed for one call.</summary>
    public TimeSpan Timeout => _timeout;

    /// <summary>Sends a request and reads its JSON response with <paramref name="responseConverter"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseConverter">The generated converter of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The response. When it is an <see cref="AuthingResponse"/> whose <see cref="AuthingResponse.StatusCode"/> is not
    /// 200, it is returned as is unless the options ask to throw.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public async Task<T> SendAsync<T>(
        AuthingRequest request,
        JsonConverter<T> responseConverter,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseConverter);
        (int status, byte[] body) = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);

        T? result;
        try
        {
            ReadOnlyMemory<byte> json = body.AsMemory(body.Length - WithoutBom(body).Length);
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
            throw InvalidResponse(request, status, body, ex);
        }

        if (result is null)
        {
            throw InvalidResponse(request, status, body, new JsonException("The response body is null."));
        }

        // Every Authing envelope carries its business status; a 2xx body without one is not Authing's answer (a proxy's
        // page, a misrouted call), and reading it as a success would hide that.
        if (result is AuthingResponse { StatusCode: null })
        {
            throw InvalidResponse(request, status, body, new JsonException("The response has no 'statusCode': it is not an Authing response envelope."));
        }

        if (_throwOnBusinessError && result is AuthingResponse envelope && !envelope.IsSuccess)
        {
            throw BusinessError(request, status, body, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId);
        }

        return result;
    }

    /// <summary>Sends a request whose response body is not needed; the HTTP status, and the envelope when there is one, are still checked.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>A task that completes when the response has been read.</returns>
    /// <exception cref="AuthingApiException">The call failed; <see cref="AuthingApiException.Kind"/> says how.</exception>
    public async Task SendAsync(AuthingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (int status, byte[] body) = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        if (_throwOnBusinessError)
        {
            Envelope envelope = Envelope.TryRead(body);
            if (envelope.StatusCode is int code && code != 200)
            {
                throw BusinessError(request, status, body, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId);
            }
        }
    }

    /// <summary>
    /// Sends a request and returns the 2xx body unread, for protocol endpoints whose responses are not Authing envelopes
    /// (OIDC/OAuth). Timeouts, network failures and non-2xx statuses throw as in <see cref="SendAsync{T}"/>.
    /// </summary>
    internal Task<(int Status, byte[] Body)> SendForBodyAsync(AuthingRequest request, CancellationToken cancellationToken) =>
        SendCoreAsync(request, cancellationToken);

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
    private protected abstract void Authenticate(HttpRequestMessage message, AuthingRequest request);

    /// <summary>A new <see cref="HttpClient"/> for a transport that owns it: TLS validation on, connections recycled for DNS changes.</summary>
    private protected static HttpClient CreateOwnedHttpClient() =>
#if NETSTANDARD2_0
        // netstandard2.0 has no SocketsHttpHandler; on .NET Core the default handler is the sockets one.
        new(new HttpClientHandler(), disposeHandler: true)
#else
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
#endif
        {
            // The transport applies its own per-call timeout.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    private static ReadOnlySpan<byte> WithoutBom(byte[] body) =>
        body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsSpan(3) : body.AsSpan();

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

    private static string BodyText(byte[] body) => Encoding.UTF8.GetString(WithoutBom(body));

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

    private async Task<(int Status, byte[] Body)> SendCoreAsync(AuthingRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        string method = request.Method.Method;
        string path = request.Path;
        using HttpRequestMessage message = CreateMessage(request);
        long started = Stopwatch.GetTimestamp();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            timeoutSource.CancelAfter(_timeout);
        }

        int status;
        byte[] body;
        try
        {
            using HttpResponseMessage response = await _httpClient
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token)
                .ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await ReadBodyAsync(response.Content, request, status, started, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(
                $"The Authing request {method} {request.PathTemplate} was cancelled.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            // Our timeout, or the HttpClient's own Timeout when it is shorter.
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            AuthingLog.Failure(_logger, method, path, nameof(AuthingErrorKind.Timeout), elapsed);
            throw new AuthingApiException(
                AuthingErrorKind.Timeout,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The Authing request {method} {request.PathTemplate} timed out after {elapsed.TotalSeconds:0.###} s (Timeout is {_timeout})."),
                null, null, null, null, null, null, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            AuthingLog.Failure(_logger, method, path, nameof(AuthingErrorKind.Network), Stopwatch.GetElapsedTime(started));
            throw new AuthingApiException(
                AuthingErrorKind.Network,
                $"The Authing request {method} {request.PathTemplate} failed: {ex.Message}",
                null, null, null, null, null, null, ex);
        }

        TimeSpan total = Stopwatch.GetElapsedTime(started);
        AuthingLog.Response(_logger, method, path, status, total);
        if (status is < 200 or > 299)
        {
            AuthingLog.Failure(_logger, method, path, nameof(AuthingErrorKind.HttpError), total);
            Envelope envelope = Envelope.TryRead(body);
            throw new AuthingApiException(
                AuthingErrorKind.HttpError,
                AuthingApiException.FormatMessage(
                    $"The Authing request {method} {request.PathTemplate} failed:",
                    status, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId),
                status, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId, BodyText(body), null);
        }

        return (status, body);
    }

    /// <summary>Reads the whole body, failing as soon as it is known to exceed <see cref="MaxResponseBytes"/>.</summary>
    private async Task<byte[]> ReadBodyAsync(HttpContent content, AuthingRequest request, int status, long started, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is > MaxResponseBytes)
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
        using var buffer = new MemoryStream((int)Math.Min(content.Headers.ContentLength ?? 4096, 1024 * 1024));
        byte[] chunk = new byte[16 * 1024];
        try
        {
            int read;
#if NETSTANDARD2_0
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
#else
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
#endif
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw TooLarge(request, status, started);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException and not AuthingApiException)
        {
            throw new OperationCanceledException("Reading the response body was cancelled.", ex, cancellationToken);
        }

        return buffer.ToArray();
    }

    private AuthingApiException TooLarge(AuthingRequest request, int status, long started)
    {
        AuthingLog.Failure(_logger, request.Method.Method, request.Path, nameof(AuthingErrorKind.InvalidResponse), Stopwatch.GetElapsedTime(started));
        return new AuthingApiException(
            AuthingErrorKind.InvalidResponse,
            AuthingApiException.FormatMessage(
                $"The Authing request {request.Method} {request.PathTemplate} returned a body larger than {MaxResponseBytes / (1024 * 1024)} MiB; it was not read.",
                status, null, null, null, null),
            status, null, null, null, null, null, null);
    }

    private HttpRequestMessage CreateMessage(AuthingRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_baseUrl + request.PathAndQuery, UriKind.Absolute));
        try
        {
            message.Headers.TryAddWithoutValidation("accept", "application/json");
            if (_addUserAgent)
            {
                message.Headers.TryAddWithoutValidation("user-agent", "authing-dotnet-docsgen/" + SdkVersion);
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

            Authenticate(message, request);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private AuthingApiException InvalidResponse(AuthingRequest request, int status, byte[] body, Exception cause)
    {
        Envelope envelope = Envelope.TryRead(body);
        return new AuthingApiException(
            AuthingErrorKind.InvalidResponse,
            AuthingApiException.FormatMessage(
                $"The Authing request {request.Method} {request.PathTemplate} returned a response that could not be read ({Describe(cause)})",
                status, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId),
            status, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId, BodyText(body), cause);
    }

    /// <summary>
    /// Why a body could not be read, without quoting it: the JSON reader's own messages cite the text around the error,
    /// and a body can carry tokens. Those are reduced to the position; the converters' messages name only types and
    /// fields. The full cause stays in <see cref="Exception.InnerException"/>, the body in <see cref="AuthingApiException.RawBody"/>.
    /// </summary>
    private static string Describe(Exception cause) => cause switch
    {
        JsonException { LineNumber: long line, BytePositionInLine: long position } =>
            string.Create(CultureInfo.InvariantCulture, $"invalid JSON at line {line + 1}, byte {position + 1}"),
        JsonException or FormatException => cause.Message,
        InvalidOperationException => "invalid UTF-8 or a value of an unexpected kind",
        _ => cause.GetType().Name,
    };

    private static AuthingApiException BusinessError(
        AuthingRequest request, int status, byte[] body, int? statusCode, int? apiCode, string? message, string? requestId) =>
        new(
            AuthingErrorKind.BusinessError,
            AuthingApiException.FormatMessage(
                $"The Authing request {request.Method} {request.PathTemplate} returned a business error:",
                status, statusCode, apiCode, message, requestId),
            status, statusCode, apiCode, message, requestId, BodyText(body), null);

    /// <summary>The envelope fields of a body, read leniently: anything missing or of another shape is null.</summary>
    private readonly record struct Envelope(int? StatusCode, int? ApiCode, string? Message, string? RequestId)
    {
        public static Envelope TryRead(byte[] body)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(body.AsMemory(WithoutBom(body).Length == body.Length ? 0 : 3));
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return default;
                }

                return new Envelope(
                    ReadInt(root, "statusCode"),
                    ReadInt(root, "apiCode"),
                    ReadString(root, "message"),
                    ReadString(root, "requestId"));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return default;
            }
        }

        private static int? ReadInt(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out JsonElement value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
            {
                return number;
            }

            if (value.ValueKind == JsonValueKind.String
                && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
            {
                return parsed;
            }

            return null;
        }

        private static string? ReadString(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out JsonElement value))
            {
                return null;
            }

            try
            {
                return value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => value.GetRawText(),
                };
            }
            catch (InvalidOperationException)
            {
                // A string that is not valid UTF-8: the other envelope fields are still worth reporting.
                return null;
            }
        }
    }
}
