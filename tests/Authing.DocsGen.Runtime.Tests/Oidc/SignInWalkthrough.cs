using System.Security.Claims;
using Authing.Sdk;
using Authing.Sdk.Oidc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Authing.DocsGen.Runtime.Tests.Oidc;

/// <summary>
/// The README's "Sign users in (OIDC)" ASP.NET Core walkthrough. The region between the markers is the README's code
/// block, character for character (ReadmeWalkthroughTests checks it); the test runs it against the loopback provider.
/// </summary>
public static class SignInWalkthrough
{
    public static WebApplication Create(string[] args)
    {
        // walkthrough:start
        var builder = WebApplication.CreateBuilder(args);
        var authing = new AuthenticationClientOptions
        {
            AppId = builder.Configuration["Authing:AppId"],
            AppSecret = builder.Configuration["Authing:AppSecret"],
            AppHost = builder.Configuration["Authing:AppHost"],     // https://<your-app>.authing.cn
        };
        authing.Oidc.RedirectUri = builder.Configuration["Authing:RedirectUri"];   // https://<your-site>/signin-authing
        authing.Oidc.LogoutRedirectUri = builder.Configuration["Authing:LogoutRedirectUri"];
        authing.Oidc.Scope = "openid profile email";

        // One OIDC client for the whole app: it caches the application's JWKS. With the generated SDK this is
        // new AuthenticationClient(authing).Oidc, which also shares that client's HttpClient and logging.
        builder.Services.AddSingleton(new AuthingOidcClient(new HttpClient(), authing));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        // 1. Send the browser to Authing; keep state, nonce and PKCE verifier in a protected, short-lived cookie.
        app.MapGet("/login", (AuthingOidcClient oidc, IDataProtectionProvider protection, HttpContext http) =>
        {
            AuthorizeUrl authorize = oidc.BuildAuthorizeUrl();
            string saved = string.Join('\n', authorize.State, authorize.Nonce, authorize.CodeVerifier, authorize.RedirectUri);
            http.Response.Cookies.Append(
                "authing.signin",
                protection.CreateProtector("authing.signin").Protect(saved),
                new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromMinutes(10) });
            return Results.Redirect(authorize.Url!.AbsoluteUri);
        });

        // 2. Authing redirects back with code and state: check state, exchange the code, validate the ID token.
        app.MapGet("/signin-authing", async (string code, string? state, AuthingOidcClient oidc, IDataProtectionProvider protection, HttpContext http) =>
        {
            if (!http.Request.Cookies.TryGetValue("authing.signin", out string? cookie))
            {
                return Results.BadRequest("The sign-in expired; start again at /login.");
            }

            http.Response.Cookies.Delete("authing.signin");
            string[] saved = protection.CreateProtector("authing.signin").Unprotect(cookie).Split('\n');
            var pending = new AuthorizeUrl(saved[0], saved[1], saved[2], saved[3]);
            try
            {
                OidcSignInResult result = await oidc.CompleteSignInAsync(code, state, pending, http.RequestAborted);
                var properties = new AuthenticationProperties();
                properties.StoreTokens(new[] { new AuthenticationToken { Name = "id_token", Value = result.Tokens.IdToken! } });
                await http.SignInAsync(new ClaimsPrincipal(result.IdToken!.Identity), properties);
                return Results.Redirect("/");
            }
            catch (Exception ex) when (ex is AuthingOidcValidationException or AuthingOAuthException)
            {
                return Results.Problem("Sign-in failed: " + ex.Message, statusCode: StatusCodes.Status401Unauthorized);
            }
        });

        // 3. The signed-in user; 4. sign out here and at Authing.
        app.MapGet("/", (ClaimsPrincipal user) =>
            user.Identity?.IsAuthenticated == true ? $"Hello {user.Identity.Name} ({user.FindFirstValue("sub")})" : "Not signed in: /login");
        app.MapGet("/logout", async (AuthingOidcClient oidc, HttpContext http) =>
        {
            string? idToken = await http.GetTokenAsync("id_token");
            await http.SignOutAsync();
            return Results.Redirect(oidc.BuildLogoutUrl(new LogoutUrlRequest { IdTokenHint = idToken }).AbsoluteUri);
        });
        // walkthrough:end

        return app;
    }
}
