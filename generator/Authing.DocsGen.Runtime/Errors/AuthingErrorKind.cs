namespace Authing.Sdk;

/// <summary>What went wrong in a call that ended with an <see cref="AuthingApiException"/>.</summary>
public enum AuthingErrorKind
{
    /// <summary>The server answered with an HTTP status outside 2xx. The envelope fields are filled when the body was one.</summary>
    HttpError,

    /// <summary>
    /// The server answered HTTP 2xx with an envelope whose <c>statusCode</c> is not 200, and the client options ask for
    /// such responses to be thrown (<c>ThrowOnBusinessError</c>).
    /// </summary>
    BusinessError,

    /// <summary>The response body is not JSON of the expected shape. <see cref="AuthingApiException.RawBody"/> holds it.</summary>
    InvalidResponse,

    /// <summary>The client's <c>Timeout</c> elapsed before the response was read in full. No HTTP status is known.</summary>
    Timeout,

    /// <summary>The request could not be sent or the response could not be read (DNS, connection, TLS, reset).</summary>
    Network,
}
