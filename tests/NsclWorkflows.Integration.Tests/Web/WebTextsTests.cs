using System.Reflection;
using System.Text.RegularExpressions;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Web;

/// <summary>The pages name every kind of history entry the system writes (a missing one shows its English code).</summary>
public partial class WebTextsTests
{
    [Fact]
    public void Timeline_EveryAuditKind_HasAVietnameseName()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "web", "js", "application-view.js"));
        var block = script[script.IndexOf("const KIND_TEXT = {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("};", StringComparison.Ordinal)];
        var named = KindEntry().Matches(block).Select(m => m.Groups["kind"].Value).ToHashSet(StringComparer.Ordinal);
        var kinds = typeof(AuditKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

        var unnamed = kinds.Except(named).ToList();
        var unknown = named.Except(kinds).ToList();
        Assert.True(unnamed.Count == 0, "Kinds the timeline shows as codes: " + string.Join(", ", unnamed));
        Assert.True(unknown.Count == 0, "Names for kinds the system never writes: " + string.Join(", ", unknown));
    }

    [Fact]
    public void InboxStepFilter_OffersExactlyTheTaskStepsTheApiTakes()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "web", "js", "inbox.js"));
        var block = script[script.IndexOf("const STEPS = [", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("];", StringComparison.Ordinal)];
        var offered = StepEntry().Matches(block).Select(m => m.Groups["step"].Value).Where(s => s.Length > 0).ToList();

        Assert.Equal(NsclWorkflows.Domain.Lifecycle.StatusTable.TaskSteps.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\['(?<step>[A-Za-z]*)',")]
    private static partial Regex StepEntry();

    [GeneratedRegex(@"(?<kind>[A-Za-z]+):\s*'")]
    private static partial Regex KindEntry();
}
