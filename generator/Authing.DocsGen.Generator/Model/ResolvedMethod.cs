namespace Authing.DocsGen.Model;

/// <summary>A method ready to emit: its request DTO travels with it, because query and path parameters are read from it.</summary>
/// <param name="HintName">The generated file's name: the page's path in the docs tree (<c>authentication/mfa/enroll-factor.g.cs</c>).</param>
public sealed record ResolvedMethod(string PagePath, MethodModel Method, DtoModel? Request, string HintName = "")
{
    public ResolvedMethod WithoutLocations() =>
        this with { Method = Method with { Location = MarkdownLocation.None }, Request = Request?.WithoutLocations() };
}
