namespace Serverless.Testing;

/// <summary>Where the repository and the hosts' build outputs are, seen from a running test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests themselves were built in (bin/{Configuration}/net10.0).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string LocalHostDll => BuildOutput("Serverless.LocalHost", "Serverless.LocalHost.dll");

    public static string FunctionsOutput => BuildOutput("Serverless.Functions", "");

    static string BuildOutput(string project, string file) =>
        Path.Combine(Root, "functions", project, "bin", Configuration, "net10.0", file);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Serverless.sln not found above " + AppContext.BaseDirectory);
    }
}
