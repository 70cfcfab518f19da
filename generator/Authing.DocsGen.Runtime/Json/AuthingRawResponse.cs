using System;
using System.Collections.Generic;
using System.Text;

namespace Authing.Sdk;

/// <summary>
/// A typed result together with the HTTP response it was read from: status, headers, request id and body, from the same
/// single request. Returned by the methods of a client's <c>WithRawResponse</c> view.
/// </summary>
/// <typeparam name="T">The generated response type.</typeparam>
public sealed class AuthingRawResponse<T>
    where T : class
{
    private readonly byte[] _body;

    internal AuthingRawResponse(T value, int httpStatusCode, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Value = value;
        HttpStatusCode = httpStatusCode;
        Headers = headers;
        _body = body;
    }

    /// <summary>The typed response, as the method without <c>WithRawResponse</c> returns it.</summary>
    public T Value { get; }

    /// <summary>The HTTP status code.</summary>
    public int HttpStatusCode { get; }

    /// <summary>The response headers, content headers included; names case-insensitive, repeated values joined with <c>, </c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The envelope's <c>requestId</c>, or the <c>x-request-id</c> header when the envelope has none.</summary>
    public string? RequestId =>
        (Value as AuthingResponse)?.RequestId ?? (Headers.TryGetValue("x-request-id", out string? id) ? id : null);

    /// <summary>The body bytes as received.</summary>
    public ReadOnlyMemory<byte> Content => _body;

    /// <summary>The body as UTF-8 text (validated when the response was read).</summary>
    public string RawBody => Encoding.UTF8.GetString(_body);
}
