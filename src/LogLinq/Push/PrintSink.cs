namespace LogLinq.Push;

/// <summary>
/// Writes each item on a line of its own, and flushes the writer when the input ends, failed or not:
/// what was printed before a failure is not lost in a buffer.
/// </summary>
internal sealed class PrintSink<T>(TextWriter writer, bool flushEachItem) : Sink<T>
{
    protected override bool OnPush(T item)
    {
        writer.WriteLine(item?.ToString());
        if (flushEachItem)
        {
            writer.Flush();
        }

        return true;
    }

    protected override void OnComplete() => writer.Flush();

    protected override void OnFail(Exception error) => writer.Flush();
}
