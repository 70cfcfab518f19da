namespace Authing.DocsGen.Model;

public enum DtoRole
{
    /// <summary>The method's parameters, gathered into one request object.</summary>
    Request,

    /// <summary>The response named by the page's type line.</summary>
    Response,

    /// <summary>A type from the data-structure section.</summary>
    Nested,
}
