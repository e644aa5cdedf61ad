using System.IO.Compression;
using System.IO.Hashing;

namespace LogLinq.Sources;

/// <summary>
/// The files in a zip archive as one stream: their contents in the archive's order, directories
/// passed over, each file that does not end with a newline given one, so that the last line of one
/// and the first of the next never join. A log format's header repeated at the start of each file
/// (W3C's <c>#Fields:</c>, a CSV header) is read again where it appears, so the files keep their meaning.
/// </summary>
/// <remarks>
/// Line numbers count on across the files, as they do across a gzip file's members: the lines are
/// those of one source, the archive. .NET's <see cref="ZipArchive"/> reads the central directory at
/// the archive's end first, so an archive cut short fails before any byte is delivered; it decodes
/// stored, deflate and deflate64 data only. It does not check a file's CRC-32, which is done here:
/// damaged data that still inflates would otherwise read as lines of garbage, where a damaged gzip
/// file fails.
/// </remarks>
internal sealed class ZipEntriesStream : ReadOnlyStream
{
    private readonly ZipArchive _archive;
    private readonly Crc32 _crc = new();
    private int _next;
    private ZipArchiveEntry? _entry;
    private Stream? _content;
    private long _entryLength;
    private bool _endsWithNewline = true;

    /// <summary>Reads the archive's directory from <paramref name="source"/>, which the result owns.</summary>
    /// <exception cref="InvalidDataException">The archive is damaged or cut short.</exception>
    public ZipEntriesStream(Stream source)
    {
        _archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: false);
    }

    public override int Read(Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_content is null && !OpenNext())
            {
                return 0;
            }

            int read = ReadEntry(buffer);
            if (read > 0)
            {
                _crc.Append(buffer[..read]);
                _entryLength += read;
                _endsWithNewline = buffer[read - 1] == (byte)'\n';
                return read;
            }

            _content!.Dispose();
            _content = null;
            if (_crc.GetCurrentHashAsUInt32() != _entry!.Crc32 || _entryLength != _entry.Length)
            {
                throw new ZipEntryException(_entry.FullName, "corrupt or truncated zip data");
            }

            if (!_endsWithNewline)
            {
                _endsWithNewline = true;
                buffer[0] = (byte)'\n';
                return 1;
            }
        }

        return 0;
    }

    /// <summary>Opens the next file in the archive; false when there is none.</summary>
    private bool OpenNext()
    {
        while (_next < _archive.Entries.Count)
        {
            _entry = _archive.Entries[_next++];

            // A directory is an entry whose name ends with a separator (a backslash, from some Windows tools).
            if (_entry.FullName.EndsWith('/') || _entry.FullName.EndsWith('\\'))
            {
                continue;
            }

            if (_entry.IsEncrypted)
            {
                throw new ZipEntryException(_entry.FullName, "encrypted zip data");
            }

            try
            {
                _content = _entry.Open();
                _crc.Reset();
                _entryLength = 0;
            }
            catch (InvalidDataException e)
            {
                // The local header is damaged, or the compression method is one .NET does not decode.
                throw new ZipEntryException(_entry.FullName, "unreadable zip data (damaged, or compressed by a method other than stored or deflate)", e);
            }

            return true;
        }

        return false;
    }

    private int ReadEntry(Span<byte> buffer)
    {
        try
        {
            return _content!.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new ZipEntryException(_entry!.FullName, "corrupt or truncated zip data", e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _content?.Dispose();
            }
            finally
            {
                _archive.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
