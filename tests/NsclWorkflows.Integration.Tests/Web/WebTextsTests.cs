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

    [Fact]
    public void ConfirmAssignmentPage_OffersExactlyTheFieldsTheApiAccepts()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "web", "js", "actions.js"));
        var list = script[script.IndexOf("export const CONFIRM_FIELDS = [", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("];", StringComparison.Ordinal)];
        var offered = QuotedName().Matches(list).Select(m => m.Groups["name"].Value).ToList();
        var specs = script[script.IndexOf("const CONFIRM_SPECS = {", StringComparison.Ordinal)..];
        specs = specs[..specs.IndexOf("};", StringComparison.Ordinal)];
        var specified = SpecKey().Matches(specs).Select(m => m.Groups["name"].Value).ToList();
        var accepted = typeof(NsclWorkflows.Domain.Lifecycle.Actions.ConfirmAssignment.Body).GetProperties()
            .Where(p => p.DeclaringType == typeof(NsclWorkflows.Domain.Lifecycle.Actions.ConfirmAssignment.Body) && p.Name != "EqualityContract")
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToList();

        Assert.Equal(accepted.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        Assert.Equal(offered.Where(n => n != "coFunding").Order(StringComparer.Ordinal), specified.Order(StringComparer.Ordinal)); // the editor is the co-funding's
        Assert.Equal([.. ParticularsCorrection.EnterpriseFields, "note"], accepted.Where(n => n != "note").Append("note"));
    }

    [GeneratedRegex(@"'(?<name>[A-Za-z]+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z]+): ", RegexOptions.Multiline)]
    private static partial Regex SpecKey();

    [GeneratedRegex(@"\['(?<step>[A-Za-z]*)',")]
    private static partial Regex StepEntry();

    [GeneratedRegex(@"(?<kind>[A-Za-z]+):\s*'")]
    private static partial Regex KindEntry();
}
