namespace Authing.DocsGen.Model;

/// <summary>
/// A diagnostic as plain data: descriptor id, message arguments and Markdown location. Roslyn's <c>Diagnostic</c> holds a
/// <c>Location</c> and is not value-equatable, so it is created only at the output step
/// (<see cref="Diagnostics.RoslynDiagnostics.ToDiagnostic"/>); <see cref="Diagnostics.DiagnosticFactory"/> creates these.
/// </summary>
public sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArgs, MarkdownLocation? Location);
