namespace Authing.DocsGen.Model;

/// <summary>An open enum: known values are named members, unknown wire values survive a round trip.</summary>
/// <param name="UsedBy">The clients whose methods reach this enum. Set by cross-page resolution.</param>
/// <param name="Origin">The first page that defines it, and its name there. Set by cross-page resolution.</param>
public sealed record EnumModel(string Name, string Description, EquatableArray<EnumMemberModel> Members, MarkdownLocation Location, ClientSet UsedBy = ClientSet.None, TypeOrigin? Origin = null)
{
    public EnumModel WithoutLocation() => this with { Location = MarkdownLocation.None };
}
