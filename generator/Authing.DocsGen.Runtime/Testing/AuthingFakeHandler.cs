using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Authing.Sdk.Runtime;

namespace Authing.Sdk.Testing;

/// <summary>
/// An offline Authing server for unit tests: an <see cref="HttpMessageHandler"/> that answers every generated method
/// without a network, checks each request against the docs, and records it. The generated <c>AuthingFake</c> derives
/// from it and adds typed setup per method (<c>fake.Management.GetUserAsync.Returns(…)</c>) and client factories.
/// </summary>
/// <remarks>
/// <para>
/// Answers, in this order: what a test registered for the method (typed with the generated setup, or by name with
/// <see cref="RespondJson"/> / <see cref="RespondError"/>); otherwise the docs page's response example; otherwise, when the
/// page has none or it is not a JSON object, <c>{"statusCode":200,"message":"…","data":null}</c>. A response that leaves
/// out <c>statusCode</c> gets <c>200</c>.
/// </para>
/// <para>
/// Every request is checked against its method's docs tables: the verb and route, each required field present (body
/// fields for POST/PUT/DELETE, query parameters for GET) and each field's JSON kind (string, number, boolean, array,
/// object). Management requests must carry well-formed signature headers (WIRE.md §2.2), and when
/// <see cref="AccessKeySecret"/> is set the signature is recomputed and compared. Authentication requests must carry
/// <c>x-authing-app-id</c>. A request that fails is recorded, added to <see cref="Failures"/> and fails the call with an
/// <see cref="AuthingFakeRequestException"/> naming the method, the field and the docs page.
/// </para>
/// <para>
/// The method of a request is known from metadata the generated code attaches to it, so only requests sent by a
/// generated client through an Authing transport are recognised; any other request fails.
/// </para>
/// </remarks>
public class AuthingFakeHandler : HttpMessageHandler
{
    /// <summary>The host the clients created by the fake talk to; nothing listens there.</summary>
    public const string FakeHost = "https://fake.authing.invalid";

    /// <summary>The access key id of the management clients the fake creates.</summary>
    public const string FakeAccessKeyId = "fake-access-key-id";

    /// <summary>The access key secret of the management clients the fake creates.</summary>
    public const string FakeAccessKeySecret = "fake-access-key-secret";

    /// <summary>The app id of the authentication clients the fake creates.</summary>
    public const string FakeAppId = "fake-app-id";

    /// <summary>The app secret of the authentication clients the fake creates.</summary>
    public const string FakeAppSecret = "fake-app-secret";

    private readonly object _gate = new();
    private readonly Dictionary<string, Func<AuthingFakeCall, Answer>> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AuthingFakeCall> _calls = new();
    private readonly List<string> _failures = new();

    /// <summary>
    /// The access key id management requests must be signed with; <see cref="FakeAccessKeyId"/> by default. Set it to your
    /// own when your clients use their own options, or to null to accept any.
    /// </summary>
    public string? AccessKeyId { get; set; } = FakeAccessKeyId;

    /// <summary>
    /// The secret the fake recomputes management signatures with; <see cref="FakeAccessKeySecret"/> by default. Set it to
    /// your own when your clients use their own options, or to null to check the signature headers' shape only.
    /// </summary>
    public string? AccessKeySecret { get; set; } = FakeAccessKeySecret;

