using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authing.DocsGen.Benchmarks.Runtime;

/// <summary>
/// A Kestrel server on 127.0.0.1 and an ephemeral port that answers <c>GET /api/v3/list-users</c> with a fixed body, and
/// any other request with 404. Traffic stays on the loopback interface.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    public const string ListUsersPath = "/api/v3/list-users";

    private readonly WebApplication _app;
    private readonly StrongBox<int> _served;

    private LoopbackServer(WebApplication app, string baseUrl, StrongBox<int> served)
    {
        _app = app;
        BaseUrl = baseUrl;
        _served = served;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Requests answered so far.</summary>
    public int Served => Volatile.Read(ref _served.Value);

    public static async Task<LoopbackServer> StartAsync(byte[] listUsersBody)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var served = new StrongBox<int>();
        app.MapGet(ListUsersPath, async context =>
        {
            // Both clients send the same headers; a missing one would make the comparison unfair, so it fails the call.
            if (!context.Request.Headers.ContainsKey("x-authing-app-id") || !context.Request.Headers.ContainsKey("authorization"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            Interlocked.Increment(ref served.Value);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = listUsersBody.Length;
            await context.Response.Body.WriteAsync(listUsersBody, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, address.TrimEnd('/'), served);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
