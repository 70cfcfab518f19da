using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Authing.Sdk.Runtime;

namespace Authing.Sdk;

/// <summary>
/// Builds every <see cref="AuthingApiException"/> the SDK throws, one factory per failure: the message layout, the
/// envelope fields (read once, with <see cref="AuthingEnvelopeReader.TryRead"/>) and the raw body are put together here,
/// so that call sites name what happened instead of filling nine positional arguments.
/// </summary>
internal static class AuthingErrors
{
    /// <summary>The call's own timeout (or the <c>HttpClient</c>'s, when shorter) ended the attempt.</summary>
    public static AuthingApiException Timeout(AuthingRequest request, TimeSpan elapsed, TimeSpan timeout, Exception cause) =>
        new(
            AuthingErrorKind.Timeout,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The Authing request {request.Method} {request.PathTemplate} timed out after {elapsed.TotalSeconds:0.###} s (Timeout is {timeout})."),
            null, null, null, null, null, null, cause);

    /// <summary>The connection failed or broke; <paramref name="neverReachedServer"/> when it was never opened.</summary>
    public static AuthingApiException Network(AuthingRequest request, Exception cause, bool neverReachedServer) =>
        new(
            AuthingErrorKind.Network,
            $"The Authing request {request.Method} {request.PathTemplate} failed: {cause.Message}",
            null, null, null, null, null, null, cause)
        {
            NeverReachedServer = neverReachedServer,
        };

    /// <summary>A non-2xx answer.</summary>
    public static AuthingApiException HttpError(
        AuthingRequest request, int status, ReadOnlySpan<byte> body, IReadOnlyDictionary<string, string> headers, TimeSpan? retryAfter)
    {
        AuthingEnvelopeReader envelope = AuthingEnvelopeReader.TryRead(body);
        return new AuthingApiException(
            AuthingErrorKind.HttpError,
            Format($"The Authing request {request.Method} {request.PathTemplate} failed:", status, envelope),
            status, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId, BodyText(body), null)
        {
            ResponseHeaders = headers,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>A 2xx answer whose body could not be read as the documented type.</summary>
    public static AuthingApiException InvalidResponse(AuthingRequest request, int status, ReadOnlySpan<byte> body, Exception cause)
    {
        AuthingEnvelopeReader envelope = AuthingEnvelopeReader.TryRead(body);
        return new AuthingApiException(
            AuthingErrorKind.InvalidResponse,
            Format(
                $"The Authing request {request.Method} {request.PathTemplate} returned a response that could not be read ({Describe(cause)})",
                status,
                envelope),
            status, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId, BodyText(body), cause);
    }

    /// <summary>A body larger than the transport reads; nothing of it is kept.</summary>
    public static AuthingApiException TooLarge(AuthingRequest request, int status, int limitBytes) =>
        new(
            AuthingErrorKind.InvalidResponse,
            AuthingApiException.FormatMessage(
                $"The Authing request {request.Method} {request.PathTemplate} returned a body larger than {limitBytes / (1024 * 1024)} MiB; it was not read.",
                status, null, null, null, null),
            status, null, null, null, null, null, null);

    /// <summary>A 2xx envelope whose <c>statusCode</c> is not 200, when the options ask for it to be thrown.</summary>
    public static AuthingApiException BusinessError(
        AuthingRequest request, int status, ReadOnlySpan<byte> body, int? statusCode, int? apiCode, string? message, string? requestId) =>
        new(
            AuthingErrorKind.BusinessError,
            AuthingApiException.FormatMessage(
                $"The Authing request {request.Method} {request.PathTemplate} returned a business error:",
                status, statusCode, apiCode, message, requestId),
            status, statusCode, apiCode, message, requestId, BodyText(body), null);

    /// <summary>A 2xx body whose envelope (read leniently) says the call failed; null when it does not.</summary>
    public static AuthingApiException? BusinessErrorOrNull(AuthingRequest request, int status, ReadOnlySpan<byte> body)
    {
        AuthingEnvelopeReader envelope = AuthingEnvelopeReader.TryRead(body);
        return envelope.StatusCode is int code && code != 200
            ? BusinessError(request, status, body, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId)
            : null;
    }

    /// <summary>The server asked to retry later than the client waits; the failure is rethrown with that said.</summary>
    public static AuthingApiException RetryAfterTooLong(AuthingApiException failure, TimeSpan retryAfter, TimeSpan maxRetryAfter) =>
        new(
            failure.Kind,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{failure.Message} The server asked to retry after {retryAfter.TotalSeconds:0.###} s, more than MaxRetryAfter ({maxRetryAfter.TotalSeconds:0.###} s); not retried."),
            failure.HttpStatusCode, failure.StatusCode, failure.ApiCode, failure.ServerMessage, failure.RequestId, failure.RawBody, failure)
        {
            ResponseHeaders = failure.ResponseHeaders,
            RetryAfter = retryAfter,
        };

    /// <summary>The body as text, without a byte order mark.</summary>
    public static string BodyText(ReadOnlySpan<byte> body)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            body = body.Slice(3);
        }

#if NETSTANDARD2_0
        return Encoding.UTF8.GetString(body.ToArray());
#else
        return Encoding.UTF8.GetString(body);
#endif
    }

    private static string Format(string summary, int status, in AuthingEnvelopeReader envelope) =>
        AuthingApiException.FormatMessage(summary, status, envelope.StatusCode, envelope.ApiCode, envelope.Message, envelope.RequestId);

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
}
