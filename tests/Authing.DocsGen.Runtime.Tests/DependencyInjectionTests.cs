using Authing.Sdk;
using Authing.Sdk.DependencyInjection;
using Authing.Sdk.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class DependencyInjectionTests
{
    /// <summary>Stands in for a generated client.</summary>
    public sealed class FakeManagementClient(ManagementTransport transport)
    {
        public ManagementTransport Transport { get; } = transport;
    }

    private static IHttpClientBuilder Register(IServiceCollection services, Action<ManagementClientOptions> configure) =>
        AuthingServiceCollectionHelpers.AddAuthingClientCore<FakeManagementClient, ManagementClientOptions>(
            services, configure, (http, options, logger) => new FakeManagementClient(new ManagementTransport(http, options, logger)));

    [Fact]
    public async Task RegisteredClientSendsThroughTheFactoryPipeline()
    {
        var services = new ServiceCollection();
        var handler = StubHandler.Json("{\"statusCode\":200,\"data\":\"via factory\"}");
        IHttpClientBuilder builder = Register(services, o =>
        {
            o.AccessKeyId = "ak";
            o.AccessKeySecret = "sk";
            o.Host = "private.example.com";
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        using ServiceProvider provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<FakeManagementClient>();
        TestResponse response = await client.Transport.SendAsync(
            new AuthingRequest(HttpMethod.Get, "/api/v3/x"), TestResponseConverter.Instance, default);

        Assert.Equal(typeof(FakeManagementClient).FullName, builder.Name);
        Assert.Equal("via factory", response.Data);
        Assert.Equal("https://private.example.com/api/v3/x", Assert.Single(handler.Requests).Uri.AbsoluteUri);
        Assert.NotSame(client, provider.GetRequiredService<FakeManagementClient>());
    }

    [Fact]
    public void InvalidOptionsFailAtResolveTimeListingEveryProblem()
    {
        var services = new ServiceCollection();
        Register(services, o => o.Language = "de");
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<FakeManagementClient>());

        Assert.Equal(
            ["AccessKeyId is required.", "AccessKeySecret is required.", "Language must be 'zh-CN' or 'en-US'."],
            ex.Failures);
    }

    [Fact]
    public void InvalidOptionsFailAtStartupValidation()
    {
        var services = new ServiceCollection();
        Register(services, o => o.AccessKeyId = "ak");
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["AccessKeySecret is required."], ex.Failures);
    }

    [Fact]
    public void OptionsCanAlsoComeFromConfigureLikeAnyOtherOptions()
    {
        var services = new ServiceCollection();
        Register(services, o => o.AccessKeyId = "ak");
        services.Configure<ManagementClientOptions>(o => o.AccessKeySecret = "from-config");
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal("https://api.authing.cn", provider.GetRequiredService<FakeManagementClient>().Transport.BaseUrl);
    }
}
