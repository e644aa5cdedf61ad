using LogLinq.Sources;

namespace LogLinq.Tests.Sources;

public sealed class CompressionDetectorTests
{
    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00 }, Compression.Gzip)]
    [InlineData(new byte[] { 0x1F, 0x8B }, Compression.Gzip)]
    [InlineData(new byte[] { (byte)'B', (byte)'Z', (byte)'h', (byte)'9', 0x31, 0x41 }, Compression.Bzip2)]
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00 }, Compression.Xz)]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x04, 0x58 }, Compression.Zstd)]
    [InlineData(new byte[] { 0x50, 0x2A, 0x4D, 0x18, 0x04, 0x00 }, Compression.Zstd)] // skippable frame first, as pzstd writes
    [InlineData(new byte[] { 0x5F, 0x2A, 0x4D, 0x18 }, Compression.Zstd)]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 0x03, 0x04, 0x14, 0x00 }, Compression.Zip)]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 0x05, 0x06, 0x00, 0x00 }, Compression.Zip)] // an empty archive
    [InlineData(new byte[] { (byte)'P', (byte)'K', (byte)' ', (byte)'x' }, Compression.None)] // text that starts like zip
    [InlineData(new byte[] { (byte)'1', (byte)'2', (byte)'7', (byte)'.', (byte)'0', (byte)'.' }, Compression.None)]
    [InlineData(new byte[] { (byte)'B', (byte)'Z', (byte)'h', (byte)'!', (byte)' ', (byte)'x' }, Compression.None)] // text that starts like bzip2
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A }, Compression.None)] // too short for the xz magic
    [InlineData(new byte[] { 0x1F }, Compression.None)]
    [InlineData(new byte[0], Compression.None)]
    internal void Detects_by_magic_bytes_only(byte[] header, Compression expected)
    {
        CompressionDetector.Detect(header).Should().Be(expected);
    }
}
