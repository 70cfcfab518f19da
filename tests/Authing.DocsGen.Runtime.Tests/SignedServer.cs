using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>One request as a signature-checking loopback server received it.</summary>
public sealed record ReceivedRequest(string Method, string RawUrl, Dictionary<string, string> Headers, string Body, bool SignatureValid, bool NonceReused);

/// <summary>
/// A loopback Authing management server that recomputes every AK/SK signature from the received bytes and, like a
/// replay-checking gateway, answers 401 to any nonce it has seen before. Other requests get <c>respond</c>'s answer.
/// </summary>
public sealed class SignedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte> _nonces = new();
    private readonly LoopbackServer _server;

    /// <param name="respond">Given the 0-based index of the accepted request and the request: status, body and extra headers.</param>
    public SignedServer(Func<int, ReceivedRequest, (int Status, string Body, Dictionary<string, string>? Headers)> respond)
    {
        int accepted = -1;
        _server = new LoopbackServer(async (context, _) =>
        {
            HttpListenerRequest received = context.Request;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string name in received.Headers.AllKeys!)
            {
                headers[name!] = received.Headers[name]!;
            }

            string body;
            using (var reader = new StreamReader(received.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            string rawUrl = received.RawUrl!;
            int q = rawUrl.IndexOf('?');
            string path = q < 0 ? rawUrl : rawUrl[..q];
            List<KeyValuePair<string, string>> pairs = received.HttpMethod == "GET" || body.Length == 0
                ? ManagementTransportTests.QueryPairsAsNodeSigns(q < 0 ? "" : rawUrl[(q + 1)..])
                : ManagementTransportTests.BodyPairsAsNodeSigns(body);
            bool valid = headers.GetValueOrDefault("authorization")
                == "authing test-ak:" + ManagementTransportTests.ServerSignature(received.HttpMethod, headers, path, pairs);
            string nonce = headers.GetValueOrDefault("x-authing-signature-nonce") ?? "";
            bool reused = !_nonces.TryAdd(nonce, 0);
            var request = new ReceivedRequest(received.HttpMethod, rawUrl, headers, body, valid, reused);
            Requests.Enqueue(request);
            if (!valid || reused)
            {
                await LoopbackServer.WriteAsync(context, 401, "{\"statusCode\":401,\"message\":\"replayed or bad signature\"}");
                return;
            }

            (int status, string text, Dictionary<string, string>? extra) = respond(Interlocked.Increment(ref accepted), request);
            foreach ((string name, string value) in extra ?? [])
            {
                context.Response.AddHeader(name, value);
            }

            await LoopbackServer.WriteAsync(context, status, text);
        });
    }

    public string BaseUrl => _server.BaseUrl;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>
/// What a resilience handler (AddStandardResilienceHandler, Polly) does on a transient status: sends the same message
/// again through the rest of the pipeline.
/// </summary>
public sealed class ResendingHandler(int retries) : DelegatingHandler
{
    public ResendingHandler(int retries, HttpMessageHandler inner)
        : this(retries) => InnerHandler = inner;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (attempt == retries || (int)response.StatusCode < 500)
            {
                return response;
            }

            response.Dispose();
        }
    }
}
