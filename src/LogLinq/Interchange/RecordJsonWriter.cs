using System.Text.Encodings.Web;
using System.Text.Json;
using LogLinq.Language;
using LogLinq.Push;
using LogLinq.Records;

namespace LogLinq.Interchange;

/// <summary>
/// Writes records as JSON lines, one object per record with every field, keyed by the query
/// language's names: <c>host ident user time method path protocol status bytes referrer agent vhost
/// duration file line</c>. Times are ISO 8601 with their offset, a duration is a number of seconds
/// exact to the tick (<c>2.5</c>, <c>0.171</c>: <see cref="DurationFormat.Seconds"/>), a missing
/// referrer, agent, vhost or duration is null. This is what
/// <c>loglinq query ... --format json</c> prints for a query of whole records, and what
/// <see cref="RecordJsonReader"/> reads back.
/// </summary>
public sealed class RecordJsonWriter : Sink<LogRecord>, IDisposable
{
    // Paths carry query strings: keep '&', '+' and '<' readable. The output is for programs, not HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;
    private bool _closed;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="leaveOpen">Keep <paramref name="output"/> open when the writer ends; by default it is closed.</param>
    public RecordJsonWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(output, Options);
    }

    /// <summary>Whether the reader went away: a write failed with a broken pipe, and nothing more is written.</summary>
    public bool ReaderGone { get; private set; }

    /// <summary>Writes <paramref name="record"/> as one line.</summary>
    /// <exception cref="IOException">The stream failed; a broken pipe too (<see cref="Sink{T}.Push"/> turns that into false).</exception>
    public void Write(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_closed, this);
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString("host"u8, record.Host);
        _json.WriteString("ident"u8, record.Ident);
        _json.WriteString("user"u8, record.User);
        _json.WriteString("time"u8, record.Time);
        _json.WriteString("method"u8, record.Method);
        _json.WriteString("path"u8, record.Path);
        _json.WriteString("protocol"u8, record.Protocol);
        _json.WriteNumber("status"u8, record.Status);
        _json.WriteNumber("bytes"u8, record.Bytes);
        _json.WriteString("referrer"u8, record.Referrer);
        _json.WriteString("agent"u8, record.UserAgent);
        _json.WriteString("vhost"u8, record.VirtualHost);
        WriteDuration(record.Duration);
        _json.WriteString("file"u8, record.File);
        _json.WriteNumber("line"u8, record.LineNumber);
        _json.WriteEndObject();
        _json.Flush();
        _output.Write("\n"u8);
    }

    private void WriteDuration(TimeSpan? duration)
    {
        if (duration is not { } taken)
        {
            _json.WriteNull("duration"u8);
            return;
        }

        Span<char> seconds = stackalloc char[32];
        DurationFormat.TryFormatSeconds(taken, seconds, out int written);
        _json.WritePropertyName("duration"u8);
        _json.WriteRawValue(seconds[..written], skipInputValidation: true);
    }

    /// <summary>Flushes the stream.</summary>
    public void Flush() => _output.Flush();

    /// <summary>Ends the writer, as <see cref="Sink{T}.Complete"/> does, if it has not ended.</summary>
    public void Dispose()
    {
        if (!IsEnded)
        {
            Complete();
        }

        Close();
    }

    /// <inheritdoc/>
    protected override bool OnPush(LogRecord item)
    {
        try
        {
            Write(item);
            return true;
        }
        catch (IOException e) when (BrokenPipe.Is(e))
        {
            ReaderGone = true;
            return false;
        }
    }

    /// <inheritdoc/>
    protected override void OnComplete() => Close();

    /// <inheritdoc/>
    protected override void OnFail(Exception error) => Close();

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _json.Dispose();
        try
        {
            if (!ReaderGone)
            {
                _output.Flush();
            }

            if (!_leaveOpen)
            {
                _output.Dispose();
            }
        }
        catch (IOException e) when (BrokenPipe.Is(e))
        {
            ReaderGone = true;
        }
    }
}
