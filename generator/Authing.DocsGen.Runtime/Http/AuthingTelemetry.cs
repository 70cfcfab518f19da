using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Authing.Sdk;

/// <summary>
/// The names under which the SDK reports traces and metrics, for <c>AddSource</c> / <c>AddMeter</c> in OpenTelemetry.
/// </summary>
/// <remarks>
/// <para>
/// Traces: one span per logical call (<see cref="ActivityKind.Internal"/>, named <c>{METHOD} {route template}</c>) with one
/// <see cref="ActivityKind.Client"/> child per HTTP attempt, tagged after OpenTelemetry's HTTP client conventions:
/// <c>http.request.method</c>, <c>http.route</c>, <c>server.address</c>, <c>server.port</c>, <c>http.response.status_code</c>,
/// <c>http.request.resend_count</c>, <c>error.type</c>, plus <c>authing.request_id</c> and <c>authing.api_code</c> from the envelope.
/// </para>
/// <para>
/// Metrics: the histogram <see cref="RequestDurationName"/> (seconds), one measurement per attempt, with the method,
/// route, status and error type. Never a header, token, signature, query string or body in a tag.
/// </para>
/// </remarks>
public static class AuthingTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> name: <c>Authing.Sdk</c>.</summary>
    public const string Name = "Authing.Sdk";

    /// <summary>The request-duration histogram's name.</summary>
    public const string RequestDurationName = "authing.client.request.duration";

    internal static readonly ActivitySource Source = new(Name, Runtime.AuthingTransport.SdkVersion);

    private static readonly Meter s_meter = new(Name, Runtime.AuthingTransport.SdkVersion);

    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        RequestDurationName, "s", "Duration of HTTP attempts made by the Authing SDK.");

    /// <summary>Starts the span of one logical call; null when nobody listens.</summary>
    internal static Activity? StartCall(string method, string route, Uri baseUri)
    {
        Activity? activity = Source.StartActivity(method + " " + route, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            AddRequestTags(activity, method, route, baseUri);
        }

        return activity;
    }

    /// <summary>Starts the span of one HTTP attempt, a child of the call's span.</summary>
    internal static Activity? StartAttempt(string method, string route, Uri baseUri, int attempt)
    {
        Activity? activity = Source.StartActivity(method + " " + route, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            AddRequestTags(activity, method, route, baseUri);
            if (attempt > 0)
            {
                activity.SetTag("http.request.resend_count", attempt);
            }
        }

        return activity;
    }

    /// <summary>Ends an attempt: its status, error type and the duration measurement.</summary>
    internal static void EndAttempt(Activity? activity, string method, string route, int? status, string? errorType, TimeSpan elapsed)
    {
        if (activity is not null)
        {
            if (status is int code)
            {
                activity.SetTag("http.response.status_code", code);
            }

            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }

        if (s_duration.Enabled)
        {
            var tags = new TagList
            {
                { "http.request.method", method },
                { "http.route", route },
            };
            if (status is int code)
            {
                tags.Add("http.response.status_code", code);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            s_duration.Record(elapsed.TotalSeconds, tags);
        }
    }

    /// <summary>The <c>error.type</c> of a failure: the HTTP status for HTTP errors, else the kind.</summary>
    internal static string ErrorType(AuthingApiException failure) =>
        failure.Kind == AuthingErrorKind.HttpError && failure.HttpStatusCode is int status
            ? status.ToString(CultureInfo.InvariantCulture)
            : failure.Kind switch
            {
                AuthingErrorKind.Timeout => "timeout",
                AuthingErrorKind.Network => "network",
                AuthingErrorKind.InvalidResponse => "invalid_response",
                AuthingErrorKind.BusinessError => "business_error",
                _ => "error",
            };

    /// <summary>Adds the envelope's request id and api code (never its message or data) to a span.</summary>
    internal static void AddEnvelope(Activity? activity, int? statusCode, int? apiCode, string? requestId)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        if (statusCode is int code)
        {
            activity.SetTag("authing.status_code", code);
        }

        if (apiCode is int api)
        {
            activity.SetTag("authing.api_code", api);
        }

        if (requestId is not null)
        {
            activity.SetTag("authing.request_id", requestId);
        }
    }

    private static void AddRequestTags(Activity activity, string method, string route, Uri baseUri)
    {
        activity.SetTag("http.request.method", method);
        activity.SetTag("http.route", route);
        activity.SetTag("server.address", baseUri.Host);
        activity.SetTag("server.port", baseUri.Port);
    }
}
