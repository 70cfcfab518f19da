using System.Linq;

namespace Authing.DocsGen.Model;

/// <param name="IsEnvelope">A response with Authing's envelope (<c>statusCode</c>, <c>message</c>, …): derives from <c>AuthingResponse</c>.</param>
/// <param name="IsStrict">Reachable only from request parameters: required fields are enforced. Set by cross-page resolution.</param>
/// <param name="UsedBy">The clients whose methods reach this type. Set by cross-page resolution.</param>
/// <param name="Origin">The page whose definition this is, and its name there. Set by cross-page resolution.</param>
public sealed record DtoModel(
    string Name,
    DtoRole Role,
    string Description,
    EquatableArray<FieldModel> Fields,
    bool IsEnvelope,
    MarkdownLocation Location,
    bool IsStrict = false,
    ClientSet UsedBy = ClientSet.None,
    TypeOrigin? Origin = null)
{
    /// <summary>The envelope's wire names; an envelope type inherits them from <c>AuthingResponse</c>.</summary>
    public static readonly string[] EnvelopeWireNames = { "statusCode", "message", "apiCode", "requestId" };

    /// <summary>The model as the emitter needs it: without locations, which change whenever text above moves.</summary>
    public DtoModel WithoutLocations() => this with
    {
        Location = MarkdownLocation.None,
        Fields = Fields.Select(f => f.WithoutLocation()).ToEquatableArray(),
    };

    /// <summary>The definition without docs and locations: what decides whether two pages define the same type.</summary>
    public string Shape
    {
        get
        {
            var shape = new System.Text.StringBuilder(Name).Append(IsEnvelope ? "(envelope)" : "()");
            foreach (var member in Fields)
            {
                shape.Append(member.WireName).Append(":").Append(member.Type).Append(';');
            }

            return shape.ToString();
        }
    }
}
