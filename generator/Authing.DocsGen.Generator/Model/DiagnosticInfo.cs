using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Model;

/// <summary>
/// A diagnostic as plain data: descriptor id, message arguments and Markdown location. <see cref="Diagnostic"/> holds a
/// <see cref="Location"/> and is not value-equatable, so it is created only at the output step.
/// </summary>
public sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArgs, MarkdownLocation? Location)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, MarkdownLocation? location, params string[] args)
        => new(descriptor.Id, new EquatableArray<string>(args), location);

    public Diagnostic ToDiagnostic()
    {
        var descriptor = Diagnostics.DiagnosticDescriptors.ById(Id);
        var args = new object[MessageArgs.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
