using System.Reflection;
using Authing.DocsGen.Model;

namespace Authing.DocsGen.Cli;

public abstract record ParsedCommand;

public sealed record HelpRequest(string Text) : ParsedCommand;

/// <summary>What every command shares: the docs folder and the options the MSBuild properties set for the generator.</summary>
public abstract record DocsArguments(string DocsDirectory, GeneratorOptions Options) : ParsedCommand;

public sealed record GenerateArguments(string DocsDirectory, GeneratorOptions Options, string OutputDirectory, bool Quiet, bool Progress)
    : DocsArguments(DocsDirectory, Options);

public sealed record CheckArguments(string DocsDirectory, GeneratorOptions Options, bool WarningsAsErrors)
    : DocsArguments(DocsDirectory, Options);

public sealed record InspectArguments(string DocsDirectory, GeneratorOptions Options, bool Json)
    : DocsArguments(DocsDirectory, Options);

/// <summary><c>docsgen api</c>: the public API listing (<c>generated/api.md</c>); to stdout when <see cref="OutputFile"/> is null.</summary>
public sealed record ApiArguments(string DocsDirectory, GeneratorOptions Options, string? OutputFile)
    : DocsArguments(DocsDirectory, Options);

/// <summary><c>docsgen diff</c>: the public API change between two docs folders.</summary>
public sealed record DiffArguments(string DocsDirectory, string AfterDirectory, GeneratorOptions Options, bool FailOnBreaking, bool Json)
    : DocsArguments(DocsDirectory, Options);

/// <summary><c>docsgen lint</c>: where the docs contradict themselves.</summary>
public sealed record LintArguments(string DocsDirectory, GeneratorOptions Options, bool Sarif)
    : DocsArguments(DocsDirectory, Options);

/// <summary>Hand-rolled parsing: three commands, a handful of options, and one clear line for every mistake.</summary>
public static class CommandLine
{
    public static string Version { get; } =
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public const string MainHelp = """
        docsgen — an Authing C# SDK from Authing's Markdown API reference, with the Authing.DocsGen generator's own stages.

        Usage:
          docsgen generate <docs-dir> -o <out-dir>   write the C# sources the source generator would produce
          docsgen check <docs-dir>                   print every diagnostic; exit 1 when there are errors
          docsgen inspect <docs-dir> --json          print the intermediate representation as JSON
          docsgen api <docs-dir> [-o <file>]         the public API listing, one line per member (generated/api.md)
          docsgen diff <before-dir> <after-dir>      the public API change, breaking or not, as Markdown for a PR
          docsgen lint <docs-dir> [--format sarif]   examples that contradict their tables, types defined twice, typos

        Options for every command:
          --namespace <name>            namespace of the clients (AuthingDocsGenNamespace); default Authing.Sdk
          --accessibility <public|internal>   accessibility of generated types (AuthingDocsGenAccessibility); default public
          -h, --help                    show help;  --version  show the version

        Exit codes: 0 success, 1 error diagnostics, 2 bad arguments, 3 unreadable or unwritable files.
        Run 'docsgen <command> --help' for a command's options.

        """;

    private const string GenerateHelp = """
        Usage: docsgen generate <docs-dir> -o <out-dir> [options]

        Reads every *.md file under <docs-dir> and writes the sources the Authing.DocsGen source generator produces for
        them to <out-dir> (same file names, same contents). Files written by an earlier run that are no longer generated
        are removed; the list of written files is kept in <out-dir>/.docsgen-manifest. Other files are never touched.

        Options:
          -o, --output <dir>            the output folder (created when missing); required
          --namespace <name>            namespace of the clients; default Authing.Sdk
          --accessibility <public|internal>   default public
          --progress                    show progress whatever the number of pages (shown from 100 pages on)
          -q, --quiet                   print nothing but errors

        """;

    private const string CheckHelp = """
        Usage: docsgen check <docs-dir> [options]

        Prints every diagnostic as 'path(line,col): severity ID: message' and a one-line count.
        Exit code 1 when there is an error (or a warning, with --warnings-as-errors), else 0.

        Options:
          --warnings-as-errors          fail on warnings too
          --namespace <name>, --accessibility <public|internal>   as for generate

        """;

    private const string InspectHelp = """
        Usage: docsgen inspect <docs-dir> --json [options]

        Prints the intermediate representation: pages, methods (client, name, verb, route and where each came from,
        parameters), DTOs (fields, types, requiredness), enums (values), diagnostics and generated file names.
        The JSON layout is documented in the README (schema 1). Without --json a short text table of the methods.

        Options:
          --json                        print JSON
          --namespace <name>, --accessibility <public|internal>   as for generate

        """;

    private const string ApiHelp = """
        Usage: docsgen api <docs-dir> [-o <file>] [options]

        Prints the public API of the SDK generated from <docs-dir>: one line per public type or member
        ('name | kind | signature | endpoint'), in ordinal order. With -o, writes it to <file> (only when it changed).
        `dotnet build generated` writes generated/api.md this way.

        Options:
          -o, --output <file>           write the listing to a file
          --namespace <name>, --accessibility <public|internal>   as for generate

        """;

    private const string DiffHelp = """
        Usage: docsgen diff <before-dir> <after-dir> [--fail-on-breaking] [--format markdown|json] [options]

        Either folder may be <git-ref>:<folder> (main:docs-input) when no folder has that name: the folder as committed
        at that ref (git archive; run from the repository root).

        Generates the SDK from both docs folders and reports every public API change, each breaking (removal, rename,
        type change, optional -> required, a new required property, verb/route/client change) or non-breaking
        (additions, required -> optional), as Markdown ready for a pull request (or JSON).

        Options:
          --fail-on-breaking            exit 1 when there is a breaking change
          --format markdown|json        default markdown
          --namespace <name>, --accessibility <public|internal>   as for generate

        """;

