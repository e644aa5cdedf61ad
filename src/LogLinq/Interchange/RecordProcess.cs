using System.Diagnostics;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Interchange;

/// <summary>
/// Records across processes: another program (often another <c>loglinq</c>) started with its standard
/// input or output as a record stream. Either side may stop first, and the other ends cleanly: a
/// consumer that exits makes <see cref="Push.ISink{T}.Push"/> return false; a reader that stops
/// early closes the pipe, which the producing process sees as a broken pipe.
/// </summary>
/// <example>
/// <code>
/// // Send this program's 404s to another loglinq, which prints the distinct paths.
/// var consumer = RecordProcess.StartConsumer(new ProcessStartInfo("loglinq", ["query", "from - | distinct path"]));
/// LogSource.Open("data/**/access-log*").Where(r =&gt; r.Status == 404).PushTo(consumer);
///
/// // Read the records another loglinq finds.
/// foreach (LogRecord r in RecordProcess.ReadOutput(new ProcessStartInfo("loglinq", ["query", "from \"data/access-log\" | where bytes &gt; 1mb", "--emit", "records"])))
///     Console.WriteLine(r.Path);
/// </code>
/// </example>
public static class RecordProcess
{
    /// <summary>
    /// Starts a process with its standard input redirected, and returns a sink that writes the records
    /// pushed into it there, as a record stream. Completing the sink ends the stream, closes the
    /// process's input and waits for it to exit.
    /// </summary>
    /// <param name="startInfo">
    /// The program and its arguments. Its standard input is redirected here; its output and error are
    /// left as given (inherited by default). A process whose output is redirected must have it read
    /// while records are sent, or both sides may wait for each other.
    /// </param>
    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static RecordProcessSink StartConsumer(ProcessStartInfo startInfo)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start a new process");
        return new RecordProcessSink(process);
    }

    /// <summary>
    /// The records a process writes to its standard output as a record stream (<c>loglinq query ... --emit records</c>).
    /// </summary>
    /// <param name="startInfo">The program and its arguments. Its standard output is redirected here; its input and error are left as given.</param>
    /// <returns>
    /// A lazy sequence, to be enumerated once: the process starts when enumeration does. Stopping
    /// early closes the pipe (a well-behaved producer then ends, as on <c>| head</c>) and waits for the
    /// process to exit. A process that exits with a code other than 0, or whose stream is not a
    /// whole record stream, makes the sequence throw <see cref="LogSourceException"/> after the records before.
    /// </returns>
    public static IEnumerable<LogRecord> ReadOutput(ProcessStartInfo startInfo)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        return ReadAll(startInfo);
    }

    private static IEnumerable<LogRecord> ReadAll(ProcessStartInfo startInfo)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.UseShellExecute = false;
        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start a new process");
        string name = $"{Path.GetFileName(startInfo.FileName)} (process {process.Id})";
        var decoder = new RecordDecoder(process.StandardOutput.BaseStream, name, leaveOpen: false);
        try
        {
            while (true)
            {
                LogRecord? record;
                try
                {
                    if (!decoder.TryRead(out record))
                    {
                        break;
                    }
                }
                catch (LogSourceException e)
                {
                    // A producer that failed says why on its own stderr; here its exit code tells more than a cut stream.
                    decoder.Dispose();
                    process.WaitForExit();
                    throw process.ExitCode == 0 ? e : Exited(name, process.ExitCode, e);
                }

                yield return record!;
            }
        }
        finally
        {
            // Closing the pipe first lets a producer that was stopped early see a broken pipe and end.
            decoder.Dispose();
            process.WaitForExit();
        }

        if (process.ExitCode != 0)
        {
            throw Exited(name, process.ExitCode, null);
        }
    }

    private static LogSourceException Exited(string name, int code, Exception? inner) =>
        new($"{name} exited with code {code}{(inner is null ? "" : $": {inner.Message}")}", name, null, inner);
}
