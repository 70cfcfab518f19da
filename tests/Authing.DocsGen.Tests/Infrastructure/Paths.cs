using System.Runtime.CompilerServices;

namespace Authing.DocsGen.Tests.Infrastructure;

/// <summary>Folders of the repository, found from this source file so tests never depend on the working directory.</summary>
public static class Paths
{
    public static string TestProject { get; } = Path.GetDirectoryName(ThisFile())!.Replace("/Infrastructure", string.Empty);

    public static string Repository { get; } = Path.GetFullPath(Path.Combine(TestProject, "..", ".."));

    public static string Fixtures { get; } = Path.Combine(Repository, "tests", "fixtures");

    public static string DocsInput { get; } = Path.Combine(Repository, "docs-input");

    public static string GeneratedSdk { get; } = Path.Combine(Repository, "generated", "sdk", "Authing.DocsGen.Generator", "Authing.DocsGen.AuthingDocsGenerator");

    public static string Snapshots { get; } = Path.Combine(TestProject, "Snapshots");

    public static string SeedPage { get; } = Path.Combine(DocsInput, "authentication", "mfa", "enroll-factor.md");

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
