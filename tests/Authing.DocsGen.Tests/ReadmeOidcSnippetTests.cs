using Authing.DocsGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Authing.DocsGen.Tests;

/// <summary>
/// The first code block of the README's "Sign users in (OIDC)" section (after <c>&lt;!-- oidc-usage --&gt;</c>) compiles,
/// as it stands in README.md, against the generated SDK (generated/, built from docs-input) and the runtime. It uses
/// <c>code</c>, <c>returnedState</c> and <c>ct</c> from the callback, declared here as the method's parameters.
/// </summary>
public sealed class ReadmeOidcSnippetTests
{
    private const string Marker = "<!-- oidc-usage -->";

    [Fact]
    public void The_readme_oidc_usage_snippet_compiles_against_the_generated_sdk_and_the_runtime()
    {
        var (block, line) = Block();
        var source = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Authing.Sdk;
            using Authing.Sdk.Oidc;

            public static class ReadmeOidcUsage
            {
                public static async Task RunAsync(string code, string returnedState, CancellationToken ct)
                {
            #line {{line}} "README.md"
            {{block}}
            #line default
                }
            }
            """;
        var sdk = typeof(Authing.Sdk.AuthenticationClient).Assembly.Location;
        var identityModel = Directory.GetFiles(Path.GetDirectoryName(typeof(Authing.Sdk.AuthingResponse).Assembly.Location)!, "Microsoft.IdentityModel.*.dll");
        var compilation = CSharpCompilation.Create(
            "ReadmeOidcUsage",
            new[] { CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "ReadmeOidcUsage.cs") },
            GeneratorHarness.References.Value
                .Concat(identityModel.Select(f => MetadataReference.CreateFromFile(f)))
                .Append(MetadataReference.CreateFromFile(sdk)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        var problems = result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1701" or "CS1702"))
            .Select(d => d.ToString())
            .ToList();

        Assert.True(result.Success && problems.Count == 0, "The README's OIDC usage snippet does not compile cleanly:\n" + string.Join("\n", problems) + "\n\n" + source);
    }

    /// <summary>The README's code block after the marker, character for character, and the README line it starts on.</summary>
    private static (string Block, int Line) Block()
    {
        var readme = File.ReadAllText(Path.Combine(Paths.Repository, "README.md")).ReplaceLineEndings("\n");
        var marker = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, $"README has no {Marker} marker");
        Assert.True(readme.IndexOf(Marker, marker + 1, StringComparison.Ordinal) < 0, $"README has {Marker} twice");
        var fence = readme.IndexOf("```csharp\n", marker, StringComparison.Ordinal);
        Assert.True(fence >= 0 && readme[marker..fence].Trim() == Marker, $"The ```csharp block must follow {Marker} directly");
        var start = fence + "```csharp\n".Length;
        return (readme[start..readme.IndexOf("```\n", start, StringComparison.Ordinal)], readme[..start].Count(c => c == '\n') + 1);
    }
}
