using System;
using System.Globalization;
using System.Text;

namespace Authing.Sdk;

/// <summary>
/// The one exception type thrown for every failed call to an Authing service: HTTP errors, business errors (when the
/// options ask for them to be thrown), unreadable responses, timeouts and network failures.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Kind"/> says which of these happened. For HTTP and business errors the envelope fields
/// (<see cref="StatusCode"/>, <see cref="ApiCode"/>, <see cref="ServerMessage"/>, <see cref="RequestId"/>) are copied
/// from the response body when it is an Authing envelope, and the body itself is kept in <see cref="RawBody"/>.
/// </para>
/// <para>
/// Cancelling through the caller's <see cref="System.Threading.CancellationToken"/> is not a failure of the service and
/// surfaces as <see cref="OperationCanceledException"/>, never as this type. Invalid options and arguments surface as
/// <see cref="ArgumentException"/>.
/// </para>
/// <para><see cref="Exception.Message"/> never contains the response body, the request headers or any secret.</para>
/// </remarks>
public class AuthingApiException : Exception
{
    /// <summary>Creates an exception of kind <see cref="AuthingErrorKind.HttpError"/> with only a message.</summary>
    public AuthingApiException()
        : this("The Authing service call failed.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="AuthingErrorKind.HttpError"/> with only a message.</summary>
    /// <param name="message">The exception message.</param>
    public AuthingApiException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception of kind <see cref="AuthingErrorKind.HttpError"/> with a message and a cause.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public AuthingApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception carrying everything known about a failed call; mainly for the SDK and for test doubles.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">The exception message; it must not contain secrets.</param>
    /// <param name="httpStatusCode">The HTTP status, or <see langword="null"/> when no response arrived.</param>
    /// <param name="statusCode">The envelope's business <c>statusCode</c>, when present.</param>
    /// <param name="apiCode">The envelope's <c>apiCode</c>, when present.</param>
    /// <param name="serverMessage">The envelope's <c>message</c>, when present.</param>
    /// <param name="requestId">The envelope's <c>requestId</c>, when present.</param>
    /// <param name="rawBody">The response body as text, when one was read.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public AuthingApiException(
        AuthingErrorKind kind,
        string message,
        int? httpStatusCode,
        int? statusCode,
        int? apiCode,
        string? serverMessage,
        string? requestId,
        string? rawBody,
        Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        HttpStatusCode = httpStatusCode;
        StatusCode = statusCode;
        ApiCode = apiCode;
        ServerMessage = serverMessage;
        RequestId = requestId;
        RawBody = rawBody;
    }

    /// <summary>What went wrong.</summary>
    public AuthingErrorKind Kind { get; }

    /// <summary>The HTTP status of the response; <see langword="null"/> for timeouts and network failures.</summary>
    public int? HttpStatusCode { get; }

    /// <summary>The envelope's business <c>statusCode</c> (200 means success), when the body was an envelope.</summary>
    public int? StatusCode { get; }

    /// <summary>The envelope's fine-grained <c>apiCode</c>, when present.</summary>
    public int? ApiCode { get; }

    /// <summary>The envelope's <c>message</c>, as the server wrote it, when present.</summary>
    public string? ServerMessage { get; }

    /// <summary>The envelope's <c>requestId</c>, when present; quote it when contacting Authing support.</summary>
    public string? RequestId { get; }

    /// <summary>The response body as UTF-8 text, when a response was read; <see langword="null"/> otherwise.</summary>
    public string? RawBody { get; }

    /// <summary>
    /// The response's headers (names case-insensitive, repeated values joined with <c>, </c>) when the server answered
    /// with an HTTP error; null when there was no response.
    /// </summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, string>? ResponseHeaders { get; internal set; }

    /// <summary>The server's <c>Retry-After</c>, as a delay, when the error response carried one.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    /// <summary>True for a network failure in which the connection could not be opened: the server never saw the request.</summary>
    internal bool NeverReachedServer { get; set; }

    /// <summary>Builds the message used by the SDK: what was called, the HTTP status, the envelope codes and the server's message.</summary>
    internal static string FormatMessage(
        string summary,
        int? httpStatusCode,
        int? statusCode,
        int? apiCode,
        string? serverMessage,
        string? requestId)
    {
        var text = new StringBuilder(summary);
        if (httpStatusCode is int http)
        {
            text.Append(CultureInfo.InvariantCulture, $" HTTP {http}");
            if (Enum.IsDefined((System.Net.HttpStatusCode)http))
            {
                text.Append(CultureInfo.InvariantCulture, $" ({(System.Net.HttpStatusCode)http})");
            }

            text.Append('.');
        }

        if (statusCode is int status)
        {
            text.Append(CultureInfo.InvariantCulture, $" statusCode {status}.");
        }

        if (apiCode is int api)
        {
            text.Append(CultureInfo.InvariantCulture, $" apiCode {api}.");
        }

        if (!string.IsNullOrEmpty(serverMessage))
        {
            text.Append(" Server message: ").Append(serverMessage);
            if (!serverMessage.EndsWith('.'))
            {
                text.Append('.');
            }
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            text.Append(" RequestId: ").Append(requestId).Append('.');
        }

        return text.ToString();
    }
}
