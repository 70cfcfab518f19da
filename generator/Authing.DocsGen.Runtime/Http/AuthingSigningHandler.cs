using System;
using System.ComponentModel;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Authing.Sdk.Runtime;

/// <summary>
/// Re-signs an Authing request each time it passes through, so that a retry made by any handler outside this one
/// (<c>AddStandardResilienceHandler()</c>, Polly, your own) goes out with a fresh <c>date</c>, nonce and signature.
/// </summary>
/// <remarks>
/// <para>
/// It must be the innermost handler, next to the primary one. The client's own <see cref="HttpClient"/> and the clients
/// registered with the generated <c>AddAuthing…Client</c> methods get it automatically; add it yourself as the last
/// handler of a pipeline you build by hand. Messages that were not built by an Authing transport pass through unchanged.
/// </para>
/// <para>
/// The transport signs a message when it creates it; this handler lets the first send through as it is and re-signs
/// every later send of the same message (or of a copy carrying the same options, as resilience handlers make).
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AuthingSigningHandler : DelegatingHandler
{
    /// <summary>Creates a handler; set <see cref="DelegatingHandler.InnerHandler"/> or let <c>IHttpClientFactory</c> do it.</summary>
    public AuthingSigningHandler()
    {
    }

    /// <summary>Creates a handler over <paramref name="innerHandler"/>.</summary>
    /// <param name="innerHandler">The handler that sends the message, usually the primary handler.</param>
    public AuthingSigningHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (SigningState.TryGet(request) is SigningState state && state.NextSend() > 1)
        {
            state.Resign(request);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>What a transport leaves on a message so that <see cref="AuthingSigningHandler"/> can sign it again.</summary>
internal sealed class SigningState
{
    private const string Key = "Authing.Sdk.Signing";
#if !NETSTANDARD2_0
    private static readonly HttpRequestOptionsKey<SigningState> s_key = new(Key);
#endif

    private readonly AuthingTransport _transport;
    private readonly AuthingRequest _request;
    private readonly CallSettings _settings;
    private int _sends;

    public SigningState(AuthingTransport transport, AuthingRequest request, CallSettings settings)
    {
        _transport = transport;
        _request = request;
        _settings = settings;
    }

    /// <summary>The request the message was built from; the offline test double reads its operation and signing pairs.</summary>
    public AuthingRequest Request => _request;

    /// <summary>How many times the message has reached the signing handler, this one included.</summary>
    public int NextSend() => Interlocked.Increment(ref _sends);

    public void Resign(HttpRequestMessage message) => _transport.Resign(message, _request, _settings);

    public void AttachTo(HttpRequestMessage message)
    {
#if NETSTANDARD2_0
        message.Properties[Key] = this;
#else
        message.Options.Set(s_key, this);
#endif
    }

    public static SigningState? TryGet(HttpRequestMessage message)
    {
#if NETSTANDARD2_0
        return message.Properties.TryGetValue(Key, out object? value) ? value as SigningState : null;
#else
        return message.Options.TryGetValue(s_key, out SigningState? value) ? value : null;
#endif
    }
}
