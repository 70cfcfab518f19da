using System.Security.Cryptography;
using System.Text;
using Authing.Sdk;
using Authing.Sdk.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Authing.DocsGen.Runtime.Tests.Oidc;

/// <summary>ID- and access-token validation with keys generated here and the JWKS served by the loopback provider.</summary>
public sealed class OidcTokenValidationTests
{
    private static async Task<AuthingOidcValidationException> RejectedAsync(Task task) =>
        await Assert.ThrowsAsync<AuthingOidcValidationException>(() => task);

    private static Dictionary<string, object> Claims(params (string Name, object Value)[] claims) =>
        claims.ToDictionary(c => c.Name, c => c.Value);

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData(SecurityAlgorithms.EcdsaSha256)]
    [InlineData(SecurityAlgorithms.HmacSha256)]
    public async Task ATokenSignedWithTheJwksKeysOrTheAppSecretIsAccepted(string algorithm)
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        string token = provider.Issue(algorithm, Claims(("nonce", "n-1"), ("email", "ada@example.com")));

        OidcValidatedToken valid = await oidc.ValidateIdTokenAsync(token, expectedNonce: "n-1");

        Assert.Equal(LoopbackOidcProvider.UserId, valid.Subject);
        Assert.Equal(algorithm, valid.Algorithm);
        Assert.Equal(provider.Issuer, valid.Issuer);
        Assert.Equal("ada@example.com", valid.Get("email"));
        Assert.Equal(LoopbackOidcProvider.UserId, valid.Identity.FindFirst("sub")?.Value);
        Assert.True(valid.Identity.IsAuthenticated);
        Assert.Equal(algorithm.StartsWith("HS", StringComparison.Ordinal) ? 0 : 1, provider.JwksRequests);
    }

    [Fact]
    public async Task TheJwksIsCachedAndFetchedAgainWhenATokenNamesAKeyFromARotation()
    {
        await using var provider = new LoopbackOidcProvider();
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        AuthingOidcClient oidc = OidcTestClients.Create(provider, oidc: o => o.TimeProvider = clock);

        await oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256));
        await oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256));
        Assert.Equal(1, provider.JwksRequests);

        provider.RotateRsaKey("rsa-2");
        clock.Advance(TimeSpan.FromMinutes(1));
        OidcValidatedToken rotated = await oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256));

        Assert.Equal("rsa-2", rotated.Token.Kid);
        Assert.Equal(2, provider.JwksRequests);
    }

    [Fact]
    public async Task AnUnknownKidIsRejectedAndFetchesTheJwksAtMostOncePerRefreshInterval()
    {
        await using var provider = new LoopbackOidcProvider();
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        AuthingOidcClient oidc = OidcTestClients.Create(provider, oidc: o => o.TimeProvider = clock);
        SigningKey stranger = SigningKey.Rsa("attacker-kid");
        await oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256));
        clock.Advance(TimeSpan.FromMinutes(1));

        AuthingOidcValidationException first = await RejectedAsync(oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256, key: stranger)));
        for (int i = 0; i < 5; i++)
        {
            await RejectedAsync(oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256, key: SigningKey.Rsa("random-" + i))));
        }

        Assert.Equal(OidcValidationFailure.UnknownSigningKey, first.Reason);
        Assert.Contains("'attacker-kid'", first.Message);
        Assert.Equal(2, provider.JwksRequests);
    }

    [Fact]
    public async Task AForeignKeyUnderAKnownKidFailsTheSignature()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        SigningKey impostor = SigningKey.Rsa("rsa-1");

        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256, key: impostor)));

        Assert.Equal(OidcValidationFailure.InvalidSignature, ex.Reason);
    }

    [Fact]
    public async Task AnHs256TokenSignedWithAnotherSecretFails()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(
            provider.Issue(SecurityAlgorithms.HmacSha256, secret: "another-secret-0123456789abcdef0123456789")));

        Assert.Equal(OidcValidationFailure.InvalidSignature, ex.Reason);
    }

    [Fact]
    public async Task AnHs256TokenCannotBeCheckedWithoutASecret()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider, TokenEndpointAuthMethod.None);

        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.HmacSha256)));

        Assert.Equal(OidcValidationFailure.MissingSecret, ex.Reason);
    }

    [Theory]
    [InlineData(30, 60, true)]
    [InlineData(30, 0, false)]
    [InlineData(30, 10, false)]
    [InlineData(-30, 0, true)]
    public async Task ExpiryIsCheckedAgainstTheClockWithTheConfiguredSkew(int expiredSecondsAgo, int skewSeconds, bool accepted)
    {
        await using var provider = new LoopbackOidcProvider();
        var now = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        AuthingOidcClient oidc = OidcTestClients.Create(provider, oidc: o =>
        {
            o.TimeProvider = new FixedTimeProvider(now);
            o.ClockSkew = TimeSpan.FromSeconds(skewSeconds);
        });
        string token = provider.Issue(SecurityAlgorithms.RsaSha256, Claims(
            ("iat", now.AddMinutes(-10).ToUnixTimeSeconds()), ("exp", now.AddSeconds(-expiredSecondsAgo).ToUnixTimeSeconds())));

        if (accepted)
        {
            await oidc.ValidateIdTokenAsync(token);
        }
        else
        {
            AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(token));
            Assert.Equal(OidcValidationFailure.Expired, ex.Reason);
            Assert.Contains("expired at 2030-01-01 11:59:30Z", ex.Message);
        }
    }

    [Fact]
    public async Task ATokenNotValidYetOrWithoutExpiryIsRejected()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        string future = provider.Issue(SecurityAlgorithms.RsaSha256, Claims(("nbf", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds())));
        string noExpiry = LoopbackOidcProvider.Compose(
            new { alg = "HS256", typ = "JWT" },
            new { iss = provider.Issuer, aud = LoopbackOidcProvider.AppId, sub = "u" },
            input => HMACSHA256.HashData(Encoding.UTF8.GetBytes(LoopbackOidcProvider.AppSecret), input));

        Assert.Equal(OidcValidationFailure.NotYetValid, (await RejectedAsync(oidc.ValidateIdTokenAsync(future))).Reason);
        Assert.Equal(OidcValidationFailure.Expired, (await RejectedAsync(oidc.ValidateIdTokenAsync(noExpiry))).Reason);
    }

    [Fact]
    public async Task AnotherIssuerOrAudienceIsRejected()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        AuthingOidcValidationException issuer = await RejectedAsync(oidc.ValidateIdTokenAsync(
            provider.Issue(SecurityAlgorithms.RsaSha256, Claims(("iss", "https://evil.example.com/oidc")))));
        AuthingOidcValidationException audience = await RejectedAsync(oidc.ValidateIdTokenAsync(
            provider.Issue(SecurityAlgorithms.RsaSha256, Claims(("aud", "another-app")))));
        AuthingOidcValidationException party = await RejectedAsync(oidc.ValidateIdTokenAsync(
            provider.Issue(SecurityAlgorithms.RsaSha256, Claims(("aud", new[] { LoopbackOidcProvider.AppId, "another-app" })))));

        Assert.Equal(OidcValidationFailure.InvalidIssuer, issuer.Reason);
        Assert.Equal(OidcValidationFailure.InvalidAudience, audience.Reason);
        Assert.Equal(OidcValidationFailure.InvalidAuthorizedParty, party.Reason);
    }

    [Fact]
    public async Task TheNonceMustBeTheOneTheSignInSent()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        AuthingOidcValidationException wrong = await RejectedAsync(oidc.ValidateIdTokenAsync(
            provider.Issue(SecurityAlgorithms.RsaSha256, Claims(("nonce", "replayed"))), expectedNonce: "expected"));
        AuthingOidcValidationException missing = await RejectedAsync(oidc.ValidateIdTokenAsync(
            provider.Issue(SecurityAlgorithms.RsaSha256), expectedNonce: "expected"));

        Assert.Equal(OidcValidationFailure.InvalidNonce, wrong.Reason);
        Assert.Equal(OidcValidationFailure.InvalidNonce, missing.Reason);
        Assert.Contains("carries no nonce", missing.Message);
    }

    [Fact]
    public async Task AtHashMustMatchTheAccessTokenWhenPresent()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        string accessToken = provider.Issue(SecurityAlgorithms.RsaSha256);
        string idToken = provider.Issue(SecurityAlgorithms.RsaSha256, Claims(("at_hash", LoopbackOidcProvider.AtHash(accessToken))));

        await oidc.ValidateIdTokenAsync(idToken, accessToken: accessToken);
        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(idToken, accessToken: accessToken + "x"));

        Assert.Equal(OidcValidationFailure.InvalidAccessTokenHash, ex.Reason);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("HS1")]
    [InlineData("")]
    public async Task AlgNoneAndUnknownAlgorithmsAreRejected(string alg)
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        string token = LoopbackOidcProvider.Compose(
            new { alg, typ = "JWT" },
            new { iss = provider.Issuer, aud = LoopbackOidcProvider.AppId, sub = "admin", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });

        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(token));

        Assert.Equal(OidcValidationFailure.AlgorithmNotAllowed, ex.Reason);
    }

    [Theory]
    [InlineData("der")]
    [InlineData("pem")]
    [InlineData("jwk")]
    public async Task AnHs256TokenSignedWithThePublicRsaKeyAsSecretIsRejected(string keyForm)
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        byte[] publicKey = keyForm switch
        {
            "der" => provider.RsaKey.PublicKeyDer,
            "pem" => Encoding.ASCII.GetBytes(provider.RsaKey.PublicKeyPem),
            _ => Encoding.UTF8.GetBytes(provider.RsaKey.PublicJwk),
        };
        string token = LoopbackOidcProvider.Compose(
            new { alg = "HS256", typ = "JWT", kid = "rsa-1" },
            new { iss = provider.Issuer, aud = LoopbackOidcProvider.AppId, sub = "admin", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() },
            input => HMACSHA256.HashData(publicKey, input));

        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(token));

        Assert.Equal(OidcValidationFailure.InvalidSignature, ex.Reason);
        Assert.Equal(0, provider.JwksRequests);
    }

    [Fact]
    public async Task ATamperedPayloadFailsTheSignature()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        string[] parts = provider.Issue(SecurityAlgorithms.RsaSha256).Split('.');
        string payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(LoopbackOidcProvider.UserId, "admin", StringComparison.Ordinal);
        string tampered = parts[0] + "." + Base64UrlEncoder.Encode(payload) + "." + parts[2];

        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(tampered));

        Assert.Equal(OidcValidationFailure.InvalidSignature, ex.Reason);
    }

    [Theory]
    [InlineData("not a jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30")]
    public async Task GarbageIsMalformed(string token)
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(token));

        Assert.Equal(OidcValidationFailure.Malformed, ex.Reason);
        Assert.DoesNotContain(token, ex.Message);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(200)]
    public async Task AJwksEndpointThatIsDownOrUnreadableIsKeySetUnavailable(int status)
    {
        await using var provider = new LoopbackOidcProvider { JwksFailureStatus = status };
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        AuthingOidcValidationException ex = await RejectedAsync(oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256)));

        Assert.Equal(OidcValidationFailure.KeySetUnavailable, ex.Reason);
        Assert.Contains("/app-123/oidc/.well-known/jwks.json", ex.Message);
        if (status == 503)
        {
            Assert.Equal(503, Assert.IsType<AuthingApiException>(ex.InnerException).HttpStatusCode);
        }
    }

    [Fact]
    public async Task AnExpiredCacheKeepsItsKeysWhileTheJwksEndpointIsDown()
    {
        await using var provider = new LoopbackOidcProvider();
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        AuthingOidcClient oidc = OidcTestClients.Create(provider, oidc: o => o.TimeProvider = clock);
        await oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256));

        provider.JwksFailureStatus = 500;
        clock.Advance(TimeSpan.FromHours(13));
        await oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256, now: clock.GetUtcNow().UtcDateTime));

        // The first fetch, then the refresh with the client's retry policy (a GET answered 500 is retried twice).
        Assert.Equal(1 + 1 + 2, provider.JwksRequests);
    }

    [Fact]
    public async Task CancellingWhileTheJwksIsFetchedThrowsOperationCanceled()
    {
        await using var provider = new LoopbackOidcProvider { JwksDelay = TimeSpan.FromSeconds(30) };
        AuthingOidcClient oidc = OidcTestClients.Create(provider);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => oidc.ValidateIdTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256), cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task AccessTokensAreValidatedWithTheSameKeysIssuerAndAudience()
    {
        await using var provider = new LoopbackOidcProvider();
        AuthingOidcClient oidc = OidcTestClients.Create(provider);

        OidcValidatedToken valid = await oidc.ValidateAccessTokenAsync(provider.Issue(SecurityAlgorithms.RsaSha256, Claims(("scope", "openid profile"))));
        AuthingOidcValidationException other = await RejectedAsync(oidc.ValidateAccessTokenAsync(
            provider.Issue(SecurityAlgorithms.RsaSha256, Claims(("aud", "someone-else")))));

        Assert.Equal("openid profile", valid.Get("scope"));
        Assert.Equal(OidcValidationFailure.InvalidAudience, other.Reason);
    }
}
