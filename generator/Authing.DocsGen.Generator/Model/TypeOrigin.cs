namespace Authing.DocsGen.Model;

/// <summary>
/// Where a resolved type's docs come from: the first page (in path order) that defines it, and the name it has there
/// (resolution may rename it). Each page restores the docs of the types it is the origin of.
/// </summary>
public sealed record TypeOrigin(string PagePath, string Name);
