using System;
using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Authing.Sdk.Oidc;

/// <summary>A token whose signature, issuer, audience and lifetime have been checked.</summary>
public sealed class OidcValidatedToken
{
    internal OidcValidatedToken(JsonWebToken token, ClaimsIdentity identity)
    {
        Token = token;
        Identity = identity;
    }

    /// <summary>The parsed token (header and payload claims).</summary>
    public JsonWebToken Token { get; }

    /// <summary>
    /// The claims as an identity of authentication type <c>AuthenticationTypes.Federation</c>, with <c>name</c> and
    /// <c>role</c> as name and role claim types, ready for <see cref="ClaimsPrincipal"/> (e.g. an ASP.NET Core cookie sign-in).
    /// </summary>
    public ClaimsIdentity Identity { get; }

    /// <summary>The user id (<c>sub</c>).</summary>
    public string? Subject => Get("sub");

    /// <summary>The issuer (<c>iss</c>).</summary>
    public string Issuer => Token.Issuer;

    /// <summary>The audiences (<c>aud</c>).</summary>
    public IEnumerable<string> Audiences => Token.Audiences;

    /// <summary>The signing algorithm (<c>alg</c>).</summary>
    public string Algorithm => Token.Alg;

    /// <summary>The expiry (<c>exp</c>).</summary>
    public DateTimeOffset ExpiresAt => new(Token.ValidTo, TimeSpan.Zero);

    /// <summary>The <c>nonce</c>, when the token carries one.</summary>
    public string? Nonce => Get("nonce");

    /// <summary>A claim's value as a string, or <see langword="null"/> when the token does not carry it.</summary>
    /// <param name="type">The claim name as in the token, e.g. <c>email</c>.</param>
    /// <returns>The value.</returns>
    public string? Get(string type) => Token.TryGetPayloadValue(type, out string? value) ? value : null;
}
