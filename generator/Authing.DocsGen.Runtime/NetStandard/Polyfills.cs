#if NETSTANDARD2_0
// The .NET 8 APIs this library calls, for its netstandard2.0 build only, as C# 14 extension members: the call sites stay
// as they are on net8.0. Everything here is internal to this assembly.
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace System
{
    internal static class NetStandardPolyfills
    {
        extension(ArgumentNullException)
        {
            public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                if (argument is null)
                {
                    throw new ArgumentNullException(paramName);
                }
            }
        }

        extension(ArgumentException)
        {
            public static void ThrowIfNullOrEmpty([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                if (argument is null)
                {
                    throw new ArgumentNullException(paramName);
                }

                if (argument.Length == 0)
                {
                    throw new ArgumentException("The value cannot be an empty string.", paramName);
                }
            }
        }

        extension(ObjectDisposedException)
        {
            public static void ThrowIf([DoesNotReturnIf(true)] bool condition, object instance)
            {
                if (condition)
                {
                    throw new ObjectDisposedException(instance?.GetType().FullName);
                }
            }
        }

        extension(string text)
        {
            public bool Contains(string value, StringComparison comparisonType) => text.IndexOf(value, comparisonType) >= 0;

            public int IndexOf(char value, StringComparison comparisonType) =>
                comparisonType == StringComparison.Ordinal ? text.IndexOf(value) : text.IndexOf(value.ToString(), comparisonType);

            public string Replace(string oldValue, string? newValue, StringComparison comparisonType)
            {
                if (comparisonType != StringComparison.Ordinal)
                {
                    throw new NotSupportedException("Only ordinal replacement is polyfilled.");
                }

                return text.Replace(oldValue, newValue);
            }

            public bool EndsWith(char value) => text.Length > 0 && text[text.Length - 1] == value;

            public static string Create(IFormatProvider? provider, FormattableString value) => value.ToString(provider);

            public static string Join(char separator, Collections.Generic.IEnumerable<string> values) => string.Join(separator.ToString(), values);

            public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => first.ToString() + second.ToString();
        }

        extension(StringBuilder builder)
        {
            public StringBuilder Append(IFormatProvider? provider, FormattableString value) => builder.Append(value.ToString(provider));
        }

        extension(char)
        {
            public static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
        }

        extension(double)
        {
            public static bool IsFinite(double d) => !double.IsNaN(d) && !double.IsInfinity(d);
        }

        extension(int)
        {
            public static int Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => int.Parse(s.ToString(), style, provider);
        }

        extension(Encoding encoding)
        {
            public string GetString(ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());
        }

        extension(Convert)
        {
            public static string ToHexString(ReadOnlySpan<byte> bytes)
            {
                const string Hex = "0123456789ABCDEF";
                var text = new StringBuilder(bytes.Length * 2);
                foreach (byte b in bytes)
                {
                    text.Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }

                return text.ToString();
            }
        }

        extension(RandomNumberGenerator)
        {
            public static void Fill(Span<byte> data)
            {
                byte[] bytes = new byte[data.Length];
                using (RandomNumberGenerator random = RandomNumberGenerator.Create())
                {
                    random.GetBytes(bytes);
                }

                bytes.CopyTo(data);
            }
        }

        extension(HMACSHA1)
        {
            public static byte[] HashData(byte[] key, byte[] source)
            {
                using var hmac = new HMACSHA1(key);
                return hmac.ComputeHash(source);
            }
        }

        extension(Stopwatch)
        {
            public static TimeSpan GetElapsedTime(long startingTimestamp) =>
                TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - startingTimestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        }

        extension(Enum)
        {
            public static bool IsDefined<TEnum>(TEnum value)
                where TEnum : struct, Enum => Enum.IsDefined(typeof(TEnum), value);
        }

        extension(HttpContent content)
        {
            /// <summary>Reads the body, honouring the token while the body streams in (a stalled body must time out).</summary>
            public async Task<byte[]> ReadAsByteArrayAsync(CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using IO.Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);

                // Streams that ignore the token (.NET Framework's) are unblocked by disposing them.
                using CancellationTokenRegistration registration = cancellationToken.Register(static s => ((IDisposable)s!).Dispose(), stream);
                using var buffer = new IO.MemoryStream();
                try
                {
                    await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    throw new OperationCanceledException("Reading the response body was cancelled.", ex, cancellationToken);
                }

                return buffer.ToArray();
            }
        }
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>Trimming annotation; the referenced Microsoft.Extensions packages carry an inaccessible copy, so PolySharp skips it.</summary>
    [AttributeUsage(
        AttributeTargets.Field | AttributeTargets.ReturnValue | AttributeTargets.GenericParameter | AttributeTargets.Parameter
        | AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Struct,
        Inherited = false)]
    internal sealed class DynamicallyAccessedMembersAttribute : Attribute
    {
        public DynamicallyAccessedMembersAttribute(DynamicallyAccessedMemberTypes memberTypes) => MemberTypes = memberTypes;

        public DynamicallyAccessedMemberTypes MemberTypes { get; }
    }

    [Flags]
    internal enum DynamicallyAccessedMemberTypes
    {
        None = 0,
        PublicParameterlessConstructor = 0x0001,
    }
}

namespace System.Text
{
    /// <summary>The part of <c>System.Text.Rune</c> the query encoder uses.</summary>
    internal readonly struct Rune
    {
        private readonly int _value;

        public Rune(char c) => _value = c;

        public Rune(char high, char low) => _value = char.ConvertToUtf32(high, low);

        private Rune(int value) => _value = value;

        public static Rune ReplacementChar => new(0xFFFD);

        public int EncodeToUtf8(Span<byte> destination)
        {
            int v = _value;
            if (v < 0x80)
            {
                destination[0] = (byte)v;
                return 1;
            }

            if (v < 0x800)
            {
                destination[0] = (byte)(0xC0 | (v >> 6));
                destination[1] = (byte)(0x80 | (v & 0x3F));
                return 2;
            }

            if (v < 0x10000)
            {
                destination[0] = (byte)(0xE0 | (v >> 12));
                destination[1] = (byte)(0x80 | ((v >> 6) & 0x3F));
                destination[2] = (byte)(0x80 | (v & 0x3F));
                return 3;
            }

            destination[0] = (byte)(0xF0 | (v >> 18));
            destination[1] = (byte)(0x80 | ((v >> 12) & 0x3F));
            destination[2] = (byte)(0x80 | ((v >> 6) & 0x3F));
            destination[3] = (byte)(0x80 | (v & 0x3F));
            return 4;
        }
    }
}
#endif
