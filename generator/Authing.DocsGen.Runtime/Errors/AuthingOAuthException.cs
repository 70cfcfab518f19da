using System;

namespace Authing.Sdk;

/// <summary>
/// An OAuth 2.0 error response from one of Authing's protocol endpoints (token, revocation, introspection, userinfo):
/// RFC 6749 §5.2's <c>error</c> and <c>error_description</c>, next to everything <see cref="AuthingApiException"/> carries.
/// </summary>
/// <remarks>
/// <see cref="AuthingApiException.Kind"/> is <see cref="AuthingErrorKind.HttpError"/> for a non-2xx answer (the usual
/// 400 <c>invalid_grant</c>, 401 <c>invalid_client</c>) and <see cref="AuthingErrorKind.BusinessError"/> for an error
/// object inside a 2xx answer. Catch <see cref="AuthingApiException"/> to handle both this and transport failures.
/// </remarks>
public class AuthingOAuthException : AuthingApiException
{
    /// <summary>Creates an exception with only a message.</summary>
    public AuthingOAuthException()
        : this("The Authing OAuth request failed.")
    {
    }

    /// <summary>Creates an exception with only a message.</summary>
    /// <param name="message">The exception message.</param>
    public AuthingOAuthException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public AuthingOAuthException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception carrying an OAuth error response; mainly for the SDK and for test doubles.</summary>
    /// <param name="kind">HTTP error, or business error for an error object in a 2xx answer.</param>
    /// <param name="message">The exception message; it must not contain secrets.</param>
    /// <param name="httpStatusCode">The HTTP status.</param>
    /// <param name="error">The <c>error</c> code, e.g. <c>invalid_grant</c>.</param>
    /// <param name="errorDescription">The <c>error_description</c>, when present.</param>
    /// <param name="errorUri">The <c>error_uri</c>, when present.</param>
    /// <param name="rawBody">The response body as text.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public AuthingOAuthException(
        AuthingErrorKind kind,
        string message,
        int? httpStatusCode,
        string error,
        string? errorDescription,
        string? errorUri,
        string? rawBody,
        Exception? innerException)
        : base(kind, message, httpStatusCode, null, null, errorDescription, null, rawBody, innerException)
    {
        Error = error;
        ErrorDescription = errorDescription;
        ErrorUri = errorUri;
    }

    /// <summary>The OAuth <c>error</c> code: <c>invalid_grant</c>, <c>invalid_client</c>, <c>invalid_request</c>, <c>invalid_token</c>, ….</summary>
    public string? Error { get; }

    /// <summary>The server's <c>error_description</c>, when it sent one (also in <see cref="AuthingApiException.ServerMessage"/>).</summary>
    public string? ErrorDescription { get; }

    /// <summary>The server's <c>error_uri</c>, when it sent one.</summary>
    public string? ErrorUri { get; }
}
