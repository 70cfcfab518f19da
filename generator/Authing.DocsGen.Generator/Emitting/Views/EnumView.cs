namespace Authing.DocsGen.Emitting.Views;

/// <summary>Enum.scriban: one open enum and its JSON converter.</summary>
internal sealed record EnumView : FileView
{
    public string TypeName { get; init; } = string.Empty;

    public string[] Summary { get; init; } = [];

    public EnumMemberView[] Members { get; init; } = [];
}
