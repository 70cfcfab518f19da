using System;

namespace Authing.Sdk.Oidc;

/// <summary>Why a token or a sign-in callback was rejected.</summary>
public enum OidcValidationFailure
{
    /// <summary>Not a compact JWS, unreadable header or payload, or an encrypted token.</summary>
    Malformed,

    /// <summary>The <c>alg</c> is <c>none</c>, unknown or not accepted (e.g. HS256 on an access token check that wants keys).</summary>
    AlgorithmNotAllowed,

    /// <summary>No key of the JWKS matches the token's <c>kid</c> and algorithm, even after fetching the JWKS again.</summary>
    UnknownSigningKey,

    /// <summary>The signature does not verify with the key chosen for the token's algorithm.</summary>
    InvalidSignature,

    /// <summary>The token has no <c>exp</c>, or it is past <c>exp</c> by more than the clock skew.</summary>
    Expired,

    /// <summary>The token's <c>nbf</c> is in the future by more than the clock skew.</summary>
    NotYetValid,

    /// <summary>The <c>iss</c> is not the expected issuer.</summary>
    InvalidIssuer,

    /// <summary>The <c>aud</c> does not contain the application id.</summary>
    InvalidAudience,

    /// <summary>Several audiences and an <c>azp</c> that is not the application id (OpenID Connect Core §3.1.3.7).</summary>
    InvalidAuthorizedParty,

    /// <summary>A nonce was expected and the token carries none, or another one.</summary>
    InvalidNonce,

    /// <summary>The <c>at_hash</c> does not match the access token issued with the ID token.</summary>
    InvalidAccessTokenHash,

    /// <summary>The callback's <c>state</c> is not the one the authorize URL was built with (CSRF).</summary>
    StateMismatch,

    /// <summary>The HS* token cannot be checked: the options have no <c>AppSecret</c>.</summary>
    MissingSecret,

    /// <summary>The JWKS could not be fetched or read; <see cref="Exception.InnerException"/> says why.</summary>
    KeySetUnavailable,
}

/// <summary>
/// A token or sign-in callback that must not be trusted. <see cref="Reason"/> says which check failed;
/// <see cref="Exception.InnerException"/> carries the identity library's detail or the failed JWKS request.
/// </summary>
/// <remarks>The message never contains the token.</remarks>
public class AuthingOidcValidationException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public AuthingOidcValidationException()
        : this("The token is not valid.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The exception message.</param>
    public AuthingOidcValidationException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public AuthingOidcValidationException(string message, Exception? innerException)
        : this(OidcValidationFailure.Malformed, message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed check.</summary>
    /// <param name="reason">Which check failed.</param>
    /// <param name="message">The exception message; it must not contain the token.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public AuthingOidcValidationException(OidcValidationFailure reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Which check failed.</summary>
    public OidcValidationFailure Reason { get; }
}
