using System.IO.Compression;

namespace LogLinq.Sources;

/// <summary>
/// Decompresses gzip data, all members of it, and fails on a truncated file instead of ending
/// quietly.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="GZipStream"/> decodes concatenated members and checks each member's CRC-32 and
/// length, but when the input ends in the middle of a member it just reports the end of the
/// stream: a file cut short by a full disk or an interrupted copy would read as a shorter, valid
/// log. The runtime's strict mode (the <c>System.IO.Compression.UseStrictValidation</c> switch) would
/// catch that, but it is process-wide and read once, so a library can neither rely on it nor set it.
/// </para>
/// <para>
/// What this class does instead: once the decoder has consumed the whole file and says it is done,
/// one more, tiny, known gzip member (the probe) is fed to it, and must come out intact. A decoder
/// that had finished its last member takes the probe as a concatenated member and decodes it,
/// CRC and all. A decoder left inside a member decodes the probe as a continuation of the damaged
/// data, which fails or gives something else. The probe's output is never passed on.
/// </para>
/// <para>
/// This leans on <see cref="GZipStream"/> going on to decode a member that arrives after it has
/// reported the end. Were a runtime to stop doing so, every gzip file would fail here: loudly, and
/// the tests on whole files would show it at once.
/// </para>
/// </remarks>
internal sealed class VerifiedGZipStream : ReadOnlyStream
{
    private static readonly byte[] ProbeContent = "LogLinq: end-of-gzip-data probe\n"u8.ToArray();
    private static readonly byte[] ProbeMember = Compress(ProbeContent);

    private readonly ProbeFeedingStream _input;
    private readonly GZipStream _gzip;
    private bool _ended;

    /// <summary>Decodes <paramref name="compressed"/>, which this stream then owns.</summary>
    public VerifiedGZipStream(Stream compressed)
    {
        _input = new ProbeFeedingStream(compressed);
        _gzip = new GZipStream(_input, CompressionMode.Decompress, leaveOpen: false);
    }

    public override int Read(Span<byte> buffer)
    {
        // A zero-byte read returns 0 without meaning the end, so it must not trigger the check.
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        int read = _gzip.Read(buffer);
        if (read == 0)
        {
            VerifyCleanEnd();
            _ended = true;
        }

        return read;
    }

    private void VerifyCleanEnd()
    {
        if (!_input.SourceExhausted)
        {
            // The decoder stopped before the end of the file: its last member ended cleanly and is
            // followed by bytes that are not gzip (zero padding, garbage). gzip(1) warns and ignores
            // them; every byte of the data itself was delivered and checked, so do the same.
            return;
        }

        _input.FeedProbe(ProbeMember);
        Span<byte> echo = stackalloc byte[ProbeContent.Length + 1];
        int length = 0;
        while (length < echo.Length)
        {
            int read = _gzip.Read(echo[length..]);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (!echo[..length].SequenceEqual(ProbeContent))
        {
            throw new InvalidDataException("The gzip data ends in the middle of a member.");
        }
    }

    private static byte[] Compress(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return compressed.ToArray();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The decoder's input: the file, then, only when asked after the file has ended, the probe.
    /// </summary>
    private sealed class ProbeFeedingStream(Stream source) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _probe;

        /// <summary>Whether the file has been read to its end.</summary>
        public bool SourceExhausted { get; private set; }

        public void FeedProbe(ReadOnlyMemory<byte> probe) => _probe = probe;

        public override int Read(Span<byte> buffer)
        {
            if (!SourceExhausted)
            {
                int read = source.Read(buffer);
                if (read > 0 || buffer.IsEmpty)
                {
                    return read;
                }

                SourceExhausted = true;
                return 0;
            }

            int length = Math.Min(buffer.Length, _probe.Length);
            _probe.Span[..length].CopyTo(buffer);
            _probe = _probe[length..];
            return length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                source.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
