using System.Text;
using System.Text.RegularExpressions;
using Authing.DocsGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Authing.DocsGen.Cli;

/// <summary>One public type or member of the generated SDK.</summary>
/// <param name="Key">Unique and stable: the full name, with parameter types for methods (overloads differ).</param>
/// <param name="Container">The declaring type's full name (the type itself for a type entry).</param>
/// <param name="Signature">What a caller depends on, names simplified: <c>required string { get; init; }</c>.</param>
/// <param name="Endpoint">For client methods generated from a page: <c>POST /api/v3/x</c>.</param>
/// <param name="Page">For client methods: the docs page they come from (matches a renamed method with its old name).</param>
public sealed record ApiEntry(string Key, string Kind, string Container, string Name, string Signature, bool Required, string? Endpoint, string? Page)
{
    /// <summary>The line in <c>api.md</c>.</summary>
    public string Line => Key + " | " + Kind + " | " + Signature + (Endpoint is null ? string.Empty : " | " + Endpoint);
}

/// <summary>
/// The public API of the generated SDK, read from the emitted sources themselves (so it lists exactly what a consumer
/// compiles against), with each client method's verb and route from the model. Stable: ordinal order by key.
/// </summary>
public static class ApiSurface
{
    public static IReadOnlyList<ApiEntry> From(DocsCompilation compilation)
    {
        var methodsByHint = compilation.Api.Methods.ToDictionary(m => m.HintName, StringComparer.Ordinal);
        var entries = new List<ApiEntry>();
        foreach (var source in compilation.Sources)
        {
            methodsByHint.TryGetValue(source.HintName, out var method);
            var root = CSharpSyntaxTree.ParseText(source.Text).GetCompilationUnitRoot();
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (IsPublic(type.Modifiers))
                {
                    AddType(type, method?.Method, entries);
                }
            }
        }

        // A partial class (the clients) is declared in many files: one type line, members from all of them.
        return entries.GroupBy(e => e.Key, StringComparer.Ordinal).Select(g => g.First()).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The committed listing, <c>generated/api.md</c>: a short header and one line per public type or member.</summary>
    public static string Listing(IReadOnlyList<ApiEntry> entries)
    {
        var text = new StringBuilder();
        text.Append("# Public API of the generated SDK\n\n");
        text.Append("Written by `dotnet build generated` (`docsgen api`); do not edit. One line per public type or member, in ordinal\n");
        text.Append("order: `name | kind | signature | endpoint`. A docs change that changes the API shows here in the pull request.\n\n");
        text.Append("```\n");
        foreach (var entry in entries)
        {
            text.Append(entry.Line).Append('\n');
        }

        text.Append("```\n");
        return text.ToString();
    }

