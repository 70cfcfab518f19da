using Authing.Sdk;
using Authing.Sdk.Oidc;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests.Oidc;

internal static class OidcTestClients
{
    public const string RedirectUri = "https://app.example.com/signin-authing";

    public static AuthenticationClientOptions Options(
        LoopbackOidcProvider provider,
        TokenEndpointAuthMethod method = TokenEndpointAuthMethod.ClientSecretPost,
        Action<AuthingOidcOptions>? oidc = null)
    {
        var options = new AuthenticationClientOptions
        {
            AppId = LoopbackOidcProvider.AppId,
            AppSecret = method == TokenEndpointAuthMethod.None ? null : LoopbackOidcProvider.AppSecret,
            AppHost = provider.BaseUrl,
            TokenEndpointAuthMethod = method,
            Timeout = TimeSpan.FromSeconds(10),
        };
        options.Oidc.RedirectUri = RedirectUri;
        options.Oidc.LogoutRedirectUri = "https://app.example.com/signed-out";
        oidc?.Invoke(options.Oidc);
        return options;
    }

    /// <summary>The OIDC client as the generated AuthenticationClient exposes it: the transport's shared instance.</summary>
    public static AuthingOidcClient Create(
        LoopbackOidcProvider provider,
        TokenEndpointAuthMethod method = TokenEndpointAuthMethod.ClientSecretPost,
        Action<AuthingOidcOptions>? oidc = null,
        HttpClient? httpClient = null,
        ListLogger? logger = null) =>
        new AuthenticationTransport(httpClient ?? new HttpClient(), Options(provider, method, oidc), logger).Oidc;
}
