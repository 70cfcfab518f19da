using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Net.Http;
using Authing.Sdk.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authing.Sdk.DependencyInjection;

/// <summary>
/// Registration helpers called by the generated <c>AddAuthing…Client</c> extension methods; not meant to be called directly.
/// </summary>
/// <remarks>
/// <para>
/// A client registered this way is transient and built from: the default (unnamed) <c>IOptions&lt;TOptions&gt;</c>, so
/// <c>services.Configure&lt;TOptions&gt;(configuration.GetSection(...))</c> works too; a named <see cref="HttpClient"/> from
/// <see cref="IHttpClientFactory"/> (the name is the client type's full name); and a logger whose category is that name.
/// </para>
/// <para>
/// Options that implement <see cref="IAuthingClientOptions"/> are validated when the client is first resolved (an
/// <see cref="OptionsValidationException"/> lists every problem) and, in a generic host, when it starts.
/// </para>
/// <para>
/// The named client's innermost handler is an <see cref="AuthingSigningHandler"/>, added after every other handler is
/// configured: resilience handlers added to the returned builder (<c>AddStandardResilienceHandler()</c>) resend through it,
/// so every retry carries a fresh <c>date</c>, nonce and signature.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AuthingServiceCollectionHelpers
{
    /// <summary>Registers <typeparamref name="TClient"/> with its options and a named <see cref="HttpClient"/>.</summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <typeparam name="TOptions">The client's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; runs when the options are first needed.</param>
    /// <param name="factory">Builds the client from the factory's <see cref="HttpClient"/>, the options and a logger (null when logging is not registered).</param>
    /// <returns>The builder of the named <see cref="HttpClient"/>, to add handlers such as resilience policies.</returns>
    public static IHttpClientBuilder AddAuthingClientCore<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        Action<TOptions> configure,
        Func<HttpClient, TOptions, ILogger?, TClient> factory)
        where TClient : class
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(factory);

        string name = typeof(TClient).FullName ?? typeof(TClient).Name;
        services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, AuthingOptionsValidator<TOptions>>());
        IHttpClientBuilder builder = services.AddHttpClient(name);
        services.AddSingleton(new SignedClientName(name));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, SigningHandlerFilter>());
        services.TryAddTransient(provider =>
        {
            TOptions options = provider.GetRequiredService<IOptions<TOptions>>().Value;
            HttpClient httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
            ILogger? logger = provider.GetService<ILoggerFactory>()?.CreateLogger(name);
            return factory(httpClient, options, logger);
        });
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as <see cref="AddAuthingClientCore{TClient, TOptions}"/> does, and
    /// <typeparamref name="TInterface"/> resolving to the same kind of client, so code can depend on the interface and tests can mock it.
    /// </summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <typeparam name="TInterface">The interface the client implements.</typeparam>
    /// <typeparam name="TOptions">The client's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; runs when the options are first needed.</param>
    /// <param name="factory">Builds the client from the factory's <see cref="HttpClient"/>, the options and a logger.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddAuthingClientCore<TClient, TInterface, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        Action<TOptions> configure,
        Func<HttpClient, TOptions, ILogger?, TClient> factory)
        where TClient : class, TInterface
        where TInterface : class
        where TOptions : class
    {
        IHttpClientBuilder builder = AddAuthingClientCore<TClient, TOptions>(services, configure, factory);
        services.TryAddTransient<TInterface>(static provider => provider.GetRequiredService<TClient>());
        return builder;
    }

    /// <summary>Marks a named <see cref="HttpClient"/> as one whose pipeline ends with an <see cref="AuthingSigningHandler"/>.</summary>
    private sealed class SignedClientName(string name)
    {
        public string Name { get; } = name;
    }

    /// <summary>
    /// Appends the signing handler after the builder's own configuration has run, so it is innermost whatever handlers
    /// the application adds to the builder, before or after this registration.
    /// </summary>
    private sealed class SigningHandlerFilter(IEnumerable<SignedClientName> names) : IHttpMessageHandlerBuilderFilter
    {
        private readonly HashSet<string> _names = new(names.Select(n => n.Name), StringComparer.Ordinal);

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (builder.Name is not null && _names.Contains(builder.Name))
            {
                builder.AdditionalHandlers.Add(new AuthingSigningHandler());
            }
        };
    }

    /// <summary>Runs <see cref="IAuthingClientOptions.GetValidationErrors"/> for every options instance of the type.</summary>
    private sealed class AuthingOptionsValidator<TOptions> : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (options is not IAuthingClientOptions validatable)
            {
                return ValidateOptionsResult.Skip;
            }

            IReadOnlyList<string> errors = validatable.GetValidationErrors();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