    private static void AddType(BaseTypeDeclarationSyntax type, MethodModel? method, List<ApiEntry> entries)
    {
        var fullName = FullName(type);
        var kind = type switch
        {
            EnumDeclarationSyntax => "enum",
            StructDeclarationSyntax => "struct",
            InterfaceDeclarationSyntax => "interface",
            RecordDeclarationSyntax => "record",
            _ => "class",
        };
        var bases = type.BaseList is null ? string.Empty : " : " + string.Join(", ", type.BaseList.Types.Select(t => Simplify(t.Type.ToString())));
        entries.Add(new ApiEntry(fullName, "type", fullName, type.Identifier.Text, Modifiers(type.Modifiers) + kind + bases, false, null, null));

        // A converter's Read/Write/Instance are the same on every type; its type line is enough.
        if (type.BaseList?.Types.Any(t => t.Type.ToString().Contains("JsonConverter<", StringComparison.Ordinal)) == true || type is not TypeDeclarationSyntax declaration)
        {
            return;
        }

        var isInterface = type is InterfaceDeclarationSyntax;
        var isOpenEnum = type is StructDeclarationSyntax && type.BaseList?.Types.Any(t => t.Type.ToString().EndsWith("IAuthingEnum", StringComparison.Ordinal)) == true;
        foreach (var member in declaration.Members)
        {
            if (member is BaseTypeDeclarationSyntax || (!isInterface && !IsPublic(member.Modifiers)))
            {
                continue;
            }

            switch (member)
            {
                case MethodDeclarationSyntax m:
                {
                    var parameters = string.Join(", ", m.ParameterList.Parameters.Select(p => Simplify(p.Type?.ToString() ?? string.Empty)));
                    var endpoint = method is not null && fullName.EndsWith("." + method.Client + "Client", StringComparison.Ordinal) ? VerbText(method.Verb) + " " + method.Route : null;
                    var signature = Modifiers(m.Modifiers) + Simplify(m.ReturnType.ToString()) + " " + m.Identifier.Text + Simplify(m.ParameterList.ToString());
                    entries.Add(new ApiEntry($"{fullName}.{m.Identifier.Text}({parameters})", "method", fullName, m.Identifier.Text, Squash(signature), false, endpoint, endpoint is null ? null : method!.DocsPath));
                    break;
                }

                case PropertyDeclarationSyntax p:
                {
                    var accessors = p.AccessorList is null ? "{ get; }" : "{ " + string.Join(" ", p.AccessorList.Accessors.Select(a => a.Keyword.Text + ";")) + " }";
                    var required = p.Modifiers.Any(SyntaxKind.RequiredKeyword);
                    var signature = Modifiers(p.Modifiers) + Simplify(p.Type.ToString()) + " " + accessors;

                    // An open enum's known values are static properties of the struct; the wire value is part of the API.
                    var isEnumValue = isOpenEnum && p.Modifiers.Any(SyntaxKind.StaticKeyword) && p.Type.ToString() == type.Identifier.Text;
                    if (isEnumValue && p.Initializer?.Value is ObjectCreationExpressionSyntax { ArgumentList.Arguments: [var wire] })
                    {
                        signature += " = " + wire.Expression;
                    }

                    entries.Add(new ApiEntry(fullName + "." + p.Identifier.Text, isEnumValue ? "enum value" : "property", fullName, p.Identifier.Text, Squash(signature), required, null, null));
                    break;
                }

                case ConstructorDeclarationSyntax c:
                {
                    var parameters = string.Join(", ", c.ParameterList.Parameters.Select(p => Simplify(p.Type?.ToString() ?? string.Empty)));
                    entries.Add(new ApiEntry($"{fullName}.#ctor({parameters})", "constructor", fullName, ".ctor", Squash(Modifiers(c.Modifiers) + Simplify(c.ParameterList.ToString())), false, null, null));
                    break;
                }

                case FieldDeclarationSyntax f:
                    foreach (var variable in f.Declaration.Variables)
                    {
                        entries.Add(new ApiEntry(fullName + "." + variable.Identifier.Text, "field", fullName, variable.Identifier.Text, Squash(Modifiers(f.Modifiers) + Simplify(f.Declaration.Type.ToString())), false, null, null));
                    }

                    break;
                case OperatorDeclarationSyntax o:
                {
                    var parameters = string.Join(", ", o.ParameterList.Parameters.Select(p => Simplify(p.Type?.ToString() ?? string.Empty)));
                    entries.Add(new ApiEntry($"{fullName}.operator {o.OperatorToken.Text}({parameters})", "operator", fullName, o.OperatorToken.Text, Squash(Simplify(o.ReturnType.ToString()) + " operator " + o.OperatorToken.Text + Simplify(o.ParameterList.ToString())), false, null, null));
                    break;
                }

                case ConversionOperatorDeclarationSyntax o:
                {
                    var parameters = string.Join(", ", o.ParameterList.Parameters.Select(p => Simplify(p.Type?.ToString() ?? string.Empty)));
                    var target = Simplify(o.Type.ToString());
                    entries.Add(new ApiEntry($"{fullName}.{o.ImplicitOrExplicitKeyword.Text} operator {target}({parameters})", "operator", fullName, target, Squash($"{o.ImplicitOrExplicitKeyword.Text} operator {target}{Simplify(o.ParameterList.ToString())}"), false, null, null));
                    break;
                }

                case EnumMemberDeclarationSyntax:
                    break;
            }
        }

        if (type is EnumDeclarationSyntax enumeration)
        {
            foreach (var value in enumeration.Members)
            {
                entries.Add(new ApiEntry(fullName + "." + value.Identifier.Text, "enum value", fullName, value.Identifier.Text, value.EqualsValue?.Value.ToString() ?? string.Empty, false, null, null));
            }
        }
    }

    private static string VerbText(HttpVerb verb) => verb.ToString().ToUpperInvariant();

    private static bool IsPublic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.PublicKeyword);

    /// <summary>The modifiers a caller can observe (not <c>public</c>, which every listed member has, nor <c>partial</c>).</summary>
    private static string Modifiers(SyntaxTokenList modifiers)
    {
        var kept = modifiers.Where(m => !m.IsKind(SyntaxKind.PublicKeyword) && !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text).ToList();
        return kept.Count == 0 ? string.Empty : string.Join(" ", kept) + " ";
    }

    private static string FullName(BaseTypeDeclarationSyntax type)
    {
        var parts = new Stack<string>();
        for (SyntaxNode? node = type; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseTypeDeclarationSyntax t:
                    parts.Push(t.Identifier.Text);
                    break;
                case BaseNamespaceDeclarationSyntax n:
                    parts.Push(n.Name.ToString());
                    break;
            }
        }

        return string.Join(".", parts);
    }

    private static readonly Regex Qualifier = new(@"global::|\b(?:[A-Za-z_][A-Za-z0-9_]*\.)+(?=[A-Za-z_])", RegexOptions.CultureInvariant);

    /// <summary><c>global::System.Threading.Tasks.Task&lt;global::Authing.Sdk.Models.X&gt;</c> → <c>Task&lt;X&gt;</c>: readable, and a namespace option does not change every line.</summary>
    private static string Simplify(string type) => Qualifier.Replace(type, string.Empty);

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Replace("( ", "(", StringComparison.Ordinal).Trim();
}
