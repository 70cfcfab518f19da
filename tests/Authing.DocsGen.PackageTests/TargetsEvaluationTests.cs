namespace Authing.DocsGen.PackageTests;

/// <summary>
/// What the package's targets hand to the compiler, by MSBuild evaluation alone (no package, no build: seconds). Docs
/// often live outside the project folder (<c>../docs</c>, as in this repository's <c>generated/</c> project).
/// </summary>
public sealed class TargetsEvaluationTests
{
    /// <summary>Issue 15, item 4: a '"' in a page's name, outside the project folder too, is left out and named (ADG028).</summary>
    [Fact]
    public void A_page_with_a_quote_in_its_name_is_left_out_wherever_the_docs_folder_is()
    {
        var root = Path.Combine(Path.GetTempPath(), "docsgen-targets-" + Guid.NewGuid().ToString("N"));
        try
        {
            var docs = Path.Combine(root, "docs", "management");
            Directory.CreateDirectory(docs);
            Directory.CreateDirectory(Path.Combine(root, "app", "docs"));
            foreach (var name in new[] { "get-widget.md", "get\"widget.md", "semi;colon.md" })
            {
                File.WriteAllText(Path.Combine(docs, name), "# page\n");
            }

            File.WriteAllText(Path.Combine(root, "app", "docs", "in\"side.md"), "# page\n");
            var targets = Path.Combine(RepoPaths.Repository, "generator", "package", "buildTransitive", "Authing.DocsGen.targets");
            File.WriteAllText(Path.Combine(root, "app", "app.proj"), $"""
                <Project>
                  <ItemGroup>
                    <AuthingDocs Include="../docs/**/*.md" />
                    <AuthingDocs Include="docs/**/*.md" />
                  </ItemGroup>
                  <Import Project="{targets}" />
                  <Target Name="Show">
                    <Message Importance="high" Text="page: %(AdditionalFiles.Filename)%(AdditionalFiles.Extension) %(AdditionalFiles.AuthingDocsGenPage)" />
                    <Message Importance="high" Text="left out: %(_AuthingDocsGenUnreadable.Filename)%(_AuthingDocsGenUnreadable.Extension)" />
                  </Target>
                </Project>
                """);

            var result = DotNet.Run(Path.Combine(root, "app"), TimeSpan.FromMinutes(2), "msbuild", "app.proj", "-t:Show", "-nologo");

            Assert.True(result.ExitCode == 0, result.All);
            var lines = result.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("page:", StringComparison.Ordinal) || l.StartsWith("left out:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { "left out: get\"widget.md", "left out: in\"side.md", "page: get-widget.md true", "page: semi;colon.md true" }, lines);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
