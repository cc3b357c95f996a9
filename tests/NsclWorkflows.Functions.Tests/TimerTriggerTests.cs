using System.Text.Json;
using NsclWorkflows.Api.Reports;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The year-end timer as the Functions host reads it, and the setting it points at.</summary>
public sealed class TimerTriggerTests
{
    [Fact]
    public void FunctionsMetadata_YearEndReportTimer_IsATimerOnTheConfiguredCronSetting()
    {
        var metadata = FunctionsMetadata.Load();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(metadata.Directory, "functions.metadata")));
        var timer = json.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "YearEndReportTimer");
        var trigger = timer.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "timerTrigger");

        Assert.Equal("%Nscl:Reports:YearEndCron%", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void LocalSettingsSample_YearEndCron_IsTheDefaultAndRunsOn15DecemberAt0100InDaNang()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");
        var cron = values.GetProperty("Nscl__Reports__YearEndCron").GetString()!;
        var zone = values.GetProperty("Nscl__Reports__TimeZone").GetString()!;
        var schedule = new YearEndSchedule(Microsoft.Extensions.Options.Options.Create(new YearEndReportOptions { YearEndCron = cron, TimeZone = zone }));

        Assert.Equal(new YearEndReportOptions().YearEndCron, cron);
        Assert.Equal(
            new DateTimeOffset(2025, 12, 15, 1, 0, 0, TimeSpan.FromHours(7)),
            schedule.Next(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NsclWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NsclWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}
