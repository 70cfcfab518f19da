using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Authing.Sdk.Runtime;
using Microsoft.IdentityModel.Tokens;

namespace Authing.Sdk.Oidc;

/// <summary>
/// The application's JSON Web Key Set (<c>/{appId}/oidc/.well-known/jwks.json</c>), fetched through the client's
/// transport and kept for <see cref="AuthingOidcOptions.JwksCacheDuration"/>. A token whose <c>kid</c> is not in the
/// cached set triggers one new fetch (key rotation), at most once per <see cref="AuthingOidcOptions.JwksRefreshInterval"/>.
/// Thread-safe; concurrent callers that need a fetch share one request.
/// </summary>
internal sealed class JwksCache
{
    private readonly AuthenticationTransport _transport;
    private readonly AuthingOidcOptions _options;
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private volatile Snapshot? _current;

    public JwksCache(AuthenticationTransport transport, AuthingOidcOptions options)
    {
        _transport = transport;
        _options = options;
    }

    /// <summary>
    /// The signature keys (RSA and EC only, never symmetric) that match <paramref name="keyId"/> and the key type of the
    /// algorithm; every key of that type when the token has no <c>kid</c>. Empty when none matches after a refresh.
    /// </summary>
    /// <exception cref="AuthingOidcValidationException"><see cref="OidcValidationFailure.KeySetUnavailable"/>: the set could not be fetched.</exception>
    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, string keyType, CancellationToken cancellationToken)
    {
        Snapshot? snapshot = _current;
        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        if (snapshot is null || now - snapshot.FetchedAt >= _options.JwksCacheDuration)
        {
            snapshot = await RefreshAsync(snapshot, staleFallback: snapshot, cancellationToken).ConfigureAwait(false);
        }

        List<SecurityKey> keys = snapshot.Find(keyId, keyType);
        if (keys.Count == 0 && keyId is not null && now - snapshot.FetchedAt >= _options.JwksRefreshInterval)
        {
            // An unknown kid: the server may have rotated its keys since the last fetch.
            snapshot = await RefreshAsync(snapshot, staleFallback: null, cancellationToken).ConfigureAwait(false);
            keys = snapshot.Find(keyId, keyType);
        }

        return keys;
    }

    /// <summary>Fetches the set unless another caller replaced <paramref name="seen"/> while this one waited.</summary>
    private async Task<Snapshot> RefreshAsync(Snapshot? seen, Snapshot? staleFallback, CancellationToken cancellationToken)
    {
        await _fetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Snapshot? current = _current;
            if (current is not null && !ReferenceEquals(current, seen))
            {
                return current;
            }

            try
            {
                current = new Snapshot(await FetchAsync(cancellationToken).ConfigureAwait(false), _options.TimeProvider.GetUtcNow());
            }
            catch (AuthingOidcValidationException) when (staleFallback is not null)
            {
                // A scheduled refresh that fails keeps the keys already trusted rather than failing every sign-in
                // while the endpoint is down; it is tried again on the next call.
                return staleFallback;
            }

            _current = current;
            return current;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    private async Task<IReadOnlyList<JsonWebKey>> FetchAsync(CancellationToken cancellationToken)
    {
        var request = new AuthingRequest(HttpMethod.Get, "/{appId}/oidc/.well-known/jwks.json");
        request.SetPathParameter("appId", _transport.AppId);
        request.SetAuthorization(null);
        byte[] body;
        try
        {
            (_, body) = await _transport.SendForBodyAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthingApiException ex)
        {
            throw new AuthingOidcValidationException(
                OidcValidationFailure.KeySetUnavailable,
                "The application's JWKS (" + request.Path + ") could not be fetched: " + ex.Message,
                ex);
        }

        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(Encoding.UTF8.GetString(body));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new AuthingOidcValidationException(
                OidcValidationFailure.KeySetUnavailable, "The application's JWKS (" + request.Path + ") is not a JSON Web Key Set.", ex);
        }

        var keys = new List<JsonWebKey>();
        foreach (JsonWebKey key in set.Keys)
        {
            // Only asymmetric signature keys: an "oct" key in a public document would be an HMAC secret anyone can read.
            bool asymmetric = key.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve;
            bool forSigning = string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig;
            if (asymmetric && forSigning)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private sealed class Snapshot
    {
        private readonly IReadOnlyList<JsonWebKey> _keys;

        public Snapshot(IReadOnlyList<JsonWebKey> keys, DateTimeOffset fetchedAt)
        {
            _keys = keys;
            FetchedAt = fetchedAt;
        }

        public DateTimeOffset FetchedAt { get; }

        public List<SecurityKey> Find(string? keyId, string keyType)
        {
            var found = new List<SecurityKey>();
            foreach (JsonWebKey key in _keys)
            {
                if (key.Kty == keyType && (keyId is null || string.Equals(key.Kid, keyId, StringComparison.Ordinal)))
                {
                    found.Add(key);
                }
            }

            return found;
        }
    }
}
