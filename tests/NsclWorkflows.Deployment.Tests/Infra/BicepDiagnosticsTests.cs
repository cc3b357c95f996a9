using System.Text.RegularExpressions;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Infra;

/// <summary>infra/ compiles and lints with 0 errors and 0 warnings (the Bicep CLI exits 0 on warnings: they are counted here).</summary>
public sealed partial class BicepDiagnosticsTests
{
    [Fact]
    public async Task BicepBuild_MainTemplate_CompilesWithoutErrorsOrWarnings()
    {
        var compiled = await CompiledTemplate.GetAsync();

        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.Describe());
        Assert.Empty(Diagnostics(compiled.Build.StandardError));
        Assert.NotNull(compiled.Template);
    }

    [Fact]
    public async Task BicepLint_MainTemplate_ReportsNoErrorsOrWarnings()
    {
        var compiled = await CompiledTemplate.GetAsync();

        Assert.True(compiled.Lint.ExitCode == 0, compiled.Lint.Describe());
        Assert.Empty(Diagnostics(compiled.Lint.StandardError + compiled.Lint.StandardOutput));
    }

    [Fact]
    public void Diagnostics_WarningLineOfTheCli_IsCounted()
    {
        // The format the assertions above rely on, as the CLI prints it.
        const string output = "/src/infra/main.bicep(3,7) : Warning no-unused-params: Parameter \"x\" is declared but never used.\n";

        Assert.Single(Diagnostics(output));
    }

    static List<string> Diagnostics(string output) =>
        output.Split('\n').Where(line => DiagnosticLine().IsMatch(line)).ToList();

    [GeneratedRegex(@"\) : (Error|Warning) ")]
    private static partial Regex DiagnosticLine();
}
