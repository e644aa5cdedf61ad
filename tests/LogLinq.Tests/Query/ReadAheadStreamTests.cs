using LogLinq.Query.Execution;
using LogLinq.Sources;

namespace LogLinq.Tests.Query;

public sealed class ReadAheadStreamTests
{
    [Fact]
    public void The_bytes_before_a_failure_are_read_before_it_even_in_a_block_not_filled()
    {
        // Less than one block of read-ahead, in a few reads, then the damage.
        byte[] content = [.. Enumerable.Range(0, 100_000).Select(i => (byte)i)];
        using var stream = new ReadAheadStream(new FailingStream(content, readSize: 30_000));
        using var read = new MemoryStream();

        var copy = () => stream.CopyTo(read, 4096);

        copy.Should().Throw<InvalidDataException>();
        read.ToArray().Should().Equal(content);
    }

    /// <summary>Delivers its content in reads of a given size, then throws as a decoder meeting damage does.</summary>
    private sealed class FailingStream(byte[] content, int readSize) : ReadOnlyStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            if (_position == content.Length)
            {
                throw new InvalidDataException("damaged");
            }

            int count = Math.Min(Math.Min(buffer.Length, readSize), content.Length - _position);
            content.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
