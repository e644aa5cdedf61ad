using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using LogLinq.Records;

namespace LogLinq.Push;

/// <summary>
/// Passes on the lines a regular expression matches, tested on the raw line decoded into a reused
/// buffer, as <c>LogPipeline.Grep</c> does on the pull side: no string per line.
/// </summary>
internal sealed class GrepSink(ISink<LogLine> next, Regex pattern) : Stage<LogLine, LogLine>(next)
{
    private char[] _chars = [];

    protected override bool OnPush(LogLine line)
    {
        ReadOnlySpan<byte> bytes = line.Bytes.Span;
        int needed = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed)
        {
            Return();
            _chars = ArrayPool<char>.Shared.Rent(needed);
        }

        int length = Encoding.UTF8.GetChars(bytes, _chars);
        return !pattern.IsMatch(_chars.AsSpan(0, length)) || Next.Push(line);
    }

    protected override void OnComplete()
    {
        Return();
        base.OnComplete();
    }

    protected override void OnFail(Exception error)
    {
        Return();
        base.OnFail(error);
    }

    private void Return()
    {
        if (_chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
        }
    }
}
