using System.Text;

namespace Authing.DocsGen.Cli;

/// <summary><c>docsgen api</c> (the committed listing) and <c>docsgen diff</c> (the change between two docs folders).</summary>
public static class ApiCommands
{
    public static int RunListing(ApiArguments args, TextWriter output)
    {
        var listing = ApiSurface.Listing(Surface(args.DocsDirectory, args));
        if (args.OutputFile is null)
        {
            output.Write(listing);
            return Program.Success;
        }

        // Rewritten only when it changed, so an unchanged build leaves the file's timestamp alone.
        var path = Path.GetFullPath(args.OutputFile);
        try
        {
            if (!File.Exists(path) || File.ReadAllText(path) != listing)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, listing, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DocsIoException($"cannot write '{args.OutputFile}': {ex.Message}");
        }

        return Program.Success;
    }

    public static int RunDiff(DiffArguments args, TextWriter output)
    {
        using var beforeTree = GitTree.Resolve(args.DocsDirectory);
        using var afterTree = GitTree.Resolve(args.AfterDirectory);
        var before = Surface(beforeTree.Directory, args);
        var after = Surface(afterTree.Directory, args);
        var changes = ApiDiff.Compare(before, after);
        output.Write(args.Json ? ApiDiff.Json(changes) : ApiDiff.Markdown(changes, args.DocsDirectory, args.AfterDirectory));
        return args.FailOnBreaking && changes.Any(c => c.Breaking) ? Program.DiagnosticErrors : Program.Success;
    }

    private static IReadOnlyList<ApiEntry> Surface(string directory, DocsArguments args)
    {
        var folder = DocsFolder.Open(directory);
        return ApiSurface.From(DocsCompiler.Compile(folder.ReadPages(), args.Options, folder.ReadOverridesFile()));
    }
}
