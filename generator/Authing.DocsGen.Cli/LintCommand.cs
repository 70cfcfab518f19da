namespace Authing.DocsGen.Cli;

public static class LintCommand
{
    public static int Run(LintArguments args, TextWriter output) => Program.Success;
}
