namespace LogLinq.Tests.Core;

/// <summary>A fresh directory from <see cref="TestPaths.TempDir"/>, deleted with its content on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = TestPaths.TempDir();

    /// <summary>Writes <paramref name="content"/> to a file called <paramref name="name"/> in the directory.</summary>
    public string Write(string name, byte[] content)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the OS temp directory is cleaned eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
