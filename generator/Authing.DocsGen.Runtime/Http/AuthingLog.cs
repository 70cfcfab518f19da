using System;
using Microsoft.Extensions.Logging;

namespace Authing.Sdk.Runtime;

/// <summary>
/// The transport's log messages. They carry the verb, the path (no query), the status and the time taken, and for response
/// values that did not fit their documented type the JSON path and kinds; never headers, bodies, values or secrets.
/// </summary>
internal static class AuthingLog
{
    private static readonly Action<ILogger, string, string, int, double, Exception?> ResponseReceived =
        LoggerMessage.Define<string, string, int, double>(
            LogLevel.Debug,
            new EventId(1, "AuthingResponse"),
            "Authing {Method} {Path} answered HTTP {StatusCode} in {ElapsedMilliseconds:0.0} ms");

    private static readonly Action<ILogger, string, string, string, double, Exception?> RequestFailed =
        LoggerMessage.Define<string, string, string, double>(
            LogLevel.Warning,
            new EventId(2, "AuthingRequestFailed"),
            "Authing {Method} {Path} failed ({Kind}) after {ElapsedMilliseconds:0.0} ms");

    private static readonly Action<ILogger, string, string, string, string, string, string, Exception?> ResponseMismatch =
        LoggerMessage.Define<string, string, string, string, string, string>(
            LogLevel.Warning,
            new EventId(3, "AuthingResponseMismatch"),
            "Authing {Request}: {JsonPath} is {Found} where the docs say {Expected} ({Member}); {Outcome}. Logged once per field.");

    private static readonly Action<ILogger, string, string, int, double, Exception?> RetryScheduled =
        LoggerMessage.Define<string, string, int, double>(
            LogLevel.Information,
            new EventId(4, "AuthingRetry"),
            "Authing {Method} {Path}: retry {Retry} in {DelayMilliseconds:0.0} ms");

    public static void Retry(ILogger? logger, string method, string path, int retry, TimeSpan delay)
    {
        if (logger is not null && logger.IsEnabled(LogLevel.Information))
        {
            RetryScheduled(logger, method, path, retry, delay.TotalMilliseconds, null);
        }
    }

    public static void Response(ILogger? logger, string method, string path, int status, TimeSpan elapsed)
    {
        if (logger is not null && logger.IsEnabled(LogLevel.Debug))
        {
            ResponseReceived(logger, method, path, status, elapsed.TotalMilliseconds, null);
        }
    }

    public static void Failure(ILogger? logger, string method, string path, string kind, TimeSpan elapsed)
    {
        if (logger is not null && logger.IsEnabled(LogLevel.Warning))
        {
            // The exception is not attached: its message holds server text, which callers log themselves if they want it.
            RequestFailed(logger, method, path, kind, elapsed.TotalMilliseconds, null);
        }
    }

    /// <summary>A response value that did not fit its documented type. Names kinds and the path, never the value.</summary>
    public static void Mismatch(ILogger logger, string request, string jsonPath, string found, string expected, string member, bool converted) =>
        ResponseMismatch(
            logger,
            request,
            jsonPath,
            found,
            expected,
            member,
            converted
                ? "it was converted, and the value as received is kept in AdditionalProperties"
                : "the property is left empty and the value is kept in AdditionalProperties",
            null);
}
