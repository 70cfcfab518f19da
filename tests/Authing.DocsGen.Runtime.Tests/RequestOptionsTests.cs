using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class RequestOptionsTests
{
    private const string Ok = "{\"statusCode\":200,\"message\":\"ok\",\"data\":\"done\"}";

    [Theory]
    [InlineData("authorization")]
    [InlineData("Date")]
    [InlineData("x-authing-signature-nonce")]
    [InlineData("X-Authing-App-Id")]
    [InlineData("content-type")]
    [InlineData("host")]
    public void SignatureAuthAndBodyHeadersCannotBeOverridden(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new AuthingRequestOptions().AddHeader(name, "v"));
        Assert.Contains("cannot be overridden", error.Message);
    }

    [Theory]
    [InlineData("x-a", "v\r\nx-evil: 1")]
    [InlineData("x-a", "v\n")]
    [InlineData("x-a", "é")]
    [InlineData("x a", "v")]
    [InlineData("x:a", "v")]
    public void HeadersThatCouldSplitOrBreakTheRequestAreRejected(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => new AuthingRequestOptions().AddHeader(name, value));
    }

    [Fact]
    public async Task PerCallSettingsReachTheSignedManagementRequest()
    {
        await using var server = new SignedServer((_, _) => (200, Ok, null));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(
            httpClient, new ManagementClientOptions { AccessKeyId = "test-ak", AccessKeySecret = "test-secret", Host = server.BaseUrl });
        var options = new AuthingRequestOptions { Language = "en-US" }.AddHeader("x-request-tag", "t-1");

        await transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, options, default);

        ReceivedRequest sent = Assert.Single(server.Requests);
        Assert.True(sent.SignatureValid); // the per-call language is signed with the other x-authing-* headers
        Assert.Equal("en-US", sent.Headers["x-authing-lang"]);
        Assert.Equal("t-1", sent.Headers["x-request-tag"]);
    }

    [Fact]
    public async Task PerCallMaxRetriesOverridesTheClient()
    {
        await using var server = new SignedServer((_, _) => (503, "{\"statusCode\":503}", null));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, new ManagementClientOptions
        {
            AccessKeyId = "test-ak",
            AccessKeySecret = "test-secret",
            Host = server.BaseUrl,
            Retry = { InitialDelay = TimeSpan.FromMilliseconds(1) },
        });

        await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, new AuthingRequestOptions { MaxRetries = 0 }, default));
        Assert.Single(server.Requests);

        await Assert.ThrowsAsync<AuthingApiException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-user"), TestResponseConverter.Instance, new AuthingRequestOptions { MaxRetries = 4 }, default));
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task InvalidPerCallValuesFailBeforeAnythingIsSent()
    {
        var handler = StubHandler.Json(Ok);
        using var transport = new AuthenticationTransport(
            new HttpClient(handler), new AuthenticationClientOptions { AppId = "a", AppSecret = "s", AppHost = "https://x.authing.cn" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/get-profile"),
            TestResponseConverter.Instance,
            new AuthingRequestOptions { Language = "de", AccessToken = "tok\nen", MaxRetries = 99 },
            default));

        Assert.Contains("Language", error.Message);
        Assert.Contains("AccessToken", error.Message);
        Assert.Contains("MaxRetries", error.Message);
        Assert.DoesNotContain("tok", error.Message.Replace("AccessToken", ""));
        Assert.Empty(handler.Requests);
    }
}
