using System.Diagnostics;
using System.Formats.Tar;

namespace Authing.DocsGen.Cli;

/// <summary>
/// A <c>docsgen diff</c> argument: a docs folder, or <c>&lt;git-ref&gt;:&lt;folder&gt;</c> (<c>main:docs-input</c>,
/// <c>HEAD~1:docs-input</c>) when no folder of that name exists — the folder as committed at that ref, extracted with
/// <c>git archive</c> into a temporary folder that is deleted on dispose. The folder is relative to the current
/// directory (run docsgen from the repository root).
/// </summary>
public sealed class GitTree : IDisposable
{
    private readonly string? _temporary;

    private GitTree(string directory, string? temporary)
    {
        Directory = directory;
        _temporary = temporary;
    }

    /// <summary>The folder to read pages from.</summary>
    public string Directory { get; }

    public static GitTree Resolve(string argument)
    {
        var colon = argument.IndexOf(':', StringComparison.Ordinal);

        // A folder wins; "C:\docs" is a folder, not the ref "C".
        if (System.IO.Directory.Exists(argument) || colon <= 1 || colon == argument.Length - 1)
        {
            return new GitTree(argument, null);
        }

        var reference = argument[..colon];
        var path = argument[(colon + 1)..].Replace('\\', '/').Trim('/');
        if (reference.StartsWith('-'))
        {
            throw new UsageException($"'{reference}' is not a git ref");
        }

        var temporary = Path.Combine(Path.GetTempPath(), "docsgen-diff-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            System.IO.Directory.CreateDirectory(temporary);
            var archive = Git("archive", "--format=tar", reference, "--", path);
            TarFile.ExtractToDirectory(archive, temporary, overwriteFiles: false);
            var extracted = Path.Combine(temporary, path);
            if (!System.IO.Directory.Exists(extracted))
            {
                throw new DocsIoException($"'{path}' is not a folder at git ref '{reference}'");
            }

            return new GitTree(extracted, temporary);
        }
        catch
        {
            Delete(temporary);
            throw;
        }
    }

    public void Dispose()
    {
        if (_temporary is not null)
        {
            Delete(_temporary);
        }
    }

    /// <summary>Runs git and returns its standard output; a failure is one line (git's own first line of stderr).</summary>
    private static MemoryStream Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new DocsIoException("cannot run git");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DocsIoException($"no docs folder '{arguments[2]}:{arguments[^1]}', and git cannot be run: {ex.Message}");
        }

        using (process)
        {
            var output = new MemoryStream();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var message = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "exit code " + process.ExitCode;
                throw new DocsIoException($"no docs folder '{arguments[2]}:{arguments[^1]}', and git cannot read it: {message}");
            }

            output.Position = 0;
            return output;
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
