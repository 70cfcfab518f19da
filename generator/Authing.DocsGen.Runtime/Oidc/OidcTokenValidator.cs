using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Authing.Sdk.Oidc;

/// <summary>
/// Checks ID and access tokens with Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> (signature, issuer,
/// audience, lifetime) after choosing the key from the token's algorithm, then the OIDC checks the handler does not do
/// (nonce, <c>azp</c>, <c>at_hash</c>).
/// </summary>
/// <remarks>
/// The key choice is what defeats algorithm confusion: an <c>HS*</c> token is only ever checked with the application
/// secret, an <c>RS*</c>/<c>PS*</c> token only with the JWKS's RSA keys and an <c>ES*</c> token only with its EC keys.
/// A token signed with HMAC over the public RSA key therefore meets the application secret and fails. <c>none</c> and
/// any algorithm outside the list below is rejected before a key is looked for.
/// </remarks>
internal sealed class OidcTokenValidator
{
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly JwksCache _keys;
    private readonly AuthingOidcOptions _options;
    private readonly string _issuer;
    private readonly string _audience;
    private readonly SymmetricSecurityKey? _secretKey;

    public OidcTokenValidator(JwksCache keys, AuthingOidcOptions options, string issuer, string audience, string? appSecret)
    {
        _keys = keys;
        _options = options;
        _issuer = issuer;
        _audience = audience;
        _secretKey = string.IsNullOrEmpty(appSecret) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(appSecret));
    }

    public async Task<OidcValidatedToken> ValidateAsync(
        string token, string what, string? expectedNonce, string? accessToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        cancellationToken.ThrowIfCancellationRequested();

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException or FormatException)
        {
            throw Fail(OidcValidationFailure.Malformed, what + " is not a well-formed JWT.", ex);
        }

        if (jwt.IsEncrypted)
        {
            throw Fail(OidcValidationFailure.Malformed, what + " is encrypted (JWE); only signed tokens are supported.");
        }

        string algorithm = jwt.Alg ?? string.Empty;
        string? keyType = KeyTypeOf(algorithm);
        SecurityKey[] keys;
        if (keyType is null)
        {
            throw Fail(OidcValidationFailure.AlgorithmNotAllowed, $"{what} uses the algorithm '{Printable(algorithm)}', which is not accepted.");
        }
        else if (keyType == JsonWebAlgorithmsKeyTypes.Octet)
        {
            keys = _secretKey is null
                ? throw Fail(OidcValidationFailure.MissingSecret, $"{what} is signed with {algorithm}, and the options have no AppSecret to check it with.")
                : new SecurityKey[] { _secretKey };
        }
        else
        {
            string? keyId = string.IsNullOrEmpty(jwt.Kid) ? null : jwt.Kid;
            var found = await _keys.GetKeysAsync(keyId, keyType, cancellationToken).ConfigureAwait(false);
            if (found.Count == 0)
            {
                throw Fail(
                    OidcValidationFailure.UnknownSigningKey,
                    keyId is null
                        ? $"{what} has no kid and the application's JWKS has no {keyType} key."
                        : $"{what} names the key '{Printable(keyId)}', which the application's JWKS does not have ({keyType}).");
            }

            keys = new SecurityKey[found.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = found[i];
            }
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _issuer,
            ValidAudience = _audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            // Lifetime is checked below against AuthingOidcOptions.TimeProvider, which the handler cannot be given.
            ValidateLifetime = false,
            RequireSignedTokens = true,
            RequireAudience = true,
            ValidAlgorithms = new[] { algorithm },
            IssuerSigningKeys = keys,
            TryAllIssuerSigningKeys = true,
            ValidateIssuerSigningKey = false,
            ClockSkew = _options.ClockSkew,
            NameClaimType = "name",
            RoleClaimType = "role",
            AuthenticationType = "AuthenticationTypes.Federation",
        };

        TokenValidationResult result = await Handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            Exception? cause = result.Exception;
            throw Fail(ReasonOf(cause), $"{what} is not valid: {Summary(ReasonOf(cause))}.", cause);
        }

        CheckLifetime(jwt, what);

        // OpenID Connect Core §3.1.3.7 item 4 and 5: several audiences need an azp naming this client.
        int audienceCount = 0;
        foreach (string _ in jwt.Audiences)
        {
            audienceCount++;
        }

        string? authorizedParty = jwt.TryGetPayloadValue("azp", out string? azp) ? azp : null;
        if ((audienceCount > 1 || authorizedParty is not null) && authorizedParty != _audience)
        {
            throw Fail(OidcValidationFailure.InvalidAuthorizedParty, $"{what} was issued to another party (azp).");
        }

        if (expectedNonce is not null)
        {
            string? nonce = jwt.TryGetPayloadValue("nonce", out string? value) ? value : null;
            if (nonce is null)
            {
                throw Fail(OidcValidationFailure.InvalidNonce, $"{what} carries no nonce, and the sign-in sent one.");
            }

            if (!OidcText.FixedTimeEquals(nonce, expectedNonce))
            {
                throw Fail(OidcValidationFailure.InvalidNonce, $"{what} carries another nonce than the sign-in sent (replayed or injected token).");
            }
        }

        if (accessToken is not null && jwt.TryGetPayloadValue("at_hash", out string? atHash) && atHash is not null
            && !OidcText.FixedTimeEquals(atHash, LeftHalfHash(algorithm, accessToken)))
        {
            throw Fail(OidcValidationFailure.InvalidAccessTokenHash, $"{what}'s at_hash does not match the access token issued with it.");
        }

        return new OidcValidatedToken(jwt, result.ClaimsIdentity);
    }

    /// <summary>RFC 7519 §4.1.4 and §4.1.5 with the configured clock skew; <c>exp</c> is required (OpenID Connect Core §2).</summary>
    private void CheckLifetime(JsonWebToken jwt, string what)
    {
        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        if (!jwt.TryGetPayloadValue("exp", out long expires))
        {
            throw Fail(OidcValidationFailure.Expired, what + " has no expiry (exp).");
        }

        DateTimeOffset expiry = FromUnixSeconds(expires);
        if (now - _options.ClockSkew >= expiry)
        {
            throw Fail(OidcValidationFailure.Expired, string.Create(CultureInfo.InvariantCulture, $"{what} expired at {expiry:u} (clock skew {_options.ClockSkew})."));
        }

        if (jwt.TryGetPayloadValue("nbf", out long notBefore) && now + _options.ClockSkew < FromUnixSeconds(notBefore))
        {
            throw Fail(OidcValidationFailure.NotYetValid, string.Create(CultureInfo.InvariantCulture, $"{what} is not valid before {FromUnixSeconds(notBefore):u}."));
        }
    }

    private static DateTimeOffset FromUnixSeconds(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(Math.Max(Math.Min(seconds, 253402300799L), -62135596800L));

    /// <summary>The JWK key type an algorithm needs, or null when the algorithm is not accepted.</summary>
    private static string? KeyTypeOf(string algorithm) => algorithm switch
    {
        SecurityAlgorithms.HmacSha256 or SecurityAlgorithms.HmacSha384 or SecurityAlgorithms.HmacSha512 => JsonWebAlgorithmsKeyTypes.Octet,
        SecurityAlgorithms.RsaSha256 or SecurityAlgorithms.RsaSha384 or SecurityAlgorithms.RsaSha512
            or SecurityAlgorithms.RsaSsaPssSha256 or SecurityAlgorithms.RsaSsaPssSha384 or SecurityAlgorithms.RsaSsaPssSha512 => JsonWebAlgorithmsKeyTypes.RSA,
        SecurityAlgorithms.EcdsaSha256 or SecurityAlgorithms.EcdsaSha384 or SecurityAlgorithms.EcdsaSha512 => JsonWebAlgorithmsKeyTypes.EllipticCurve,
        _ => null,
    };

    /// <summary>
    /// The <c>at_hash</c> of an access token (OpenID Connect Core §3.1.3.6): base64url of the left half of the hash of its
    /// ASCII bytes, with the hash of the ID token's algorithm.
    /// </summary>
    internal static string LeftHalfHash(string algorithm, string accessToken)
    {
        using HashAlgorithm hash = algorithm.EndsWith("512", StringComparison.Ordinal) ? SHA512.Create()
            : algorithm.EndsWith("384", StringComparison.Ordinal) ? SHA384.Create()
            : SHA256.Create();
        byte[] digest = hash.ComputeHash(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(digest, 0, digest.Length / 2);
    }

    private static OidcValidationFailure ReasonOf(Exception? cause) => cause switch
    {
        SecurityTokenExpiredException or SecurityTokenNoExpirationException => OidcValidationFailure.Expired,
        SecurityTokenNotYetValidException => OidcValidationFailure.NotYetValid,
        SecurityTokenInvalidIssuerException => OidcValidationFailure.InvalidIssuer,
        SecurityTokenInvalidAudienceException => OidcValidationFailure.InvalidAudience,
        SecurityTokenInvalidAlgorithmException => OidcValidationFailure.AlgorithmNotAllowed,
        SecurityTokenMalformedException => OidcValidationFailure.Malformed,
        // The keys were chosen above from alg and kid; the handler not finding one that verifies is a bad signature.
        _ => OidcValidationFailure.InvalidSignature,
    };

    private static string Summary(OidcValidationFailure reason) => reason switch
    {
        OidcValidationFailure.Expired => "it has expired (or has no exp)",
        OidcValidationFailure.NotYetValid => "it is not valid yet (nbf)",
        OidcValidationFailure.InvalidIssuer => "it was issued by another issuer",
        OidcValidationFailure.InvalidAudience => "it was issued for another audience",
        OidcValidationFailure.AlgorithmNotAllowed => "its algorithm is not accepted",
        OidcValidationFailure.Malformed => "it cannot be read",
        OidcValidationFailure.UnknownSigningKey => "no key matches it",
        _ => "its signature does not verify",
    };

    /// <summary>Header values are attacker-chosen: keep them short and printable in messages.</summary>
    private static string Printable(string value)
    {
        var text = new StringBuilder();
        foreach (char c in value)
        {
            if (text.Length == 40)
            {
                return text.Append('…').ToString();
            }

            text.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return text.ToString();
    }

    private static AuthingOidcValidationException Fail(OidcValidationFailure reason, string message, Exception? cause = null) =>
        new(reason, message, cause);
}
