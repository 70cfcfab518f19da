using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Authing.Sdk;
using Authing.Sdk.Runtime;

namespace Authing.DocsGen.Runtime.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task OneCallSpanWithOneClientChildPerAttemptAndADurationPerAttemptWithoutSecrets()
    {
        string route = "/api/v3/telemetry-" + Guid.NewGuid().ToString("N");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AuthingTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (Equals(a.GetTagItem("http.route"), route))
                {
                    activities.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var measurements = new ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AuthingTelemetry.Name && instrument.Name == AuthingTelemetry.RequestDurationName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("http.route"), route))
            {
                measurements.Enqueue((value, map));
            }
        });
        meterListener.Start();

        await using var server = new SignedServer((i, _) => i == 0
            ? (503, "{\"statusCode\":503,\"message\":\"busy\"}", null)
            : (200, "{\"statusCode\":200,\"apiCode\":7,\"requestId\":\"req-77\",\"message\":\"ok\",\"data\":\"d\"}", null));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, new ManagementClientOptions
        {
            AccessKeyId = "test-ak",
            AccessKeySecret = "test-secret",
            Host = server.BaseUrl,
            Retry = { InitialDelay = TimeSpan.FromMilliseconds(1) },
        });
        var request = new AuthingRequest(HttpMethod.Get, route);
        request.AddQuery("email", "private@example.com");

        await transport.SendAsync(request, TestResponseConverter.Instance, default);

        Activity call = Assert.Single(activities, a => a.Kind == ActivityKind.Internal);
        Activity[] attempts = activities.Where(a => a.Kind == ActivityKind.Client).OrderBy(a => a.StartTimeUtc).ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a => Assert.Equal(call.SpanId, a.ParentSpanId));
        Assert.Equal("GET " + route, call.DisplayName);
        Assert.Equal("GET", call.GetTagItem("http.request.method"));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal("req-77", call.GetTagItem("authing.request_id"));
        Assert.Equal(7, call.GetTagItem("authing.api_code"));
        Assert.Equal(503, attempts[0].GetTagItem("http.response.status_code"));
        Assert.Equal("503", attempts[0].GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
        Assert.Equal(200, attempts[1].GetTagItem("http.response.status_code"));
        Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
        Assert.Null(attempts[1].GetTagItem("error.type"));

        string[] sent = server.Requests.SelectMany(r => new[] { r.Headers["authorization"], r.Headers["x-authing-signature-nonce"] }).ToArray();
        foreach (Activity activity in activities)
        {
            foreach (KeyValuePair<string, string?> tag in activity.Tags)
            {
                Assert.DoesNotContain("test-secret", tag.Value ?? "");
                Assert.DoesNotContain("private@example.com", tag.Value ?? "");
                Assert.DoesNotContain(tag.Value ?? "", sent);
            }
        }

        Assert.Equal(2, measurements.Count);
        Assert.Equal([503, 200], measurements.Select(m => m.Tags["http.response.status_code"]));
        Assert.Equal("503", measurements.First().Tags["error.type"]);
        Assert.All(measurements, m => Assert.True(m.Seconds > 0));
    }

    [Fact]
    public async Task AFailedCallSpanCarriesTheErrorTypeAndEnvelope()
    {
        string route = "/api/v3/telemetry-" + Guid.NewGuid().ToString("N");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AuthingTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (Equals(a.GetTagItem("http.route"), route))
                {
                    activities.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = new SignedServer((_, _) => (403, "{\"statusCode\":403,\"apiCode\":1234,\"requestId\":\"r-9\"}", null));
        using var httpClient = new HttpClient();
        using var transport = new ManagementTransport(httpClient, new ManagementClientOptions
        {
            AccessKeyId = "test-ak",
            AccessKeySecret = "test-secret",
            Host = server.BaseUrl,
        });

        await Assert.ThrowsAsync<AuthingApiException>(() =>
            transport.SendAsync(new AuthingRequest(HttpMethod.Post, route), TestResponseConverter.Instance, default));

        Activity call = Assert.Single(activities, a => a.Kind == ActivityKind.Internal);
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal("403", call.GetTagItem("error.type"));
        Assert.Equal(1234, call.GetTagItem("authing.api_code"));
        Assert.Equal("r-9", call.GetTagItem("authing.request_id"));
        Assert.Single(activities, a => a.Kind == ActivityKind.Client);
    }
}
