using SharpCompress.Common;
using ZstdSharp;

namespace LogLinq.Sources;

/// <summary>
/// The stream <see cref="LogFileOpener.Open(string, ReadCounters?)"/> hands out: the decoded content of one file. It
/// creates the decoder on the first read, counts the bytes it delivers, and turns whatever a
/// decoder throws on bad data, or the disk on a failed read, into a <see cref="LogSourceException"/>
/// naming the file and how far reading got. Disposing it closes the file.
/// </summary>
internal sealed class DecompressionGuardStream : ReadOnlyStream
{
    private readonly string _path;
    private readonly Compression _compression;
    private readonly Stream _file;
    private Stream? _decoder;
    private long _delivered;
    private LogSourceException? _failure;

    /// <summary>Decodes <paramref name="file"/>, which this stream then owns.</summary>
    public DecompressionGuardStream(string path, Compression compression, Stream file)
    {
        _path = path;
        _compression = compression;
        _file = file;
    }

    /// <summary>The length of a plain file's content; -1 when it is decoded (not known until read) or not a file's.</summary>
    public long PlainLength => _compression == Compression.None && _file.CanSeek ? _file.Length : -1;

    public override int Read(Span<byte> buffer)
    {
        if (_failure is not null)
        {
            throw _failure;
        }

        try
        {
            // Created lazily because some decoders (SharpCompress's bzip2) decode a whole block as
            // soon as they are made; opening a file should cost no more than opening it.
            _decoder ??= LogFileOpener.CreateDecoder(_compression, _file);
            int read = _decoder.Read(buffer);
            _delivered += read;
            return read;
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            _failure = Translate(e);
            throw _failure;
        }
    }

    private bool IsReadFailure(Exception e) => e switch
    {
        ObjectDisposedException => false,
        InvalidDataException or IOException or SharpCompressException or ZstdException or ZipEntryException => true,

        // Managed decoders fed damaged data do not always fail with a format error: an index
        // or argument out of range is as likely. Never so for plain files, where such an
        // exception is a bug to be seen as one.
        IndexOutOfRangeException or ArgumentException or InvalidOperationException or OverflowException =>
            _compression != Compression.None,
        _ => false,
    };

    private LogSourceException Translate(Exception e)
    {
        // EndOfStreamException is what a decoder throws when the file ends too soon: a format
        // problem like the others. Any other IOException comes from the disk.
        string message = e switch
        {
            ZipEntryException entry => $"{_path}: entry {entry.Entry}: {entry.Problem} after {_delivered} bytes",
            IOException and not EndOfStreamException => $"{_path}: read error after {_delivered} bytes: {e.Message}",
            _ => $"{_path}: corrupt or truncated {Name(_compression)} data after {_delivered} bytes",
        };
        return new LogSourceException(message, _path, _delivered, e);
    }

    private static string Name(Compression compression) => compression switch
    {
        Compression.Gzip => "gzip",
        Compression.Bzip2 => "bzip2",
        Compression.Xz => "xz",
        Compression.Zstd => "zstd",
        Compression.Zip => "zip",
        Compression.Utf16LittleEndian or Compression.Utf16BigEndian => "UTF-16",
        _ => "plain",
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _decoder?.Dispose();
            }
            finally
            {
                _file.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
