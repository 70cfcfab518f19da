namespace Authing.DocsGen.Model;

/// <summary>The whole API after cross-page resolution: every type once, and each page's method with its final names.</summary>
public sealed record ApiModel(
    EquatableArray<DtoModel> Dtos,
    EquatableArray<EnumModel> Enums,
    EquatableArray<ResolvedMethod> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics);
