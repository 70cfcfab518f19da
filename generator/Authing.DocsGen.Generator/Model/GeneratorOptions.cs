namespace Authing.DocsGen.Model;

/// <summary>Project-wide options from MSBuild properties.</summary>
/// <param name="Clients">The clients to generate (<c>AuthingDocsGenClients</c>); types only other clients use are left out.</param>
/// <param name="Problem">An option value that was not understood and replaced by its default; reported as ADG019.</param>
public sealed record GeneratorOptions(string RootNamespace, bool PublicTypes, ClientSet Clients = ClientSet.All, DiagnosticInfo? Problem = null)
{
    public const string DefaultNamespace = "Authing.Sdk";

    public static readonly GeneratorOptions Default = new(DefaultNamespace, true);

    public bool Generates(ClientKind client) => (Clients & client.ToSet()) != 0;

    /// <summary>A type is generated when a generated client reaches it (types no method reaches are marked as used by all).</summary>
    public bool Generates(ClientSet usedBy) => (usedBy & Clients) != 0;

    public string ModelsNamespace => RootNamespace + ".Models";
}
