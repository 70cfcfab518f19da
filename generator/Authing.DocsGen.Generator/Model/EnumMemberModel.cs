namespace Authing.DocsGen.Model;

public sealed record EnumMemberModel(string Value, string Description);
