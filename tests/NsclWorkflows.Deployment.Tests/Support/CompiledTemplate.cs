namespace NsclWorkflows.Deployment.Tests.Support;

/// <summary>
/// infra/main.bicep compiled once per test run by the Bicep CLI from NuGet (<c>bicep build</c>), and linted
/// (<c>bicep lint</c>, with infra/bicepconfig.json). Both run at the same time; their diagnostics are kept.
/// </summary>
sealed class CompiledTemplate
{
    static readonly Lazy<Task<CompiledTemplate>> Instance = new(CompileAsync);

    CompiledTemplate(ProcessResult build, ProcessResult lint)
    {
        Build = build;
        Lint = lint;
        Template = build.ExitCode == 0 ? ArmTemplate.Parse(build.StandardOutput) : null;
    }

    public ProcessResult Build { get; }

    public ProcessResult Lint { get; }

    public ArmTemplate? Template { get; }

    public static Task<CompiledTemplate> GetAsync() => Instance.Value;

    /// <summary>The compiled template; fails the calling test with the compiler's output when it did not compile.</summary>
    public static async Task<ArmTemplate> TemplateAsync()
    {
        var compiled = await GetAsync();
        return compiled.Template ?? throw new InvalidOperationException("main.bicep did not compile: " + compiled.Build.Describe());
    }

    static async Task<CompiledTemplate> CompileAsync()
    {
        var bicep = Repository.BicepExecutable;
        if (!File.Exists(bicep))
        {
            throw new FileNotFoundException($"Bicep CLI not found at {bicep}: it comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restore this project).");
        }

        // NuGet keeps the package's executable bit; restore it if an extraction lost it.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(bicep).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }

        var infra = Repository.PathOf("infra");
        var timeout = TimeSpan.FromMinutes(3);
        var build = ProcessRunner.RunAsync(bicep, ["build", "main.bicep", "--stdout"], infra, timeout);
        var lint = ProcessRunner.RunAsync(bicep, ["lint", "main.bicep"], infra, timeout);
        return new CompiledTemplate(await build, await lint);
    }
}
