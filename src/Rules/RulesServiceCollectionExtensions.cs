using BackOffice.Workflows.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>The fee and release rules; provides the lifecycle's <see cref="IRequestEvaluator"/>.</summary>
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddSingleton<IRequestEvaluator, PendingRulesEvaluator>();
        return services;
    }
}
