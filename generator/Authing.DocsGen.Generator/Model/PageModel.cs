namespace Authing.DocsGen.Model;

/// <summary>Everything one page contributes. Each page is parsed on its own, so editing one page re-parses only it.</summary>
/// <param name="OverrideKey">The key of the <c>docsgen.json</c> entry applied to the page, if any.</param>
public sealed record PageModel(
    string FilePath,
    MethodModel? Method,
    EquatableArray<DtoModel> Dtos,
    EquatableArray<EnumModel> Enums,
    EquatableArray<DiagnosticInfo> Diagnostics,
    string? OverrideKey = null);
