using System.Diagnostics;
using System.Net;
using Authing.Sdk;
using Authing.Sdk.Runtime;
using CsCheck;

namespace Authing.DocsGen.Runtime.Tests;

/// <summary>
/// Cancellation and timeouts racing the response: whatever wins, a call ends promptly with the result, an
/// OperationCanceledException carrying the caller's token (only when the caller cancelled), or an AuthingApiException
/// of the right kind (Timeout only when the caller did not cancel). Nothing hangs and no other exception escapes.
/// </summary>
public sealed class CancellationRaceTests
{
    public enum Server
    {
        AnswersOk,
        AnswersError,
        Fails,
        NeverAnswers,
    }

    private static readonly Gen<(Server Server, int ServerDelay, int CancelAfter, bool Yield)> s_races =
        Gen.Select(Gen.Enum<Server>(), Gen.Int[0, 3_000], Gen.Int[0, 3_000], Gen.Bool);

    [Fact]
    public async Task Caller_cancellation_racing_the_response_ends_in_the_result_or_the_callers_cancellation()
    {
        await s_races.SampleAsync(
            async race =>
            {
                using var transport = HostileResponseTests.Transport(Handler(race.Server, race.ServerDelay, race.Yield), TimeSpan.FromSeconds(30));
                using var cancellation = new CancellationTokenSource();
                var call = HostileResponseTests.SendAsync(transport, cancellation.Token);
                await Delay(race.CancelAfter, race.Yield);
                cancellation.Cancel();
                await AssertOutcomeAsync(call, race.Server, cancellation.Token, timeoutPossible: false);
            },
            iter: Math.Max(1_000, HostileResponseTests.Cases / 5),
            print: race => race.ToString());
    }

    [Fact]
    public async Task A_timeout_racing_the_response_ends_in_the_result_or_a_timeout_never_in_a_cancellation()
    {
        await Gen.Select(s_races, Gen.Int[1, 4]).SampleAsync(
            async (race, timeoutMilliseconds) =>
            {
                using var transport = HostileResponseTests.Transport(Handler(race.Server, race.ServerDelay, race.Yield), TimeSpan.FromMilliseconds(timeoutMilliseconds));
                await AssertOutcomeAsync(HostileResponseTests.SendAsync(transport), race.Server, CancellationToken.None, timeoutPossible: true);
            },
            iter: Math.Max(500, HostileResponseTests.Cases / 10),
            print: t => t.ToString());
    }

    [Fact]
    public async Task Cancellation_racing_a_real_server_ends_promptly_and_the_server_is_not_left_hanging()
    {
        var random = new Random(20260901);
        await using var server = new LoopbackServer(async (context, stopping) =>
        {
            var delay = int.Parse(context.Request.QueryString["delay"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            if (delay > 0)
            {
                await Task.Delay(delay, stopping);
            }

            await LoopbackServer.WriteAsync(context, 200, "{\"statusCode\":200,\"id\":\"w_1\"}");
        });
        using var transport = HostileResponseTests.Transport(new HttpClient(), TimeSpan.FromSeconds(30), server.BaseUrl);

        for (var i = 0; i < 200; i++)
        {
            var delay = random.Next(0, 6);
            var cancelAfter = random.Next(0, 6);
            using var cancellation = new CancellationTokenSource();
            var request = new AuthingRequest(HttpMethod.Get, "/api/v3/get-widget");
            request.AddQuery("delay", (long)delay);
            var call = transport.SendAsync(request, HostileResponseConverter.Instance, cancellation.Token);
            cancellation.CancelAfter(cancelAfter);
            await AssertOutcomeAsync(call, Server.AnswersOk, cancellation.Token, timeoutPossible: false);
        }

        // The transport still works after all those abandoned calls.
        Assert.Equal("w_1", (await HostileResponseTests.SendAsync(transport)).Id);
    }

    [Fact]
    public async Task Cancelling_while_the_body_stalls_ends_promptly_with_the_callers_token()
    {
        await using var server = new LoopbackServer(async (context, stopping) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = 1000;
            await context.Response.OutputStream.WriteAsync("{\"statusCode\":"u8.ToArray(), stopping);
            await context.Response.OutputStream.FlushAsync(stopping);
            await Task.Delay(Timeout.Infinite, stopping);
        });
        using var transport = HostileResponseTests.Transport(new HttpClient(), TimeSpan.FromSeconds(30), server.BaseUrl);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HostileResponseTests.SendAsync(transport, cancellation.Token)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(cancellation.Token, ex.CancellationToken);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    private static async Task AssertOutcomeAsync(Task<HostileResponse> call, Server server, CancellationToken callerToken, bool timeoutPossible)
    {
        var started = Stopwatch.StartNew();
        try
        {
            var result = await call.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(Server.AnswersOk, server);
            Assert.Equal("w_1", result.Id);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The call hung: {server}");
        }
        catch (OperationCanceledException ex)
        {
            Assert.True(callerToken.IsCancellationRequested, $"Cancelled although the caller did not cancel: {ex}");
            Assert.Equal(callerToken, ex.CancellationToken);
        }
        catch (AuthingApiException ex)
        {
            var expected = ex.Kind == AuthingErrorKind.Timeout && timeoutPossible
                ? AuthingErrorKind.Timeout
                : server switch
                {
                    Server.AnswersError => AuthingErrorKind.HttpError,
                    Server.Fails => AuthingErrorKind.Network,
                    _ => (AuthingErrorKind)(-1),
                };
            Assert.True(ex.Kind == expected, $"{server} ended in {ex.Kind}: {ex.Message}");
            HostileResponseTests.AssertSafeMessage(ex, Array.Empty<byte>());
        }

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
    }

    private static StubHandler Handler(Server server, int delayMicroseconds, bool yield) =>
        new(async (_, cancellationToken) =>
        {
            if (server == Server.NeverAnswers)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            await Delay(delayMicroseconds, yield);
            return server switch
            {
                Server.AnswersOk => StubHandler.Response(HttpStatusCode.OK, "{\"statusCode\":200,\"id\":\"w_1\"}"),
                Server.AnswersError => StubHandler.Response(HttpStatusCode.ServiceUnavailable, "{\"statusCode\":503,\"message\":\"busy\"}"),
                _ => throw new HttpRequestException("connection reset"),
            };
        });

    /// <summary>Waits about <paramref name="microseconds"/>: by spinning, or by yielding to the thread pool in between.</summary>
    private static async Task Delay(int microseconds, bool yield)
    {
        var until = Stopwatch.GetTimestamp() + (microseconds * Stopwatch.Frequency / 1_000_000);
        while (Stopwatch.GetTimestamp() < until)
        {
            if (yield)
            {
                await Task.Yield();
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }
}
