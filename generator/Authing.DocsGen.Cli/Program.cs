using System.Text;

namespace Authing.DocsGen.Cli;

/// <summary>
/// <c>docsgen</c>: generate, check and inspect an SDK from a docs folder with the generator's own stages
/// (<see cref="DocsCompiler"/>). Exit codes: 0 success, 1 error diagnostics (or warnings with
/// <c>--warnings-as-errors</c>), 2 bad arguments, 3 a folder or file that cannot be read or written.
/// </summary>
public static class Program
{
    public const int Success = 0;
    public const int DiagnosticErrors = 1;
    public const int UsageError = 2;
    public const int IoError = 3;

    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return Run(args, Console.Out, Console.Error, progressIsInteractive: !Console.IsErrorRedirected);
    }

    /// <summary>Runs one command; never throws. Messages go to <paramref name="output"/>, problems to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool progressIsInteractive = false)
    {
        try
        {
            var command = CommandLine.Parse(args);
            switch (command)
            {
                case HelpRequest help:
                    output.Write(help.Text);
                    return Success;
                case GenerateArguments generate:
                    return GenerateCommand.Run(generate, output, error, progressIsInteractive);
                case CheckArguments check:
                    return CheckCommand.Run(check, output, error);
                case InspectArguments inspect:
                    return InspectCommand.Run(inspect, output, error);
                case ApiArguments api:
                    return ApiCommands.RunListing(api, output);
                case DiffArguments diff:
                    return ApiCommands.RunDiff(diff, output);
                case LintArguments lint:
                    return LintCommand.Run(lint, output);
                default:
                    throw new UsageException("no command");
            }
        }
        catch (UsageException ex)
        {
            error.WriteLine($"docsgen: {ex.Message}");
            return UsageError;
        }
        catch (DocsIoException ex)
        {
            error.WriteLine($"docsgen: {ex.Message}");
            return IoError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"docsgen: {ex.Message}");
            return IoError;
        }
        catch (Exception ex)
        {
            // A bug in docsgen or the generator: one line, never a stack trace.
            error.WriteLine($"docsgen: internal error ({ex.GetType().Name}): {ex.Message}");
            return 70;
        }
    }
}

/// <summary>Bad arguments: reported as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A folder or file that cannot be read or written: reported as one line, exit code 3.</summary>
public sealed class DocsIoException(string message) : Exception(message);
