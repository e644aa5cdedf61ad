using System.Diagnostics;
using LogLinq.Push;
using LogLinq.Records;

namespace LogLinq.Interchange;

/// <summary>
/// A sink that writes records into a process's standard input as a record stream
/// (<see cref="RecordProcess.StartConsumer"/>). When the process closes its input or exits before the
/// end, <see cref="Sink{T}.Push"/> returns false and the producer stops: a broken pipe is a normal end.
/// </summary>
public sealed class RecordProcessSink : Sink<LogRecord>, IDisposable, ITransientItemSink
{
    private readonly RecordStreamWriter _writer;

    internal RecordProcessSink(Process process)
    {
        Process = process;
        _writer = new RecordStreamWriter(process.StandardInput.BaseStream);
    }

    /// <summary>The process the records go to.</summary>
    public Process Process { get; }

    /// <summary>How many records have been sent.</summary>
    public long Count => _writer.Count;

    /// <summary>Whether the process stopped reading before the end: its input was closed while records were still being sent.</summary>
    public bool ReaderGone => _writer.ReaderGone;

    /// <summary>The process's exit code, once the sink has ended (it waits for the process to exit).</summary>
    /// <exception cref="InvalidOperationException">The sink has not ended yet.</exception>
    public int ExitCode => IsEnded ? Process.ExitCode : throw new InvalidOperationException("the process's input is still open: Complete the sink first");

    /// <summary>Ends the stream without its end mark if the sink was not completed (the process sees it cut short), waits for the process, and releases it.</summary>
    public void Dispose()
    {
        if (!IsEnded)
        {
            Fail(new ObjectDisposedException(nameof(RecordProcessSink)));
        }

        Process.Dispose();
    }

    /// <inheritdoc/>
    protected override bool OnPush(LogRecord item) => _writer.Push(item);

    /// <summary>Writes the end mark, closes the process's input and waits for it to exit.</summary>
    protected override void OnComplete()
    {
        _writer.Complete();
        Process.WaitForExit();
    }

    /// <summary>Closes the process's input without the end mark, so it reports the stream cut short, and waits for it to exit.</summary>
    protected override void OnFail(Exception error)
    {
        _writer.Fail(error);
        Process.WaitForExit();
    }
}
