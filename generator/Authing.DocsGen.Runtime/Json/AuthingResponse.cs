namespace Authing.Sdk;

/// <summary>
/// Authing's response envelope, shared by every generated response type: <c>{statusCode, message, apiCode, requestId, data}</c>.
/// </summary>
/// <remarks>
/// <see cref="StatusCode"/> is the business status: an error can arrive inside an HTTP 200 response. By default such a
/// response is returned as it is; set <c>ThrowOnBusinessError</c> on the client options to get an
/// <see cref="AuthingApiException"/> instead.
/// </remarks>
public abstract class AuthingResponse
{
    /// <summary>The business status code; 200 means success. Wire name <c>statusCode</c>.</summary>
    public int? StatusCode { get; init; }

    /// <summary>A human-readable description of the outcome. Wire name <c>message</c>.</summary>
    public string? Message { get; init; }

    /// <summary>The fine-grained error code; usually absent on success. Wire name <c>apiCode</c>.</summary>
    public int? ApiCode { get; init; }

    /// <summary>The request id, returned when a request fails. Wire name <c>requestId</c>.</summary>
    public string? RequestId { get; init; }

    /// <summary>True when <see cref="StatusCode"/> is 200 (or absent, for endpoints without an envelope).</summary>
    public bool IsSuccess => StatusCode is null or 200;
}
