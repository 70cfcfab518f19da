using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Authing.Sdk.Runtime;

/// <summary>
/// Logs response values that did not fit their documented type, at most once per generated type and field for the
/// lifetime of a transport: a docs error repeats on every call and every list item, the warning need not.
/// </summary>
internal sealed class ResponseMismatchLog
{
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string Type, string Field), bool> _reported = new();

    public ResponseMismatchLog(ILogger logger) => _logger = logger;

    /// <summary>A reporter for one call, or null when warnings are not logged (then nothing is recorded at all).</summary>
    /// <param name="method">The HTTP verb.</param>
    /// <param name="pathTemplate">The route, without values.</param>
    public ResponseMismatchReporter? ForCall(string method, string pathTemplate) =>
        _logger.IsEnabled(LogLevel.Warning) ? new ResponseMismatchReporter(this, method, pathTemplate) : null;

    internal void Report(string request, string type, string field, string expected, string found, bool converted, AuthingReadContext context, long offset)
    {
        if (_reported.TryAdd((type, field), true))
        {
            // The path is computed only here, once per type and field; values are never logged (they may be secrets).
            AuthingLog.Mismatch(_logger, request, context.PathAt(offset), found, expected, type + "." + field, converted);
        }
    }
}

/// <summary>The mismatch log of one call: the log and the request it names.</summary>
internal sealed class ResponseMismatchReporter
{
    private readonly ResponseMismatchLog _log;
    private readonly string _request;

    public ResponseMismatchReporter(ResponseMismatchLog log, string method, string pathTemplate)
    {
        _log = log;
        _request = method + " " + pathTemplate;
    }

    public void Report(string type, string field, string expected, string found, bool converted, AuthingReadContext context, long offset) =>
        _log.Report(_request, type, field, expected, found, converted, context, offset);
}
