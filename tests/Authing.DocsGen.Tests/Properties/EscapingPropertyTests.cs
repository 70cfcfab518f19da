using Authing.DocsGen.Text;
using Authing.DocsGen.Emitting;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>The escaping functions every piece of docs text goes through (<see cref="CSharp"/>), on arbitrary strings.</summary>
public sealed class EscapingPropertyTests(ITestOutputHelper output)
{
    /// <summary>Hostile fragments and random code points (lone surrogates included), concatenated.</summary>
    private static readonly Gen<string> s_text = new CodeGen<string>(
        rnd => string.Concat(Enumerable.Range(0, rnd.Int(0, 6)).Select(_ => HostileText.Next(rnd))),
        text => (ulong)text.Length);

    [Fact]
    public void A_string_literal_is_one_printable_ascii_token_whose_value_is_the_text()
    {
        PropertyRun.Sample(
            s_text,
            text =>
            {
                var literal = CSharp.StringLiteral(text);
                Assert.All(literal, c => Assert.InRange(c, ' ', '~'));
                var expression = SyntaxFactory.ParseExpression(literal);
                Assert.Empty(expression.GetDiagnostics());
                var token = Assert.IsType<LiteralExpressionSyntax>(expression).Token;
                Assert.Equal(SyntaxKind.StringLiteralToken, token.Kind());
                Assert.Equal(text, token.ValueText);
            },
            Print,
            output);
    }

    [Fact]
    public void Doc_comment_text_stays_inside_one_summary_and_shows_nothing_invisible()
    {
        PropertyRun.Sample(
            s_text,
            text =>
            {
                var lines = CSharp.XmlDocLines(text);
                foreach (var line in lines.Append(CSharp.XmlDocText(text)))
                {
                    Assert.False(CSharp.ContainsUnsafe(line), CSharp.Visible(line));
                    Assert.DoesNotContain('<', line);
                }

                var source = "/// <summary>\n" + string.Concat(lines.Select(l => "/// " + l + "\n")) + "/// </summary>\nclass C { }\n";
                var tree = CSharpSyntaxTree.ParseText(source, OutputChecks.ParseOptions);
                Assert.Empty(tree.GetDiagnostics());
                var type = Assert.Single(tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>());
                Assert.Equal("C", type.Identifier.Text);
                Assert.Empty(type.Members);
            },
            Print,
            output);
    }

    [Fact]
    public void A_line_comment_is_one_line()
    {
        PropertyRun.Sample(
            s_text,
            text =>
            {
                var source = "// " + CSharp.LineComment(text) + "\nclass C { }\n";
                var tree = CSharpSyntaxTree.ParseText(source, OutputChecks.ParseOptions);
                Assert.Empty(tree.GetDiagnostics());
                Assert.Single(tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>());
                Assert.Equal(2, tree.GetText().Lines.Count(l => l.Span.Length > 0));
            },
            Print,
            output);
    }

    [Fact]
    public void An_identifier_is_ascii_valid_and_stable()
    {
        PropertyRun.Sample(
            s_text,
            text =>
            {
                var identifier = CSharp.Identifier(text, "Fallback");
                Assert.Matches("^@?[A-Za-z_][A-Za-z0-9_]*$", identifier);
                Assert.True(SyntaxFacts.IsValidIdentifier(identifier.TrimStart('@')));
                Assert.Equal(SyntaxKind.None, SyntaxFacts.GetKeywordKind(identifier));
                Assert.Equal(identifier, CSharp.Identifier(identifier, "Fallback"));
            },
            Print,
            output);
    }

    [Fact]
    public void Visible_text_for_diagnostics_shows_every_invisible_character_as_an_escape()
    {
        PropertyRun.Sample(
            s_text,
            text =>
            {
                var shown = CSharp.Visible(text, int.MaxValue);
                Assert.False(CSharp.ContainsUnsafe(shown), shown);
                if (!CSharp.ContainsUnsafe(text))
                {
                    Assert.Equal(text, shown);
                }
            },
            Print,
            output);
    }

    private static string Print(string text) => "\"" + CSharp.Visible(text, 2_000) + "\" (" + text.Length + " UTF-16 units)";
}
