using System.Net;
using Microsoft.AspNetCore.Builder;

namespace Authing.DocsGen.Runtime.Tests.Oidc;

/// <summary>The README's ASP.NET Core walkthrough is this repository's code, and it signs a user in end to end.</summary>
public sealed class ReadmeWalkthroughTests
{
    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Authing.DocsGen.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }

    [Fact]
    public void TheReadmeWalkthroughIsTheSampleCharacterForCharacter()
    {
        string readme = File.ReadAllText(RepositoryFile("README.md")).ReplaceLineEndings("\n");
        string sample = File.ReadAllText(RepositoryFile("tests/Authing.DocsGen.Runtime.Tests/Oidc/SignInWalkthrough.cs")).ReplaceLineEndings("\n");

        int marker = readme.IndexOf("<!-- oidc-walkthrough -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "README has no <!-- oidc-walkthrough --> marker");
        int start = readme.IndexOf("```csharp\n", marker, StringComparison.Ordinal) + "```csharp\n".Length;
        string block = readme[start..readme.IndexOf("```\n", start, StringComparison.Ordinal)];

        int regionStart = sample.IndexOf("// walkthrough:start\n", StringComparison.Ordinal) + "// walkthrough:start\n".Length;
        int regionEnd = sample.LastIndexOf('\n', sample.IndexOf("// walkthrough:end", StringComparison.Ordinal)) + 1;
        string region = string.Concat(sample[regionStart..regionEnd].Split('\n').Select(line => (line.StartsWith("        ", StringComparison.Ordinal) ? line[8..] : line) + "\n"))[..^1];

        Assert.Equal(region.TrimEnd() + "\napp.Run();", block.TrimEnd());
    }

    [Fact]
    public async Task TheWalkthroughSignsAUserInAndOutAgainstTheLoopbackProvider()
    {
        await using var provider = new LoopbackOidcProvider();
        int port = LoopbackServer.FreePort();
        string site = $"http://127.0.0.1:{port}";
        await using WebApplication app = SignInWalkthrough.Create(new[]
        {
            "--urls", site,
            "--Authing:AppId", LoopbackOidcProvider.AppId,
            "--Authing:AppSecret", LoopbackOidcProvider.AppSecret,
            "--Authing:AppHost", provider.BaseUrl,
            "--Authing:RedirectUri", site + "/signin-authing",
            "--Authing:LogoutRedirectUri", site + "/",
            "--Logging:LogLevel:Default", "Warning",
        });
        await app.StartAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

        HttpResponseMessage login = await browser.GetAsync(site + "/login");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith(provider.BaseUrl + "/oidc/auth?", login.Headers.Location!.AbsoluteUri);
        HttpResponseMessage atAuthing = await browser.GetAsync(login.Headers.Location);
        Assert.StartsWith(site + "/signin-authing?code=", atAuthing.Headers.Location!.AbsoluteUri);
        HttpResponseMessage callback = await browser.GetAsync(atAuthing.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        string home = await browser.GetStringAsync(site + "/");
        HttpResponseMessage replay = await browser.GetAsync(atAuthing.Headers.Location);
        HttpResponseMessage logout = await browser.GetAsync(site + "/logout");
        string after = await browser.GetStringAsync(site + "/");

        Assert.Equal("Hello Ada Lovelace (user-42)", home);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.StartsWith(provider.BaseUrl + "/oidc/session/end?id_token_hint=ey", logout.Headers.Location!.AbsoluteUri);
        Assert.Equal("Not signed in: /login", after);
        await app.StopAsync();
    }
}
