using System.Collections.Generic;
using System.ComponentModel;

namespace Authing.Sdk.Runtime;

/// <summary>Client options that can list their own problems; used by the dependency-injection helpers to validate at resolve time.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IAuthingClientOptions
{
    /// <summary>Lists every problem with the options; empty when they are usable. Messages never quote secrets.</summary>
    /// <returns>One message per problem.</returns>
    IReadOnlyList<string> GetValidationErrors();
}
