using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Authing.Sdk.Runtime;

namespace Authing.Sdk.Testing;

/// <summary>One request the offline test double received, as it arrived: for assertions in tests.</summary>
public sealed class AuthingFakeCall
{
    internal AuthingFakeCall(
        AuthingOperation? operation,
        string verb,
        Uri uri,
        IReadOnlyDictionary<string, string> headers,
        IReadOnlyDictionary<string, IReadOnlyList<string>> query,
        string? bodyText,
        JsonNode? body,
        IReadOnlyList<string> problems)
    {
        Operation = operation;
        Verb = verb;
        Uri = uri;
        Headers = headers;
        Query = query;
        BodyText = bodyText;
        Body = body;
        Problems = problems;
    }

    /// <summary>The generated method that sent the request; null for a request no generated method built.</summary>
    public AuthingOperation? Operation { get; }

    /// <summary><c>Authentication</c> or <c>Management</c>; empty for a request no generated method built.</summary>
    public string Client => Operation?.Client ?? string.Empty;

    /// <summary>The method's name without <c>Async</c> (<c>EnrollFactor</c>); empty for a request no generated method built.</summary>
    public string Method => Operation?.Name ?? string.Empty;

    /// <summary>The route as the docs give it, with <c>{name}</c> placeholders; empty for a request no generated method built.</summary>
    public string Route => Operation?.Route ?? string.Empty;

    /// <summary>The HTTP verb sent (<c>GET</c>, <c>POST</c>, …).</summary>
    public string Verb { get; }

    /// <summary>The full request URI.</summary>
    public Uri Uri { get; }

    /// <summary>The path sent, placeholders substituted.</summary>
    public string Path => Uri.AbsolutePath;

    /// <summary>Every request and content header, names compared case-insensitively, repeated values joined with <c>,</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The query parameters, decoded; an array sent as <c>name[]=a&amp;name[]=b</c> is under <c>name</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; }

    /// <summary>The body as sent, or null when the request had none.</summary>
    public string? BodyText { get; }

    /// <summary>The body parsed as JSON, or null when there was none or it was not JSON.</summary>
    public JsonNode? Body { get; }

    /// <summary>What the request got wrong against the docs; empty for a valid request.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <inheritdoc />
    public override string ToString() => Operation is null ? $"{Verb} {Uri.PathAndQuery}" : Operation.Description;
}
