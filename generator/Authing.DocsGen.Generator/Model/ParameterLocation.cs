namespace Authing.DocsGen.Model;

/// <summary>Where a request field travels; decided once, by resolution, from the route and the verb.</summary>
public enum ParameterLocation
{
    /// <summary>Named by a <c>{placeholder}</c> in the route: substituted into the path (and kept in a body, if any).</summary>
    Path,

    /// <summary>A GET method's field: the query string.</summary>
    Query,

    /// <summary>Every other method's field: the JSON body.</summary>
    Body,
}
