namespace LogLinq.Tests;

/// <summary>
/// A fresh directory under the system's temporary folder for one test (or one fixture), with
/// helpers to write files into it; deleted on dispose.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>The directory.</summary>
    public string Path { get; } = TestPaths.TempDir();

    /// <summary>The path of <paramref name="name"/> inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/>; returns its path.</summary>
    public string Write(string name, byte[] content)
    {
        string path = File(name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 to <paramref name="name"/>; returns its path.</summary>
    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Writes each line followed by a newline; returns the path.</summary>
    public string WriteLines(string name, params string[] lines) => Write(name, string.Concat(lines.Select(line => line + "\n")));

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
        catch (UnauthorizedAccessException)
        {
        }
    }
}
