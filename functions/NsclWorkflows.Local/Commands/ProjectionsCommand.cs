using NsclWorkflows.Api;
using NsclWorkflows.Api.Projections;

namespace NsclWorkflows.Local.Commands;

/// <summary>
/// <c>dotnet run --project functions/NsclWorkflows.Local -- projections rebuild</c>: with the host's settings
/// (<c>AzureWebJobsStorage</c>, <c>Nscl:Storage:TablePrefix</c>, the catalogue), applies every stored application to the
/// officers' inbox, its search rows and the programme counters, indexes the budget ledger's keys, and marks the counters
/// complete (<see cref="ProjectionRebuild"/>). Safe while the host runs. Exit code 0 when done, 1 on failure.
/// </summary>
public static class ProjectionsCommand
{
    public static bool Matches(string[] args) => args is ["projections", "rebuild", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var builder = Host.CreateApplicationBuilder(args[2..]);
        builder.Services.AddNsclApplication(builder.Configuration);
        using var host = builder.Build();
        try
        {
            var count = await host.Services.GetRequiredService<ProjectionRebuild>().RunAsync(force: true, CancellationToken.None);
            await output.WriteLineAsync($"Đã dựng lại hộp công việc, chỉ mục tìm kiếm và số liệu tổng hợp từ {count} hồ sơ.");
            return 0;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidOperationException or HttpRequestException)
        {
            await output.WriteLineAsync($"Không dựng lại được: {ex.Message}");
            return 1;
        }
    }
}
