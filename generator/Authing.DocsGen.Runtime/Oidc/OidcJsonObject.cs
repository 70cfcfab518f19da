using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Authing.Sdk.Oidc;

/// <summary>
/// A JSON object answered by a protocol endpoint, kept whole in <see cref="Json"/> (Authing adds members of its own)
/// with typed accessors for the standard members. Read with <see cref="JsonDocument"/>: no reflection, trim-safe.
/// </summary>
public abstract class OidcJsonObject
{
    private protected OidcJsonObject(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A JSON object is required.", nameof(json));
        }

        Json = json;
    }

    /// <summary>The whole response object (a detached copy, safe to keep).</summary>
    public JsonElement Json { get; }

    /// <summary>A string member, or <see langword="null"/> when it is missing, null or not a string.</summary>
    /// <param name="name">The member name as sent, e.g. <c>preferred_username</c>.</param>
    /// <returns>The value.</returns>
    public string? GetString(string name) =>
        Json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer member, also when sent as a string of digits; <see langword="null"/> otherwise.</summary>
    /// <param name="name">The member name as sent.</param>
    /// <returns>The value.</returns>
    public long? GetInt64(string name)
    {
        if (!Json.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out long number) ? number
                : value.TryGetDouble(out double real) && real is >= long.MinValue and <= long.MaxValue ? (long)real
                : null;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed)
            ? parsed
            : null;
    }

    /// <summary>A boolean member, also when sent as <c>"true"</c>/<c>"false"</c>; <see langword="null"/> otherwise.</summary>
    /// <param name="name">The member name as sent.</param>
    /// <returns>The value.</returns>
    public bool? GetBoolean(string name)
    {
        if (!Json.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out bool parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A Unix-seconds time member as a <see cref="DateTimeOffset"/>; <see langword="null"/> otherwise.</summary>
    /// <param name="name">The member name as sent, e.g. <c>exp</c>.</param>
    /// <returns>The value.</returns>
    public DateTimeOffset? GetUnixTime(string name) =>
        GetInt64(name) is long seconds && seconds is >= -62135596800L and <= 253402300799L
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>A member that is a string or an array of strings (such as <c>aud</c>), as a list; empty when missing.</summary>
    /// <param name="name">The member name as sent.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<string> GetStrings(string name)
    {
        if (!Json.TryGetProperty(name, out JsonElement value))
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return new[] { value.GetString()! };
        }

        var values = new List<string>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    values.Add(item.GetString()!);
                }
            }
        }

        return values;
    }

    /// <summary>The response as JSON text.</summary>
    /// <returns>The JSON; it can contain tokens, so do not log it.</returns>
    public override string ToString() => Json.GetRawText();
}

/// <summary>A token endpoint response (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3).</summary>
public sealed class OidcTokenResponse : OidcJsonObject
{
    /// <summary>Wraps a token response object.</summary>
    /// <param name="json">The response object; it must carry <c>access_token</c>.</param>
    public OidcTokenResponse(JsonElement json)
        : base(json)
    {
        AccessToken = GetString("access_token") ?? throw new ArgumentException("The token response has no access_token.", nameof(json));
    }

    /// <summary>The access token.</summary>
    public string AccessToken { get; }

    /// <summary>The ID token (OIDC with the <c>openid</c> scope); validate it with <see cref="AuthingOidcClient.ValidateIdTokenAsync"/> before trusting it.</summary>
    public string? IdToken => GetString("id_token");

    /// <summary>The refresh token, when the <c>offline_access</c> scope was granted.</summary>
    public string? RefreshToken => GetString("refresh_token");

    /// <summary>The token type, normally <c>Bearer</c>.</summary>
    public string? TokenType => GetString("token_type");

    /// <summary>The access token's lifetime in seconds, as sent.</summary>
    public long? ExpiresIn => GetInt64("expires_in");

    /// <summary>The granted scope, when the server states it.</summary>
    public string? Scope => GetString("scope");
}

/// <summary>A token introspection response (RFC 7662 §2.2).</summary>
public sealed class OidcIntrospectionResponse : OidcJsonObject
{
    /// <summary>Wraps an introspection response object.</summary>
    /// <param name="json">The response object.</param>
    public OidcIntrospectionResponse(JsonElement json)
        : base(json)
    {
    }

    /// <summary>True when the token is currently active; every other member is only meaningful then.</summary>
    public bool Active => GetBoolean("active") == true;

    /// <summary>The token's scope.</summary>
    public string? Scope => GetString("scope");

    /// <summary>The client the token was issued to.</summary>
    public string? ClientId => GetString("client_id");

    /// <summary>The subject (user id).</summary>
    public string? Subject => GetString("sub");

    /// <summary>The issuer.</summary>
    public string? Issuer => GetString("iss");

    /// <summary>The token type, e.g. <c>Bearer</c>.</summary>
    public string? TokenType => GetString("token_type");

    /// <summary>When the token expires.</summary>
    public DateTimeOffset? ExpiresAt => GetUnixTime("exp");

    /// <summary>When the token was issued.</summary>
    public DateTimeOffset? IssuedAt => GetUnixTime("iat");
}

/// <summary>The claims of the userinfo endpoint (OpenID Connect Core §5.3).</summary>
public sealed class OidcUserInfo : OidcJsonObject
{
    /// <summary>Wraps a userinfo response object.</summary>
    /// <param name="json">The response object.</param>
    public OidcUserInfo(JsonElement json)
        : base(json)
    {
    }

    /// <summary>The user id (<c>sub</c>); compare it with the ID token's before trusting the rest (OpenID Connect Core §5.3.2).</summary>
    public string? Subject => GetString("sub");

    /// <summary>The full name.</summary>
    public string? Name => GetString("name");

    /// <summary>The preferred user name.</summary>
    public string? PreferredUsername => GetString("preferred_username");

    /// <summary>The e-mail address.</summary>
    public string? Email => GetString("email");

    /// <summary>Whether the e-mail address was verified.</summary>
    public bool? EmailVerified => GetBoolean("email_verified");

    /// <summary>The phone number.</summary>
    public string? PhoneNumber => GetString("phone_number");

    /// <summary>The profile picture URL.</summary>
    public string? Picture => GetString("picture");
}
