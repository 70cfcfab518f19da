using System.Runtime.CompilerServices;

// The runtime's unit tests inject a fixed clock and nonce source through internal constructors.
[assembly: InternalsVisibleTo("Authing.DocsGen.Runtime.Tests")]
