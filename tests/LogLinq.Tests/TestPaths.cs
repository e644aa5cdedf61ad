namespace LogLinq.Tests;

/// <summary>
/// Where the repository's files are, for tests that run in the test output directory, and fresh
/// scratch directories. Tests run in parallel, so none may change the current directory.
/// </summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The repository root: the nearest directory above the test binaries that holds LogLinq.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The sample logs, <c>data/</c> in the repository.</summary>
    public static string Data => Path.Combine(RepoRoot, "data");

    /// <summary>Creates and returns a new, empty, uniquely named directory under the system temp directory.</summary>
    public static string TempDir()
    {
        string path = Path.Combine(Path.GetTempPath(), "loglinq-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
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

        throw new InvalidOperationException($"LogLinq.sln not found above {AppContext.BaseDirectory}");
    }
}
