namespace Authing.DocsGen.Model;

/// <param name="MemberName">The C# member name, assigned by resolution (valid, unique within its enum).</param>
public sealed record EnumMemberModel(string Value, string Description, string? MemberName = null);
