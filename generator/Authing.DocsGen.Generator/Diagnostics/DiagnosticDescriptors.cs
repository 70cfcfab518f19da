using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Authing.DocsGen.Diagnostics;

/// <summary>
/// The one registry of diagnostics. IDs are stable: never renumber or reuse one (release tracking lives in
/// AnalyzerReleases.*.md, the README lists every ID with an example).
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Category = "Authing.DocsGen";
    private const string HelpRoot = "https://github.com/authing/docsgen/blob/main/README.md#";

    public static readonly DiagnosticDescriptor NotAMethodPage = Create(
        "ADG001", "Page is not a method page", "Skipped '{0}': {1}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PageFailed = Create(
        "ADG002", "Page could not be processed", "The generator could not process this page and skipped it: {0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ClientContradiction = Create(
        "ADG003", "Contradicting client", "The method-name section says '{0}' but {1} says '{2}'; using {3} (decided by {4})", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MethodNameInferred = Create(
        "ADG004", "Method name inferred", "No method-name section: method name '{0}' taken from the {1}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor RouteInferred = Create(
        "ADG005", "Route inferred", "Route '{0}' inferred from the {1}; override with <!-- authing-docsgen: route=… --> or the AuthingRoute item metadata", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor VerbInferred = Create(
        "ADG006", "HTTP verb inferred", "HTTP verb {0} inferred from the {1}; override with <!-- authing-docsgen: verb=… --> or the AuthingVerb item metadata", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnknownType = Create(
        "ADG007", "Type not understood", "Field '{0}': type '{1}' is not understood; it is generated as free-form JSON", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnresolvedDtoLink = Create(
        "ADG008", "Data structure not found", "Field '{0}' refers to '{1}', which is not defined in this page's data-structure section; it is generated as free-form JSON", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnrecognizedRequiredValue = Create(
        "ADG009", "Required column not understood", "Field '{0}': required value '{1}' is neither yes nor no; treated as optional", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnusableDefault = Create(
        "ADG010", "Unusable default value", "Field '{0}': default value '{1}' is a JavaScript artefact and is ignored", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExampleContradictsType = Create(
        "ADG011", "Example contradicts type", "Field '{0}' is typed '{1}' but its example is '{2}'; the type column wins", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ShortRow = Create(
        "ADG012", "Row has fewer cells than the header", "Row '{0}' has {1} of {2} cells (truncated page?); missing cells are treated as empty", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingColumn = Create(
        "ADG013", "Table lacks a column", "The {0} table has no '{1}' column; it was skipped", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DtoConflict = Create(
        "ADG014", "Conflicting data structure", "'{0}' is defined differently in '{1}'; this definition is generated as '{2}'", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateDto = Create(
        "ADG015", "Data structure defined twice on a page", "'{0}' is defined again on this page; {1}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DuplicateMethod = Create(
        "ADG016", "Method defined twice", "{0}.{1} is also generated from '{2}'; this page's method is generated as '{3}'", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IdentifierAdjusted = Create(
        "ADG017", "Identifier adjusted", "Wire name '{0}' is generated as the C# identifier '{1}' ({2})", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingResponse = Create(
        "ADG018", "No response section", "The page has no response section; the method returns the plain envelope type", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidOverride = Create(
        "ADG019", "Override not understood", "{0} '{1}' is not valid ({2}); it is ignored", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsafeText = Create(
        "ADG020", "Invisible or control characters", "{0} '{1}' contains invisible formatting or control characters; {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ClientInferred = Create(
        "ADG021", "Client inferred", "Method placed on {0}Client by the {1}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor LimitExceeded = Create(
        "ADG022", "Input limit exceeded", "{0} exceeds the generator's limit of {1}; {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateField = Create(
        "ADG023", "Field listed twice in a table", "Field '{0}' is listed again in this table; the first row is used and this one is ignored", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnusableName = Create(
        "ADG024", "Name not usable", "{0} '{1}' cannot be used as a name ({2}); {3}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingResponseTable = Create(
        "ADG025", "No response table", "The response section names '{0}' but has no field table; it is generated as the bare envelope", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ElementTypeInferred = Create(
        "ADG026", "Type inferred from the page", "Field '{0}': the type column says '{1}'; it is generated as {2}, inferred from {3}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor OverridesFileProblem = Create(
        "ADG027", "Overrides file entry not usable", "docsgen.json: {0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadableFileName = Create(
        "ADG028", "File name the compiler cannot read", "The page's file name contains {0}, which the C# compiler cannot be given (its command line cannot quote it); the page is skipped in every build, and so by docsgen too: rename the file", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MultiMethodPageSkipped = Create(
        "ADG029", "Methods of a multi-method page not generated", "'{0}' describes {1} methods under free-form headings and none of them is generated: {2}; give each method a page of its own", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor StepFailed = Create(
        "ADG030", "Generation step failed", "The generator could not complete a step; the rest of the SDK is still generated: {0}", DiagnosticSeverity.Warning);

    // Docs lint (Linting/DocsLint.cs, `docsgen lint`): the docs contradict themselves. Never changes what is generated.
    public static readonly DiagnosticDescriptor ExampleFieldNotInTable = Create(
        "ADG031", "Example field not in the table", "Field '{1}' of {0} is not in the '{2}' table", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExampleKindContradictsTable = Create(
        "ADG032", "Example value contradicts the table", "'{1}' in {0} is {2} where the '{3}' table says {4} (line {5})", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TableFieldNotInExample = Create(
        "ADG033", "Table field missing from the example", "Field '{0}' of '{1}' is not in the response example ('{2}' there has {3})", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExampleEnumValueUnknown = Create(
        "ADG034", "Example enum value not in the enum", "'{1}' in {0} is '{2}', which is not a value of '{3}' ({4})", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TypeDefinedDifferently = Create(
        "ADG035", "Type defined differently on two pages", "'{0}' is defined differently at {1}: {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TypeNameTypo = Create(
        "ADG036", "Type name one edit from a defined one", "'{0}' is not defined on any page; did you mean '{1}' (defined at {2})?", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ApiPageSkipped = Create(
        "ADG040", "API page yields no method", "'{0}' looks like an API page ({1}) but no method is generated from it: {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoMethods = Create(
        "ADG041", "No method generated", "No method was generated from the {0} docs page(s) the generator was given; the clients are empty", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor Summary = Create(
        "ADG042", "Generation summary", "Authing.DocsGen: {0} → {1}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PaginationCompanionRenamed = Create(
        "ADG043", "Auto-pagination companion renamed", "The auto-pagination companion '{0}' of {1}.{2} would have the name of another method; it is generated as '{3}'", DiagnosticSeverity.Warning);

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = typeof(DiagnosticDescriptors)
        .GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());
}
