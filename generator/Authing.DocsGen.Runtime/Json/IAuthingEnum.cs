namespace Authing.Sdk.Runtime;

/// <summary>
/// Implemented by every generated open enum: a wrapper over the wire string, so values the SDK does not know
/// survive a round trip unchanged.
/// </summary>
public interface IAuthingEnum
{
    /// <summary>The value exactly as it appears on the wire.</summary>
    string Value { get; }
}