    private const string LintHelp = """
        Usage: docsgen lint <docs-dir> [--format text|sarif] [options]

        Finds where the docs contradict themselves (ADG031-ADG036): example fields the table lacks or types differently,
        table fields the example lacks, enum values the enum list lacks, a type defined differently on two pages, and
        type names one edit away from a defined one. Text: one line per finding and a summary per ID and folder.
        SARIF 2.1.0 for GitHub code scanning. Exit code 0 (findings are warnings), 3 when the folder cannot be read.

        Options:
          --format text|sarif           default text
          --namespace <name>, --accessibility <public|internal>   as for generate

        """;

    public static ParsedCommand Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new UsageException("no command given. Usage: docsgen <generate|check|inspect|api|diff|lint> <docs-dir> … (docsgen --help for more)");
        }

        var command = args[0];
        switch (command)
        {
            case "-h" or "--help" or "help" or "-?":
                return new HelpRequest(MainHelp);
            case "--version":
                return new HelpRequest(Version + Environment.NewLine);
            case "generate" or "check" or "inspect" or "api" or "diff" or "lint":
                break;
            default:
                throw new UsageException(command.StartsWith('-')
                    ? $"unknown option '{command}'; a command comes first: docsgen <generate|check|inspect> <docs-dir> …"
                    : $"unknown command '{command}'; expected generate, check, inspect, api, diff or lint");
        }

        var positional = new List<string>();
        string? format = null;
        bool failOnBreaking = false;
        string? output = null;
        string? ns = null;
        string? accessibility = null;
        bool quiet = false, progress = false, warningsAsErrors = false, json = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].Length == 0 || (args[i + 1].StartsWith('-') && args[i + 1].Length > 1))
                {
                    throw new UsageException($"option '{arg}' needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return new HelpRequest(command switch { "generate" => GenerateHelp, "check" => CheckHelp, "api" => ApiHelp, "diff" => DiffHelp, "lint" => LintHelp, _ => InspectHelp });
                case "-o" or "--output" when command is "generate" or "api":
                    output = Value();
                    break;
                case "--namespace":
                    ns = Value();
                    break;
                case "--accessibility":
                    accessibility = Value();
                    break;
                case "-q" or "--quiet" when command == "generate":
                    quiet = true;
                    break;
                case "--progress" when command == "generate":
                    progress = true;
                    break;
                case "--warnings-as-errors" when command == "check":
                    warningsAsErrors = true;
                    break;
                case "--json" when command == "inspect":
                    json = true;
                    break;
                case "--format" when command is "diff" or "lint":
                    format = Value();
                    break;
                case "--fail-on-breaking" when command == "diff":
                    failOnBreaking = true;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        throw new UsageException($"unknown option '{arg}' for '{command}' (docsgen {command} --help lists them)");
                    }

                    if (positional.Count == (command == "diff" ? 2 : 1))
                    {
                        throw new UsageException(command == "diff"
                            ? $"unexpected argument '{arg}': 'diff' takes two docs folders"
                            : $"unexpected argument '{arg}': '{command}' takes one docs folder");
                    }

                    positional.Add(arg);
                    break;
            }
        }

        if (command == "diff" && positional.Count < 2)
        {
            throw new UsageException("'diff' needs two docs folders: docsgen diff <before-dir> <after-dir>");
        }

        if (positional.Count == 0)
        {
            throw new UsageException($"'{command}' needs a docs folder: docsgen {command} <docs-dir>{(command == "generate" ? " -o <out-dir>" : string.Empty)}");
        }

        var docs = positional[0];
        var formats = command == "diff" ? new[] { "markdown", "json" } : new[] { "text", "sarif" };
        if (format is not null && !formats.Contains(format.ToLowerInvariant()))
        {
            throw new UsageException($"--format must be {formats[0]} or {formats[1]}, not '{format}'");
        }

        var options = Options(ns, accessibility);
        return command switch
        {
            "generate" => new GenerateArguments(docs, options, output ?? throw new UsageException("'generate' needs an output folder: docsgen generate <docs-dir> -o <out-dir>"), quiet, progress),
            "check" => new CheckArguments(docs, options, warningsAsErrors),
            "api" => new ApiArguments(docs, options, output),
            "diff" => new DiffArguments(docs, positional[1], options, failOnBreaking, string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)),
            "lint" => new LintArguments(docs, options, string.Equals(format, "sarif", StringComparison.OrdinalIgnoreCase)),
            _ => new InspectArguments(docs, options, json),
        };
    }

    /// <summary>The same options the generator reads from AuthingDocsGenNamespace and AuthingDocsGenAccessibility.</summary>
    private static GeneratorOptions Options(string? ns, string? accessibility)
    {
        if (ns is not null && !IsNamespace(ns))
        {
            throw new UsageException($"'{ns}' is not a C# namespace (--namespace)");
        }

        var isPublic = accessibility?.ToLowerInvariant() switch
        {
            null or "public" => true,
            "internal" => false,
            _ => throw new UsageException($"--accessibility must be public or internal, not '{accessibility}'"),
        };
        return new GeneratorOptions(ns ?? GeneratorOptions.DefaultNamespace, isPublic);
    }

    private static bool IsNamespace(string value) =>
        !string.IsNullOrWhiteSpace(value) && value.Split('.').All(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier);
}
