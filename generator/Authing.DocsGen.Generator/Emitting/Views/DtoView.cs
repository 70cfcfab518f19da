namespace Authing.DocsGen.Emitting.Views;

/// <summary>Dto.scriban: one data type and its JSON converter.</summary>
internal sealed record DtoView : FileView
{
    public string TypeName { get; init; } = string.Empty;

    public string[] Summary { get; init; } = [];

    /// <summary>A response with Authing's envelope: derives from <c>AuthingResponse</c>.</summary>
    public bool IsEnvelope { get; init; }

    /// <summary>Reachable only from requests: required fields are enforced.</summary>
    public bool IsStrict { get; init; }

    public FieldView[] Fields { get; init; } = [];
}
