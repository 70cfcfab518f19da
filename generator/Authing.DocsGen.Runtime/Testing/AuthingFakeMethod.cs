using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Authing.Sdk.Runtime;

namespace Authing.Sdk.Testing;

/// <summary>
/// The offline test double's setup of one generated method, typed by its response: what it answers and the calls it got.
/// Get it from the generated <c>AuthingFake</c> (<c>fake.Management.GetUserAsync</c>).
/// </summary>
/// <typeparam name="TResponse">The method's response type.</typeparam>
public sealed class AuthingFakeMethod<TResponse>
    where TResponse : class
{
    private readonly AuthingFakeHandler _fake;
    private readonly JsonConverter<TResponse> _converter;

    /// <summary>Creates the setup; generated code calls this.</summary>
    /// <param name="fake">The fake the answers are registered with.</param>
    /// <param name="operation">The method's docs metadata.</param>
    /// <param name="converter">Writes <typeparamref name="TResponse"/> as JSON.</param>
    public AuthingFakeMethod(AuthingFakeHandler fake, AuthingOperation operation, JsonConverter<TResponse> converter)
    {
        _fake = fake ?? throw new ArgumentNullException(nameof(fake));
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
        _converter = converter ?? throw new ArgumentNullException(nameof(converter));
    }

    /// <summary>What the docs say about the method: route, verb, request fields, response example.</summary>
    public AuthingOperation Operation { get; }

    /// <summary>The calls of this method so far, in order.</summary>
    public IReadOnlyList<AuthingFakeCall> Calls => _fake.CallsTo(Operation.Client + "." + Operation.Name);

    /// <summary>The JSON the method answers when nothing is registered: the docs' example, or a minimal envelope.</summary>
    public string DocsExample => AuthingFakeHandler.DefaultAnswer(Operation);

    /// <summary>Answers every later call with <paramref name="response"/> (HTTP 200; <c>statusCode</c> 200 unless it sets one).</summary>
    /// <param name="response">The response the client should return.</param>
    /// <returns>This setup, for chaining.</returns>
    public AuthingFakeMethod<TResponse> Returns(TResponse response)
    {
        string json = Serialize(response ?? throw new ArgumentNullException(nameof(response)));
        _fake.Register(Operation, _ => new AuthingFakeHandler.Answer(200, json));
        return this;
    }

    /// <summary>Answers each later call with the response <paramref name="respond"/> builds from it.</summary>
    /// <param name="respond">Builds the response from the recorded call (its body and query as JSON).</param>
    /// <returns>This setup, for chaining.</returns>
    public AuthingFakeMethod<TResponse> Returns(Func<AuthingFakeCall, TResponse> respond)
    {
        if (respond is null)
        {
            throw new ArgumentNullException(nameof(respond));
        }

        _fake.Register(Operation, call => new AuthingFakeHandler.Answer(200, Serialize(respond(call))));
        return this;
    }

    /// <summary>Answers every later call with a JSON text of your own, sent as it is.</summary>
    /// <param name="json">The response body.</param>
    /// <param name="httpStatus">The HTTP status; 200 by default.</param>
    /// <returns>This setup, for chaining.</returns>
    public AuthingFakeMethod<TResponse> ReturnsJson(string json, int httpStatus = 200)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        _fake.Register(Operation, _ => new AuthingFakeHandler.Answer(httpStatus, json));
        return this;
    }

    /// <summary>
    /// Answers every later call with an Authing error, so the client throws <see cref="AuthingApiException"/> with these
    /// <see cref="AuthingApiException.StatusCode"/>, <see cref="AuthingApiException.ApiCode"/> and server message.
    /// </summary>
    /// <param name="statusCode">The envelope's <c>statusCode</c> (e.g. 400, 403, 404, 500).</param>
    /// <param name="apiCode">The envelope's <c>apiCode</c>, when the error has one.</param>
    /// <param name="message">The envelope's <c>message</c>.</param>
    /// <param name="httpStatus">The HTTP status; <paramref name="statusCode"/> when it is 400–599, else 400.</param>
    /// <returns>This setup, for chaining.</returns>
    public AuthingFakeMethod<TResponse> Throws(int statusCode, int? apiCode = null, string? message = null, int? httpStatus = null)
    {
        _fake.Register(Operation, AuthingFakeHandler.ErrorAnswer(statusCode, apiCode, message, httpStatus));
        return this;
    }

    private string Serialize(TResponse response)
    {
        string json = AuthingJson.ToJsonString(response, _converter) ?? "null";
        return AuthingFakeHandler.NormalizeObject(json) ?? json;
    }
}
