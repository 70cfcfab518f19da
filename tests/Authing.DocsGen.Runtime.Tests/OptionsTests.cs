using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class OptionsTests
{
    private static ManagementClientOptions ValidManagement(string host) =>
        new() { AccessKeyId = "ak", AccessKeySecret = "sk-very-secret", Host = host };

    [Theory]
    [InlineData("https://api.authing.cn", "https://api.authing.cn")]
    [InlineData("https://api.authing.cn/", "https://api.authing.cn")]
    [InlineData("https://api.authing.cn///", "https://api.authing.cn")]
    [InlineData("api.authing.cn", "https://api.authing.cn")]
    [InlineData("example.authing.cn/", "https://example.authing.cn")]
    [InlineData("http://core.example.com", "http://core.example.com")]
    [InlineData("HTTPS://Example.com/", "HTTPS://Example.com")]
    [InlineData("http://localhost:3000", "http://localhost:3000")]
    [InlineData("http://localhost:3000/", "http://localhost:3000")]
    [InlineData("localhost:3000", "http://localhost:3000")]
    [InlineData("https://private.example.com/authing/", "https://private.example.com/authing")]
    [InlineData("  api.authing.cn  ", "https://api.authing.cn")]
    public void HostIsNormalisedLikeNodeDomainC14n(string host, string expected)
    {
        var transport = new ManagementTransport(new HttpClient(), ValidManagement(host));

        Assert.Equal(expected, transport.BaseUrl);
    }

    [Theory]
    [InlineData("https://exa mple.com")]
    [InlineData("ftp://example.com")]
    [InlineData("https://")]
    [InlineData("https://example.com/?x=1")]
    [InlineData("https://user:pw@example.com")]
    public void UnusableHostIsRejectedNamingTheOption(string host)
    {
        IReadOnlyList<string> errors = ValidManagement(host).GetValidationErrors();

        string error = Assert.Single(errors);
        Assert.StartsWith("Host must ", error);
    }

    [Fact]
    public void ManagementValidationListsEveryProblemAndNeverTheSecret()
    {
        var options = new ManagementClientOptions
        {
            AccessKeySecret = "   ",
            Host = "",
            Language = "fr-FR",
            TenantId = "t\r\nx-evil: 1",
            Timeout = TimeSpan.Zero,
        };

        ArgumentException ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            [
                "AccessKeyId is required.",
                "AccessKeySecret is required.",
                "Host is required.",
                "Language must be 'zh-CN' or 'en-US'.",
                "TenantId must not contain CR, LF or NUL characters: it is sent in an HTTP header.",
                "Timeout must be greater than zero and at most 24.20:31:23.6470000, or Timeout.InfiniteTimeSpan; it was 00:00:00.",
            ],
            options.GetValidationErrors());
        Assert.StartsWith("Invalid ManagementClientOptions: AccessKeyId is required. AccessKeySecret is required.", ex.Message);
        Assert.DoesNotContain("x-evil", ex.Message);
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void ManagementDefaultsMatchTheNodeSdk()
    {
        var options = new ManagementClientOptions();

        Assert.Equal("https://api.authing.cn", options.Host);
        Assert.Equal("zh-CN", options.Language);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.False(options.ThrowOnBusinessError);
        Assert.Null(options.TenantId);
    }

    [Fact]
    public void InfiniteTimeoutAndEnglishInAnyCaseAreAccepted()
    {
        var options = ValidManagement("api.authing.cn");
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.Language = "EN-us";

        Assert.Empty(options.GetValidationErrors());
    }

    [Fact]
    public void ManagementToStringHidesTheSecret()
    {
        string text = ValidManagement("api.authing.cn").ToString();

        Assert.DoesNotContain("sk-very-secret", text);
        Assert.Contains("AccessKeySecret = (set)", text);
        Assert.Contains("AccessKeyId = ak", text);
    }

    [Fact]
    public void AuthenticationValidationListsEveryProblem()
    {
        var options = new AuthenticationClientOptions { AppId = "app\n", AccessToken = "tok\r\nen-secret" };

        ArgumentException ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(
            [
                "AppId must not contain CR, LF or NUL characters: it is sent in an HTTP header.",
                "AppSecret is required unless TokenEndpointAuthMethod is None.",
                "AppHost is required.",
                "AccessToken must not contain CR, LF or NUL characters: it is sent in an HTTP header.",
            ],
            options.GetValidationErrors());
        Assert.DoesNotContain("en-secret", ex.Message);
    }

    [Fact]
    public void AppSecretIsOptionalForPublicClients()
    {
        var options = new AuthenticationClientOptions
        {
            AppId = "app",
            AppHost = "pool.authing.cn",
            TokenEndpointAuthMethod = TokenEndpointAuthMethod.None,
        };

        Assert.Empty(options.GetValidationErrors());
        Assert.Equal("https://pool.authing.cn", new AuthenticationTransport(new HttpClient(), options).BaseUrl);
    }

    [Fact]
    public void AuthenticationToStringHidesSecretAndToken()
    {
        var options = new AuthenticationClientOptions
        {
            AppId = "app",
            AppSecret = "app-secret-value",
            AppHost = "pool.authing.cn",
            AccessToken = "user-token-value",
        };

        string text = options.ToString();

        Assert.DoesNotContain("app-secret-value", text);
        Assert.DoesNotContain("user-token-value", text);
        Assert.Contains("AppSecret = (set), AccessToken = (set)", text);
    }

    [Fact]
    public void TransportConstructorsRejectInvalidOptionsWithTheFullList()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(
            () => new ManagementTransport(new ManagementClientOptions { AccessKeyId = "ak" }));

        Assert.Equal("Invalid ManagementClientOptions: AccessKeySecret is required. (Parameter 'options')", ex.Message);
    }

    [Fact]
    public void TransportCopiesOptionsSoLaterChangesDoNotApply()
    {
        var options = ValidManagement("a.example.com");
        var transport = new ManagementTransport(new HttpClient(), options);

        options.Host = "b.example.com";
        options.Timeout = TimeSpan.FromSeconds(1);

        Assert.Equal("https://a.example.com", transport.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(10), transport.Timeout);
    }
}
