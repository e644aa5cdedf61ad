using System.Diagnostics;

namespace LogLinq.Tests.Sources;

/// <summary>Runs the real command-line compressors, so that tests read files as they exist in the wild.</summary>
internal static class Tools
{
    /// <summary>Runs <c><paramref name="tool"/> -c [options] input</c> and writes its output to <paramref name="output"/>.</summary>
    public static string Compress(string tool, string input, string output, params string[] options)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        foreach (string option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add(input);
        using Process process = Process.Start(start)!;
        using (FileStream file = File.Create(output))
        {
            process.StandardOutput.BaseStream.CopyTo(file);
        }

        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}");
        }

        return output;
    }

    /// <summary>Writes the concatenation of <paramref name="inputs"/> to <paramref name="output"/>, like <c>cat</c>.</summary>
    public static string Concatenate(string output, params string[] inputs)
    {
        using FileStream file = File.Create(output);
        foreach (string input in inputs)
        {
            using FileStream part = File.OpenRead(input);
            part.CopyTo(file);
        }

        return output;
    }
}
