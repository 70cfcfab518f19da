using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Authing.DocsGen.Text;
using Authing.DocsGen.Model;
using Authing.DocsGen.Resolution;
using Authing.DocsGen.Tests.Properties;
using Microsoft.Extensions.Logging;

namespace Authing.DocsGen.Tests.Infrastructure;

/// <summary>
/// A fixture set (<c>tests/fixtures/pages</c> or <c>tests/fixtures/multi-page</c>) generated, compiled and loaded, with the
/// models behind it, so tests can call the generated clients the way a consumer does.
/// </summary>
public sealed class FixtureSdk
{
    private static readonly ConcurrentDictionary<string, Lazy<FixtureSdk>> s_sets = new(StringComparer.Ordinal);

    private FixtureSdk(string set, IReadOnlyList<TestPage> pages)
    {
        Set = set;
        Pages = pages;
        Assembly = GeneratedAssembly.Build(pages);
        Api = DocsCompiler.Compile(pages.Select(p => new DocsPage(p.Path, p.Text, PageOverrides.None)), GeneratorOptions.Default).Api;
    }

    public string Set { get; }

    public IReadOnlyList<TestPage> Pages { get; }

    public GeneratedAssembly Assembly { get; }

    public ApiModel Api { get; }

    /// <summary>The fixture sets, each compiled once per test run (the pages of a set are generated together, as in <c>CompileTests</c>).</summary>
    public static FixtureSdk Load(string set) => s_sets.GetOrAdd(set, s => new Lazy<FixtureSdk>(() => new FixtureSdk(s, ReadPages(s)))).Value;

    public static IReadOnlyList<string> Sets { get; } = new[] { "pages", "multi-page", "fidelity" };

    public Type Type(string fullName) =>
        Assembly.Assembly?.GetType(fullName) ?? throw new Xunit.Sdk.XunitException($"No generated type {fullName}:\n{Assembly.DescribeProblems()}");

    /// <summary>The response example of a page: the first <c>```json</c> block after its response heading; null when it has none.</summary>
    public static string? ResponseExample(string pageText)
    {
        var lines = pageText.Replace("\r\n", "\n").Split('\n');
        var inResponse = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (Regex.IsMatch(line, @"^#{2,4}\s*(请求响应|request\s+response)\s*$", RegexOptions.IgnoreCase))
            {
                inResponse = true;
            }
            else if (inResponse && line.StartsWith("```json", StringComparison.OrdinalIgnoreCase))
            {
                var block = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    block.Append(lines[i]).Append('\n');
                }

                return block.ToString();
            }
        }

        return null;
    }

    /// <summary>Creates a generated client (<c>ManagementClient</c> or <c>AuthenticationClient</c>) over a loopback host.</summary>
    public object CreateClient(ClientKind client, string host, ILogger? logger, bool strict)
    {
        object options = client == ClientKind.Management
            ? new Authing.Sdk.ManagementClientOptions { AccessKeyId = "ak", AccessKeySecret = "sk", Host = host, StrictResponses = strict }
            : new Authing.Sdk.AuthenticationClientOptions { AppId = "app", AppSecret = "secret", AppHost = host, StrictResponses = strict };
        var type = Type("Authing.Sdk." + client + "Client");
        return Activator.CreateInstance(type, new HttpClient(), options, logger)!;
    }

    /// <summary>Calls a generated client method with a request whose every property is set (so path parameters and required fields are present).</summary>
    public async Task<object> CallAsync(object client, MethodModel method)
    {
        var name = Authing.DocsGen.Text.CSharp.Identifier(method.Name, "Method") + "Async";
        // The overload without per-call options: (request, CancellationToken) or (CancellationToken).
        var info = client.GetType().GetMethods()
            .Where(m => m.Name == name && m.GetParameters() is var p && p.Length <= 2 && p[^1].ParameterType == typeof(CancellationToken))
            .OrderByDescending(m => m.GetParameters().Length)
            .FirstOrDefault() ?? throw new Xunit.Sdk.XunitException($"{client.GetType().Name} has no method {name}");
        var parameters = info.GetParameters();
        var arguments = parameters.Length == 2
            ? new[] { Sample(parameters[0].ParameterType, depth: 0), CancellationToken.None }
            : new object?[] { CancellationToken.None };
        var task = (Task)info.Invoke(client, arguments)!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    /// <summary>A value of a generated type with every property set: strings "x", numbers 1, lists of one item, nested objects (four levels deep).</summary>
    public static object? Sample(Type type, int depth)
    {
        if (type == typeof(string))
        {
            return "x";
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(long))
        {
            return 1L;
        }

        if (underlying == typeof(double))
        {
            return 1.5;
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (typeof(Authing.Sdk.Runtime.IAuthingEnum).IsAssignableFrom(underlying))
        {
            return Activator.CreateInstance(underlying, "x");
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = underlying.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 0);
            if (Sample(element, depth + 1) is { } item && depth < 4)
            {
                array = Array.CreateInstance(element, 1);
                array.SetValue(item, 0);
            }

            return array;
        }

        if (underlying.Namespace == "Authing.Sdk.Models" && underlying.IsClass)
        {
            var instance = Activator.CreateInstance(underlying)!;
            if (depth < 4)
            {
                foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.CanWrite && property.Name != "AdditionalProperties" && property.DeclaringType == underlying)
                    {
                        property.SetValue(instance, Sample(property.PropertyType, depth + 1));
                    }
                }
            }

            return instance;
        }

        return null;
    }

    private static IReadOnlyList<TestPage> ReadPages(string set) =>
        Directory.GetFiles(Path.Combine(Paths.Fixtures, set), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => TestPage.FromFile(Paths.Fixtures, f))
            .ToList();
}

/// <summary>An HTTP server on 127.0.0.1 and an ephemeral port that answers every request with <see cref="Body"/>.</summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public ReplayServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                BaseAddress = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Close();
            }
        }

        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                using (var drain = new StreamReader(context.Request.InputStream))
                {
                    await drain.ReadToEndAsync();
                }

                var bytes = Encoding.UTF8.GetBytes(Body);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
    }

    public string BaseAddress { get; } = "";

    /// <summary>What every request is answered with; set before each call (calls are sequential).</summary>
    public volatile string Body = "{}";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

/// <summary>Collects the runtime's mismatch warnings (<c>AuthingResponseMismatch</c>) with their structured values.</summary>
public sealed class MismatchLogger : ILogger
{
    public ConcurrentQueue<Mismatch> Mismatches { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Name != "AuthingResponseMismatch" || state is not IEnumerable<KeyValuePair<string, object?>> values)
        {
            return;
        }

        var map = values.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
        Assert.Equal(LogLevel.Warning, logLevel);
        Mismatches.Enqueue(new Mismatch(map["JsonPath"], map["Expected"], map["Found"], map["Member"], map["Outcome"].StartsWith("it was converted", StringComparison.Ordinal)));
    }

    public sealed record Mismatch(string Path, string Expected, string Found, string Member, bool Converted);
}
