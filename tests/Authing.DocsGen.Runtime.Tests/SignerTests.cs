using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class SignerTests
{
    internal static readonly KeyValuePair<string, string>[] VectorHeaders =
    [
        new("date", "Thu, 01 Jan 1970 00:00:00 GMT"),
        new("x-authing-lang", "zh-CN"),
        new("x-authing-sdk-version", "authing-node-sdk:4.0.2"),
        new("x-authing-signature-method", "HMAC-SHA1"),
        new("x-authing-signature-nonce", "0123456789abcdef0123456789abcdef"),
        new("x-authing-signature-version", "1.0"),
    ];

    private const string HeaderLines =
        "date:Thu, 01 Jan 1970 00:00:00 GMT\n" +
        "x-authing-lang:zh-CN\n" +
        "x-authing-sdk-version:authing-node-sdk:4.0.2\n" +
        "x-authing-signature-method:HMAC-SHA1\n" +
        "x-authing-signature-nonce:0123456789abcdef0123456789abcdef\n" +
        "x-authing-signature-version:1.0\n";

    [Fact]
    public void GetVectorFromWireSpecReproducesStringToSignAndAuthorization()
    {
        var request = new AuthingRequest(HttpMethod.Get, "/api/v3/get-user");
        request.AddQuery("userId", "u1");
        request.AddQuery("withCustomData", false);
        request.AddQuery("userIdType", (string?)null);

        string stringToSign = AuthingSigner.BuildStringToSign("GET", VectorHeaders, request.Path, request.SigningPairs);

        Assert.Equal("GET\n" + HeaderLines + "/api/v3/get-user?userId=u1&withCustomData=false", stringToSign);
        string signature = AuthingSigner.ComputeSignature("test-secret", stringToSign);
        Assert.Equal("authing test-ak:roHlstyZKGq1CRsVvp4ftQz6n1A=", AuthingSigner.BuildAuthorization("test-ak", signature));
    }

    [Fact]
    public void PostVectorFromWireSpecReproducesStringToSignAndAuthorization()
    {
        var request = new AuthingRequest(HttpMethod.Post, "/api/v3/create-user");
        request.SetJsonBody(
            new CreateUserDto { Email = "a@b.c", Nickname = "x y", EmailVerified = true },
            CreateUserDtoConverter.Instance);

        string stringToSign = AuthingSigner.BuildStringToSign("POST", VectorHeaders, request.Path, request.SigningPairs);

        Assert.Equal(
            "POST\n" + HeaderLines + "/api/v3/create-user?email=a@b.c&emailVerified=true&profile={\"nickname\":\"x y\"}",
            stringToSign);
        string signature = AuthingSigner.ComputeSignature("test-secret", stringToSign);
        Assert.Equal("authing test-ak:HfOaeJQhNLZaJYp11pLXIrSWBWc=", AuthingSigner.BuildAuthorization("test-ak", signature));
    }

    [Fact]
    public void OnlyDateAndXAuthingHeadersAreSignedLowerCasedAndSortedByCodeUnit()
    {
        KeyValuePair<string, string>[] headers =
        [
            new("X-Authing-Signature-Nonce", "n"),
            new("Authorization", "authing a:b"),
            new("content-type", "application/json"),
            new("x-authing-app-id", "tenant"),
            new("Date", "d"),
            new("accept", "application/json"),
            new("x-authing-Z", "z"),
            new("x-authing-a", "a"),
        ];

        string text = AuthingSigner.BuildStringToSign("delete", headers, "/p", []);

        Assert.Equal("DELETE\ndate:d\nx-authing-a:a\nx-authing-app-id:tenant\nx-authing-signature-nonce:n\nx-authing-z:z\n/p", text);
    }

    [Fact]
    public void HeaderValuesAreTrimmedAndControlWhitespaceBecomesSpaces()
    {
        string text = AuthingSigner.BuildStringToSign("GET", [new("x-authing-x", "  a\tb\r\nc\fd  ")], "/p", []);

        Assert.Equal("GET\nx-authing-x:a b  c d\n/p", text);
    }

    [Fact]
    public void PairsAreSortedByOrdinalCodeUnitsNotCulture()
    {
        string text = AuthingSigner.BuildStringToSign(
            "GET", [], "/p", [new("b", "2"), new("B", "1"), new("a", "3"), new("_", "4"), new("é", "5")]);

        Assert.Equal("GET\n/p?B=1&_=4&a=3&b=2&é=5", text);
    }

    [Fact]
    public void NoPairsMeansNoQuestionMark()
    {
        Assert.Equal("POST\n/api/v3/x", AuthingSigner.BuildStringToSign("POST", [], "/api/v3/x", []));
    }
}
