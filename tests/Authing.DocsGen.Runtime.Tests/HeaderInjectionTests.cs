using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Authing.Sdk;
using Authing.Sdk.Runtime;
using CsCheck;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>
/// Every value that becomes part of a request line or a header (key id, app id, tenant id, access token, path template,
/// path and query values), with CR, LF, NUL, Unicode line separators, other control characters and non-ASCII text:
/// either refused up front with an ArgumentException that names the option and does not quote the value, or sent exactly
/// as given (escaped, for URLs) over a real socket. A server never sees an injected header.
/// </summary>
public sealed class HeaderInjectionTests
{
    private static readonly string[] s_pieces =
    {
        "ak", "tenant-1", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", " ", "\r", "\n", "\r\n", "\r\nx-injected: 1", "\nx-injected: 1\r\n\r\n", "\0",
        "\u2028", "\u2029", "\u0085", "\u000B", "\u000C", "\t", "\u007F", "租户", "é", "\u202E", "\u200B", "\uFEFF", "😀", ":", ";", "\"", "%0d%0a",
    };

    private static readonly Gen<string> s_values = Gen.Int[0, s_pieces.Length - 1].Array[1, 5].Select(parts => string.Concat(parts.Select(i => s_pieces[i])));

    public enum Target
    {
        AccessKeyId,
        TenantId,
        AppId,
        AccessToken,
        SetAccessToken,
    }

    [Fact]
    public async Task A_header_value_is_refused_up_front_or_arrives_exactly_as_given()
    {
        var seen = new ConcurrentQueue<Dictionary<string, string>>();
        await using var server = new LoopbackServer(async (context, _) =>
        {
            seen.Enqueue(context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!));
            await LoopbackServer.WriteAsync(context, 200, "{\"statusCode\":200}");
        });

        await Gen.Select(s_values, Gen.Enum<Target>()).SampleAsync(
            async (value, target) =>
            {
                seen.Clear();
                AuthingTransport transport;
                try
                {
                    transport = Create(target, value, server.BaseUrl);
                }
                catch (ArgumentException ex)
                {
                    AssertRefusedSafely(ex, value, target);
                    return;
                }

                using (transport)
                {
                    Assert.True(value.All(c => c is >= ' ' and <= '~'), $"'{Escape(value)}' was accepted for {target} but cannot be sent as it is");
                    await transport.SendAsync(new AuthingRequest(HttpMethod.Get, "/api/v3/get-widget"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
                }

                var headers = Assert.Single(seen);
                Assert.DoesNotContain("x-injected", headers.Keys);
                var expected = value.Trim(' ', '\t');
                switch (target)
                {
                    case Target.AccessKeyId:
                        Assert.StartsWith("authing " + value + ":", headers["authorization"], StringComparison.Ordinal);
                        break;
                    case Target.TenantId or Target.AppId:
                        Assert.Equal(expected, headers.GetValueOrDefault("x-authing-app-id", string.Empty));
                        break;
                    default:
                        Assert.Equal(expected, headers.GetValueOrDefault("authorization", string.Empty));
                        break;
                }
            },
            iter: Math.Max(300, HostileResponseTests.Cases / 20),
            threads: 1,
            print: t => $"{t.Item2} = \"{Escape(t.Item1)}\"");
    }

    [Theory]
    [InlineData("/api/v3/a\r\nx-injected: 1")]
    [InlineData("/api/v3/a b")]
    [InlineData("/api/v3/a\u2028b")]
    [InlineData("/api/v3/a?b=c")]
    [InlineData("/api/v3/a#b")]
    [InlineData("/api/v3/é")]
    public void A_path_template_that_a_request_line_cannot_carry_is_refused(string template)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AuthingRequest(HttpMethod.Get, template));

        Assert.Equal("pathTemplate", ex.ParamName);
        Assert.DoesNotContain("x-injected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_and_query_values_with_line_breaks_arrive_percent_encoded()
    {
        string? rawUrl = null;
        Dictionary<string, string>? headers = null;
        await using var server = new LoopbackServer(async (context, _) =>
        {
            rawUrl = context.Request.RawUrl;
            headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
            await LoopbackServer.WriteAsync(context, 200, "{\"statusCode\":200}");
        });
        using var transport = HostileResponseTests.Transport(new HttpClient(), host: server.BaseUrl);
        var request = new AuthingRequest(HttpMethod.Get, "/api/v3/widgets/{widgetId}");
        request.SetPathParameter("widgetId", "w\r\nx-injected: 1\u2028");
        request.AddQuery("q\r\n", "v\r\nx-injected: 2\u0085");

        await transport.SendAsync(request, CancellationToken.None);

        Assert.Equal("/api/v3/widgets/w%0D%0Ax-injected%3A%201%E2%80%A8?q%0D%0A=v%0D%0Ax-injected:+2%C2%85", rawUrl);
        Assert.DoesNotContain("x-injected", headers!.Keys);
    }

    private static AuthingTransport Create(Target target, string value, string host)
    {
        var management = new ManagementClientOptions { AccessKeyId = "ak", AccessKeySecret = HostileResponseTests.Secret, Host = host };
        var authentication = new AuthenticationClientOptions { AppId = "app", AppSecret = HostileResponseTests.Secret, AppHost = host };
        switch (target)
        {
            case Target.AccessKeyId:
                management.AccessKeyId = value;
                return new ManagementTransport(new HttpClient(), management);
            case Target.TenantId:
                management.TenantId = value;
                return new ManagementTransport(new HttpClient(), management);
            case Target.AppId:
                authentication.AppId = value;
                return new AuthenticationTransport(new HttpClient(), authentication);
            case Target.AccessToken:
                authentication.AccessToken = value;
                return new AuthenticationTransport(new HttpClient(), authentication);
            default:
                var transport = new AuthenticationTransport(new HttpClient(), authentication);
                try
                {
                    transport.SetAccessToken(value);
                }
                catch
                {
                    transport.Dispose();
                    throw;
                }

                return transport;
        }
    }

    private static void AssertRefusedSafely(ArgumentException ex, string value, Target target)
    {
        var refusable = value.Any(c => c is < ' ' or > '~') || string.IsNullOrWhiteSpace(value);
        Assert.True(refusable, $"'{Escape(value)}' is a valid {target} but was refused: {ex.Message}");
        if (value.Trim().Length >= 3)
        {
            Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(HostileResponseTests.Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains(target == Target.SetAccessToken ? "access token" : target.ToString(), ex.Message, StringComparison.Ordinal);
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value)
        {
            text.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return text.ToString();
    }
}
