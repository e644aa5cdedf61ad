namespace LogLinq.Tests;

/// <summary>Where the tests find the repository's sample data and where they may write.</summary>
internal static class TestPaths
{
    /// <summary>The repository's root: the nearest directory above the test binaries that holds LogLinq.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The sample logs, <c>data/</c> at the repository's root.</summary>
    public static string Data { get; } = Path.Combine(RepoRoot, "data");

    /// <summary>A fresh, empty, uniquely named directory under <see cref="Path.GetTempPath"/>.</summary>
    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "loglinq-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogLinq.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no LogLinq.sln above {AppContext.BaseDirectory}");
    }
}
