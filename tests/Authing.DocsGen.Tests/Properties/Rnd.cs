using CsCheck;

namespace Authing.DocsGen.Tests.Properties;

/// <summary>Small helpers over CsCheck's <see cref="PCG"/>, for generators written as plain code.</summary>
public sealed class Rnd(PCG pcg)
{
    public PCG Pcg { get; } = pcg;

    /// <summary>0 ≤ result &lt; <paramref name="count"/>.</summary>
    public int Int(int count) => count <= 1 ? 0 : (int)Pcg.Next((uint)count);

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="max"/>.</summary>
    public int Int(int min, int max) => min + Int(max - min + 1);

    public bool Chance(double probability) => Pcg.Next() < probability * uint.MaxValue;

    public T PickFrom<T>(IReadOnlyList<T> items) => items[Int(items.Count)];

    public T Pick<T>(params T[] items) => items[Int(items.Length)];

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Int(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>A generator written as code: <see cref="Rnd"/> in, value out; smaller values (by <c>size</c>) shrink first.</summary>
public sealed class CodeGen<T>(Func<Rnd, T> generate, Func<T, ulong> size) : Gen<T>
{
    public override T Generate(PCG pcg, Size? min, out Size size1)
    {
        var value = generate(new Rnd(pcg));
        size1 = new Size(size(value));
        return value;
    }
}
