using System;
using System.Collections.Generic;

namespace Authing.Sdk.Testing;

/// <summary>
/// Thrown by the offline test double when a request contradicts the docs (unknown route or verb, a required field
/// missing, a field of the wrong JSON type, malformed signature headers). It is not an <see cref="AuthingApiException"/>,
/// so code under test that handles service errors does not swallow it.
/// </summary>
public sealed class AuthingFakeRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuthingFakeRequestException()
        : this("The Authing fake rejected a request.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    public AuthingFakeRequestException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AuthingFakeRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = Array.Empty<string>();
    }

    internal AuthingFakeRequestException(AuthingFakeCall call)
        : base(Describe(call))
    {
        Call = call;
        Problems = call.Problems;
    }

    /// <summary>The rejected request; null when the exception was created by hand.</summary>
    public AuthingFakeCall? Call { get; }

    /// <summary>Each problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(AuthingFakeCall call)
    {
        string what = call.Operation is null
            ? $"The Authing fake received {call.Verb} {call.Uri.AbsolutePath}, which no generated method sends"
            : $"The Authing fake rejected a request of {call.Operation.Description}";
        return what + ":" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", call.Problems);
    }
}
