using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Calendar;

namespace NsclWorkflows.Api;

/// <summary>
/// Settings that are for local development only. Both hosts call this after building, with the environment name they
/// run in, and refuse to start when one is set anywhere else.
/// </summary>
public static class StartupGuards
{
    public const string Development = "Development";

    public static void Verify(IServiceProvider services, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(services);
        var auth = services.GetRequiredService<IOptions<OfficerAuthOptions>>().Value;
        if (!auth.IsKnown)
        {
            throw new InvalidOperationException(
                $"Nscl:Auth:Mode={auth.Mode} is not a sign-in mode: use AppService (Azure), Oidc (standalone host) or Development.");
        }

        if (string.Equals(environmentName, Development, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (auth.IsDevelopment)
        {
            throw new InvalidOperationException(
                $"Nscl:Auth:Mode=Development (header sign-in) is allowed only in the Development environment (this is {environmentName}).");
        }

        if (services.GetRequiredService<IOptions<DeadlineOptions>>().Value.CompressedWorkingDay is not null)
        {
            throw new InvalidOperationException(
                $"Nscl:Deadlines:CompressedWorkingDay (time compression) is allowed only in the Development environment (this is {environmentName}).");
        }
    }
}