    /// <summary>False to answer without checking requests against the docs (recording still happens).</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>Every request received, in order, including rejected ones.</summary>
    public IReadOnlyList<AuthingFakeCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    /// <summary>The message of every request rejected so far; code under test cannot hide a failure by catching it.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_gate)
            {
                return _failures.ToArray();
            }
        }
    }

    /// <summary>The calls of one method, in order.</summary>
    /// <param name="method">The method's name, as for <see cref="RespondJson"/>.</param>
    /// <returns>The calls; empty when there were none.</returns>
    public IReadOnlyList<AuthingFakeCall> CallsTo(string method)
    {
        var (client, name) = ParseMethod(method);
        var calls = new List<AuthingFakeCall>();
        foreach (AuthingFakeCall call in Calls)
        {
            if (call.Operation is { } operation && string.Equals(operation.Name, name, StringComparison.OrdinalIgnoreCase)
                && (client is null || string.Equals(operation.Client, client, StringComparison.OrdinalIgnoreCase)))
            {
                calls.Add(call);
            }
        }

        return calls;
    }

    /// <summary>
    /// Answers a method with a JSON text of your own (the escape hatch: any body, any HTTP status).
    /// </summary>
    /// <param name="method">
    /// The method's name as the docs write it or as generated, with or without <c>Async</c> (<c>enrollFactor</c>,
    /// <c>EnrollFactorAsync</c>), optionally after its client (<c>Management.getUser</c>); without one it applies to both clients.
    /// </param>
    /// <param name="json">The response body, sent as it is.</param>
    /// <param name="httpStatus">The HTTP status; 200 by default.</param>
    public void RespondJson(string method, string json, int httpStatus = 200)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        Register(Key(method), _ => new Answer(httpStatus, json));
    }

    /// <summary>
    /// Answers a method with an Authing error: the envelope <c>{statusCode, message, apiCode, requestId}</c> with an HTTP
    /// error status, so the client throws <see cref="AuthingApiException"/> carrying these values.
    /// </summary>
    /// <param name="method">The method's name, as for <see cref="RespondJson"/>.</param>
    /// <param name="statusCode">The envelope's <c>statusCode</c> (e.g. 400, 403, 404, 500).</param>
    /// <param name="apiCode">The envelope's <c>apiCode</c>, when the error has one.</param>
    /// <param name="message">The envelope's <c>message</c>.</param>
    /// <param name="httpStatus">The HTTP status; <paramref name="statusCode"/> when it is 400–599, else 400.</param>
    public void RespondError(string method, int statusCode, int? apiCode = null, string? message = null, int? httpStatus = null) =>
        Register(Key(method), ErrorAnswer(statusCode, apiCode, message, httpStatus));

    /// <summary>Forgets registered answers, calls and failures.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _answers.Clear();
            _calls.Clear();
            _failures.Clear();
        }
    }

    /// <summary>Throws when any request was rejected, listing them; call it at the end of a test whose code may catch exceptions.</summary>
    /// <exception cref="AuthingFakeRequestException">At least one request was rejected.</exception>
    public void VerifyNoFailures()
    {
        IReadOnlyList<string> failures = Failures;
        if (failures.Count > 0)
        {
            throw new AuthingFakeRequestException(string.Join(Environment.NewLine, failures));
        }
    }

    /// <summary>An <see cref="HttpClient"/> sending through this fake; the fake is not disposed with it.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateHttpClient() => new(this, disposeHandler: false) { BaseAddress = new Uri(FakeHost) };

    /// <summary>Management options that work with the fake: fake host and key pair, no retries.</summary>
    /// <returns>New options; change them before creating a client.</returns>
    public static ManagementClientOptions CreateManagementOptions() => new()
    {
        AccessKeyId = FakeAccessKeyId,
        AccessKeySecret = FakeAccessKeySecret,
        Host = FakeHost,
        Retry = { MaxRetries = 0 },
    };

    /// <summary>Authentication options that work with the fake: fake host and app, no retries.</summary>
    /// <returns>New options; change them before creating a client.</returns>
    public static AuthenticationClientOptions CreateAuthenticationOptions() => new()
    {
        AppId = FakeAppId,
        AppSecret = FakeAppSecret,
        AppHost = FakeHost,
        Retry = { MaxRetries = 0 },
    };

    /// <summary>Registers the answer of one generated method; used by the generated typed setup.</summary>
    /// <param name="operation">The method.</param>
    /// <param name="answer">Builds the answer from the call: HTTP status and body.</param>
    internal void Register(AuthingOperation operation, Func<AuthingFakeCall, Answer> answer) => Register(operation.Client + "." + operation.Name, answer);

    internal static Func<AuthingFakeCall, Answer> ErrorAnswer(int statusCode, int? apiCode, string? message, int? httpStatus)
    {
        var envelope = new JsonObject
        {
            ["statusCode"] = statusCode,
            ["message"] = message ?? "Error answered by the Authing fake.",
        };
        if (apiCode is { } code)
        {
            envelope["apiCode"] = code;
        }

        envelope["requestId"] = "fake-request-id";
        string json = envelope.ToJsonString();
        int status = httpStatus ?? (statusCode is >= 400 and <= 599 ? statusCode : 400);
        return _ => new Answer(status, json);
    }

    /// <summary>
    /// A JSON object as strict JSON (comments and trailing commas dropped), with <c>statusCode: 200</c> first when it has
    /// none; null when the text is not a JSON object.
    /// </summary>
    internal static string? NormalizeObject(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, null, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return null;
        }

        if (node is not JsonObject body)
        {
            return null;
        }

        if (!body.ContainsKey("statusCode"))
        {
            var withStatus = new JsonObject { ["statusCode"] = 200 };
            foreach (string name in new List<string>(NamesOf(body)))
            {
                JsonNode? value = body[name];
                body.Remove(name);
                withStatus[name] = value;
            }

            body = withStatus;
        }

        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, AuthingJson.WriterOptions))
        {
            body.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The docs' response example, or the minimal envelope when there is none or it is not a JSON object.</summary>
    internal static string DefaultAnswer(AuthingOperation operation) =>
        (operation.ResponseExample is { } example ? NormalizeObject(example) : null)
        ?? new JsonObject
        {
            ["statusCode"] = 200,
            ["message"] = "Answered by the Authing fake: " + operation.DocsPath + " has no usable response example.",
            ["data"] = null,
        }.ToJsonString();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        AuthingRequest? sdkRequest = SigningState.TryGet(request)?.Request;
        AuthingOperation? operation = sdkRequest?.Operation;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        byte[]? body = null;
        if (request.Content is { } content)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            body = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        string? bodyText = body is null || body.Length == 0 ? null : Encoding.UTF8.GetString(body);
        JsonNode? bodyJson = null;
        if (bodyText is not null)
        {
            try
            {
                bodyJson = JsonNode.Parse(bodyText);
            }
            catch (JsonException)
            {
            }
        }

        IReadOnlyDictionary<string, IReadOnlyList<string>> query = ParseQuery(uri.Query);
        string verb = request.Method.Method.ToUpperInvariant();
        List<string> problems = operation is null
            ? new List<string> { "only requests built by a generated Authing client and sent through its transport carry the method's docs metadata" }
            : ValidateRequests
                ? FakeRequestValidator.Check(operation, verb, uri, headers, query, body, sdkRequest, AccessKeyId, AccessKeySecret)
                : new List<string>();

        var call = new AuthingFakeCall(operation, verb, uri, headers, query, bodyText, bodyJson, problems);
        lock (_gate)
        {
            _calls.Add(call);
        }

        if (problems.Count > 0)
        {
            var failure = new AuthingFakeRequestException(call);
            lock (_gate)
            {
                _failures.Add(failure.Message);
            }

            throw failure;
        }

        Answer answer = Find(operation!)?.Invoke(call) ?? new Answer(200, DefaultAnswer(operation!));
        return new HttpResponseMessage((HttpStatusCode)answer.HttpStatus)
        {
            Content = new StringContent(answer.Json, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }

    private static IEnumerable<string> NamesOf(JsonObject body)
    {
        foreach (KeyValuePair<string, JsonNode?> property in body)
        {
            yield return property.Key;
        }
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ParseQuery(string query)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string part in query.TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            int equals = part.IndexOf('=');
            string name = Decode(equals < 0 ? part : part.Substring(0, equals));
            string value = equals < 0 ? string.Empty : Decode(part.Substring(equals + 1));
            if (name.EndsWith("[]", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 2);
            }

            if (!values.TryGetValue(name, out List<string>? list))
            {
                values[name] = list = new List<string>();
            }

            list.Add(value);
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, List<string>> pair in values)
        {
            result[pair.Key] = pair.Value.ToArray();
        }

        return result;
    }

    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));

    private static (string? Client, string Name) ParseMethod(string method)
    {
        if (string.IsNullOrWhiteSpace(method))
        {
            throw new ArgumentException("Name the method, e.g. \"getUser\" or \"Management.getUser\".", nameof(method));
        }

        string? client = null;
        string name = method.Trim();
        int dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            client = name.Substring(0, dot);
            name = name.Substring(dot + 1);
            if (client.EndsWith("Client", StringComparison.Ordinal))
            {
                client = client.Substring(0, client.Length - "Client".Length);
            }
        }

        if (name.EndsWith("Async", StringComparison.Ordinal) && name.Length > "Async".Length)
        {
            name = name.Substring(0, name.Length - "Async".Length);
        }

        return (client, name);
    }

    private static string Key(string method)
    {
        var (client, name) = ParseMethod(method);
        return (client ?? "*") + "." + name;
    }

    private void Register(string key, Func<AuthingFakeCall, Answer> answer)
    {
        lock (_gate)
        {
            _answers[key] = answer;
        }
    }

    private Func<AuthingFakeCall, Answer>? Find(AuthingOperation operation)
    {
        lock (_gate)
        {
            return _answers.TryGetValue(operation.Client + "." + operation.Name, out Func<AuthingFakeCall, Answer>? exact)
                ? exact
                : _answers.TryGetValue("*." + operation.Name, out Func<AuthingFakeCall, Answer>? any) ? any : null;
        }
    }

    /// <summary>An answer: the HTTP status and the JSON body.</summary>
    internal readonly struct Answer
    {
        public Answer(int httpStatus, string json)
        {
            HttpStatus = httpStatus;
            Json = json;
        }

        public int HttpStatus { get; }

        public string Json { get; }
    }
}
