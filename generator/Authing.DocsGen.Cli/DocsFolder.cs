using System.Text;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Cli;

/// <summary>
/// The pages of a docs folder: every <c>*.md</c> file below it, ordered by path, each with its path relative to the
/// folder (forward slashes), so output and diagnostics are the same on every machine.
/// </summary>
public sealed class DocsFolder
{
    static DocsFolder() => RegisterCodePages();

    private DocsFolder(string root, string displayRoot, IReadOnlyList<string> files)
    {
        Root = root;
        DisplayRoot = displayRoot;
        RelativePaths = files;
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>The folder as the user typed it (with '/'), for paths in messages that editors and CI can open.</summary>
    public string DisplayRoot { get; }

    /// <summary>The pages' paths relative to <see cref="Root"/>, ordinal order, '/' separators.</summary>
    public IReadOnlyList<string> RelativePaths { get; }

    public static DocsFolder Open(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (File.Exists(root))
        {
            throw new DocsIoException($"'{directory}' is a file, not a docs folder");
        }

        if (!Directory.Exists(root))
        {
            throw new DocsIoException($"docs folder '{directory}' does not exist");
        }

        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(root, "*.md", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 })
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DocsIoException($"cannot list docs folder '{directory}': {ex.Message}");
        }

        var display = directory.Replace('\\', '/').TrimEnd('/');
        return new DocsFolder(root, display.Length == 0 ? "/" : display, files);
    }

    /// <summary>A page's path for messages: the folder as typed, then the relative path.</summary>
    public string Display(string relativePath) => DisplayRoot == "." ? relativePath : DisplayRoot + "/" + relativePath;

    /// <summary>Reads the pages lazily, in order, calling <paramref name="onPage"/> after each (DocsCompiler parses as it reads).</summary>
    public IEnumerable<DocsPage> ReadPages(Action<int>? onPage = null)
    {
        for (var i = 0; i < RelativePaths.Count; i++)
        {
            var relative = RelativePaths[i];
            yield return new DocsPage(relative, ReadText(relative), PageOverrides.None);
            onPage?.Invoke(i + 1);
        }
    }

    /// <summary>The folder's <c>docsgen.json</c>, if it has one (its path keys are relative to the folder, like page paths).</summary>
    public OverridesFile? ReadOverridesFile()
    {
        var path = Path.Combine(Root, OverridesFile.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        return DocsCompiler.ReadOverridesFile(new[] { (OverridesFile.FileName, ReadText(OverridesFile.FileName)) }, rootFromPath: false);
    }

    /// <summary>Decodes as the compiler reads AdditionalFiles (<see cref="PageText"/>): the tool and the build see the same text.</summary>
    private string ReadText(string relativePath)
    {
        try
        {
            return PageText.Decode(File.ReadAllBytes(Path.Combine(Root, relativePath)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new DocsIoException($"cannot read '{Display(relativePath)}': {ex.Message}");
        }
    }

    /// <summary>The compiler registers the code-page provider before it picks its fallback encoding; so does the tool.</summary>
    private static void RegisterCodePages()
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
        }
    }
}
