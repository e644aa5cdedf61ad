using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace LogLinq.Tests.Sources;

/// <summary>Makes real zip archives for tests: with .NET's <see cref="ZipArchive"/>, and with Info-ZIP's <c>zip</c> command.</summary>
internal static class ZipArchives
{
    /// <summary>Writes an archive holding <paramref name="entries"/> (name, content), in that order, to <paramref name="path"/>.</summary>
    public static string Write(string path, params (string Name, byte[] Content)[] entries)
    {
        using (ZipArchive archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach ((string name, byte[] content) in entries)
            {
                using Stream entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        return path;
    }

    /// <summary>Writes an archive holding text entries (name, UTF-8 text) to <paramref name="path"/>.</summary>
    public static string Write(string path, params (string Name, string Text)[] entries) =>
        Write(path, [.. entries.Select(entry => (entry.Name, Encoding.UTF8.GetBytes(entry.Text)))]);

    /// <summary>
    /// The sample log cut in two at a line's end, after <paramref name="firstLines"/> lines: the
    /// archive's two entries.
    /// </summary>
    public static (byte[] First, byte[] Others) SplitSample(int firstLines)
    {
        byte[] sample = File.ReadAllBytes(CompressedSamples.OriginalPath);
        int cut = 0;
        for (int line = 0; line < firstLines; line++)
        {
            cut = Array.IndexOf(sample, (byte)'\n', cut) + 1;
        }

        return (sample[..cut], sample[cut..]);
    }

    /// <summary>Runs <c>zip -q -j [options] archive files...</c> in <paramref name="directory"/>; returns the archive's path.</summary>
    public static string Zip(string directory, string archive, string[] options, params string[] files)
    {
        var start = new ProcessStartInfo("zip")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-q", "-j", .. options, archive, .. files])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"zip failed ({process.ExitCode}): {output}");
        }

        return Path.Combine(directory, archive);
    }
}
