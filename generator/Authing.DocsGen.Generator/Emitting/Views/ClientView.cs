namespace Authing.DocsGen.Emitting.Views;

/// <summary>Client.scriban: the fixed part of one client.</summary>
internal sealed record ClientView : FileView
{
    /// <summary><c>Authentication</c> or <c>Management</c>.</summary>
    public string Client { get; init; } = string.Empty;
}
