using System.Collections.Generic;
using System.Globalization;

namespace Authing.DocsGen.Text;

public static class UniqueNames
{
    /// <summary>Claims <paramref name="name"/> in <paramref name="taken"/>, or the first free <c>name2</c>, <c>name3</c>, ….</summary>
    public static string Claim(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
