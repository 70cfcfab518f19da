namespace Authing.DocsGen.Emitting.Views;

internal sealed record EnumMemberView
{
    public string Name { get; init; } = string.Empty;

    public string ValueLiteral { get; init; } = string.Empty;

    public string ValueDoc { get; init; } = string.Empty;

    public string[] Summary { get; init; } = [];
}
