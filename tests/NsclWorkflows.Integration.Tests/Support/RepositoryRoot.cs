namespace NsclWorkflows.Integration.Tests.Support;

static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NsclWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NsclWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}
