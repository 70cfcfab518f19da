using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Authing.Sdk.Runtime;

/// <summary>The JSON kind a request field has in the docs' parameter table.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum AuthingJsonKind
{
    /// <summary>Any JSON value (an <c>object</c> without a data structure, free-form JSON).</summary>
    Any,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number without a fraction.</summary>
    Integer,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A JSON array.</summary>
    Array,

    /// <summary>A JSON object (a data structure).</summary>
    Object,

    /// <summary>An enum value: a string, or a number for numeric enums.</summary>
    Enum,
}

/// <summary>Where a request field travels.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum AuthingFieldLocation
{
    /// <summary>A <c>{name}</c> placeholder of the route.</summary>
    Path,

    /// <summary>The query string (GET methods).</summary>
    Query,

    /// <summary>A top-level property of the JSON body.</summary>
    Body,
}

/// <summary>One row of a method's request-parameter table, as the offline test double checks it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingOperationField
{
    /// <summary>Creates a field.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="kind">The JSON kind the docs give it.</param>
    /// <param name="required">True when the docs mark it required.</param>
    /// <param name="location">Where it travels.</param>
    public AuthingOperationField(string name, AuthingJsonKind kind, bool required, AuthingFieldLocation location)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kind = kind;
        Required = required;
        Location = location;
    }

    /// <summary>The wire name.</summary>
    public string Name { get; }

    /// <summary>The JSON kind the docs give it.</summary>
    public AuthingJsonKind Kind { get; }

    /// <summary>True when the docs mark it required.</summary>
    public bool Required { get; }

    /// <summary>Where it travels.</summary>
    public AuthingFieldLocation Location { get; }
}

/// <summary>
/// What the docs say about one generated method: client, route, verb, request fields and the response example. Generated
/// code creates one per method, next to the method, and attaches it to each <see cref="AuthingRequest"/> it builds, so
/// the offline test double knows the method of every request it receives without a list of the whole API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingOperation
{
    /// <summary>Creates the description of a method.</summary>
    /// <param name="client"><c>Authentication</c> or <c>Management</c>.</param>
    /// <param name="name">The method's name without <c>Async</c> (<c>EnrollFactor</c>).</param>
    /// <param name="verb">The upper-case HTTP verb.</param>
    /// <param name="route">The path template, with <c>{name}</c> placeholders.</param>
    /// <param name="docsPath">The docs page the method comes from (<c>authentication/mfa/enroll-factor.md</c>).</param>
    /// <param name="fields">The request-parameter table.</param>
    /// <param name="responseExample">The page's response example as written (possibly not JSON), or null when it has none.</param>
    public AuthingOperation(string client, string name, string verb, string route, string docsPath, AuthingOperationField[] fields, string? responseExample)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Verb = verb ?? throw new ArgumentNullException(nameof(verb));
        Route = route ?? throw new ArgumentNullException(nameof(route));
        DocsPath = docsPath ?? throw new ArgumentNullException(nameof(docsPath));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        ResponseExample = responseExample;
    }

    /// <summary><c>Authentication</c> or <c>Management</c>.</summary>
    public string Client { get; }

    /// <summary>The method's name without <c>Async</c> (<c>EnrollFactor</c>).</summary>
    public string Name { get; }

    /// <summary>The upper-case HTTP verb.</summary>
    public string Verb { get; }

    /// <summary>The path template, with <c>{name}</c> placeholders.</summary>
    public string Route { get; }

    /// <summary>The docs page the method comes from.</summary>
    public string DocsPath { get; }

    /// <summary>The request-parameter table.</summary>
    public IReadOnlyList<AuthingOperationField> Fields { get; }

    /// <summary>The page's response example as written, or null when the page has none.</summary>
    public string? ResponseExample { get; }

    /// <summary>How messages name the method: <c>ManagementClient.GetUserAsync (GET /api/v3/get-user, docs: management/…/get-user.md)</c>.</summary>
    public string Description => $"{Client}Client.{Name}Async ({Verb} {Route}, docs: {DocsPath})";

    /// <inheritdoc />
    public override string ToString() => Description;
}
