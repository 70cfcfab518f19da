namespace Authing.DocsGen.Tests.Infrastructure;

/// <summary>
/// Folders of the repository, found by walking up from the test binaries to the solution file: source paths are mapped
/// to /_/ in CI builds (ContinuousIntegrationBuild), and tests must not depend on the working directory.
/// </summary>
public static class Paths
{
    public static string Repository { get; } = FindRepository();

    public static string TestProject { get; } = Path.Combine(Repository, "tests", "Authing.DocsGen.Tests");

    public static string Fixtures { get; } = Path.Combine(Repository, "tests", "fixtures");

    public static string DocsInput { get; } = Path.Combine(Repository, "docs-input");

    public static string GeneratedSdk { get; } = Path.Combine(Repository, "generated", "sdk", "Authing.DocsGen.Generator", "Authing.DocsGen.AuthingDocsGenerator");

    public static string Snapshots { get; } = Path.Combine(TestProject, "Snapshots");

    public static string SeedPage { get; } = Path.Combine(DocsInput, "authentication", "mfa", "enroll-factor.md");

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Authing.DocsGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Authing.DocsGen.sln not found above " + AppContext.BaseDirectory);
    }
}
