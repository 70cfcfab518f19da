namespace Authing.DocsGen.Tests.Infrastructure;

/// <summary>A folder of fixtures under <c>tests/fixtures/</c> whose entries are a page or a folder of pages parsed together.</summary>
public static class FixtureFolder
{
    /// <summary>The entry names (pages and folders), in ordinal order, for a theory's data.</summary>
    public static TheoryData<string> Entries(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(Paths.Fixtures, folder)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(entry));
        }

        return data;
    }

    /// <summary>One entry's pages: the page itself, or every page below the folder, with paths relative to the fixtures.</summary>
    public static IReadOnlyList<TestPage> Load(string folder, string name)
    {
        var path = Path.Combine(Paths.Fixtures, folder, name);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : new[] { path };
        return files.Select(f => TestPage.FromFile(Paths.Fixtures, f)).ToList();
    }
}
