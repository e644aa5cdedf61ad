namespace LogLinq.Tests.Cli;

/// <summary>A fresh folder for one test's files, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates the folder under the system's temporary folder.</summary>
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"loglinq-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The full path of <paramref name="name"/> inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="lines"/>, each ended by '\n', to <paramref name="name"/>; returns its path.</summary>
    public string WriteLines(string name, params string[] lines)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, string.Concat(lines.Select(line => line + "\n")));
        return path;
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold a file open; the temporary folder is cleaned eventually.
        }
    }
}
