using System.Linq;

namespace Authing.DocsGen.Model;

/// <summary>A method ready to emit, with every name and placement decided: the emitter and the CLI only read it.</summary>
/// <param name="Request">The request DTO, as emitted (its fields with their final property names).</param>
/// <param name="Parameters">The request's fields in table order, each with where it travels.</param>
/// <param name="Pagination">WIRE.md §4 pagination and the names of its companions, when the method pages.</param>
/// <param name="HintName">The generated file's name: the page's path in the docs tree (<c>authentication/mfa/enroll-factor.g.cs</c>).</param>
public sealed record ResolvedMethod(string PagePath, MethodModel Method, DtoModel? Request, string HintName = "", EquatableArray<RequestParameter> Parameters = default, PaginationModel? Pagination = null)
{
    public ResolvedMethod WithoutLocations() => this with
    {
        Method = Method with { Location = MarkdownLocation.None, Example = Method.Example?.WithoutLocation() },
        Request = Request?.WithoutLocations(),
        Parameters = Parameters.Select(p => p with { Field = p.Field.WithoutLocation() }).ToEquatableArray(),
    };
}
