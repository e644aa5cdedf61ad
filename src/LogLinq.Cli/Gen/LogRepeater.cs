namespace LogLinq.Cli.Gen;

/// <summary>
/// Writes a file's bytes N times over into another file, as fast as the disk takes them: a small
/// source is read once and repeated in memory into large blocks, a large one is streamed per copy.
/// </summary>
/// <param name="source">The file copied.</param>
/// <param name="repeat">How many copies to write; at least 1.</param>
/// <param name="output">The file written, replaced if it exists.</param>
internal sealed class LogRepeater(string source, int repeat, string output)
{
    /// <summary>The size of one write: big enough that syscalls cost nothing next to the copying.</summary>
    private const int BlockSize = 8 * 1024 * 1024;

    /// <summary>A source up to this size is held in memory and repeated from there.</summary>
    private const long InMemoryLimit = 64 * 1024 * 1024;

    private long _bytesWritten;
    private long _totalBytes = -1;

    /// <summary>How many bytes the output will have; known once <see cref="Run"/> has opened the source.</summary>
    public long TotalBytes => Volatile.Read(ref _totalBytes);

    /// <summary>How many bytes are written so far. Safe to read from another thread.</summary>
    public long BytesWritten => Volatile.Read(ref _bytesWritten);

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> name the same file, through symbolic links
    /// too: writing a file onto itself would empty it before it is read.
    /// </summary>
    public static bool SameFile(string a, string b) => Resolve(a) == Resolve(b);

    /// <summary>
    /// Writes the copies. If it fails or is cancelled, an output file it created is deleted rather
    /// than left holding a partial number of copies.
    /// </summary>
    public void Run(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        if (SameFile(source, output))
        {
            throw new IOException($"'{output}' is the source '{source}': it would be emptied before it is read.");
        }

        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        long length = input.Length;
        if (length > long.MaxValue / repeat)
        {
            throw new IOException($"{repeat} copies of '{source}' would be more bytes than a file can hold.");
        }

        Volatile.Write(ref _totalBytes, length * repeat);

        bool created = !File.Exists(output);
        try
        {
            using (var stream = new FileStream(output, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                Share = FileShare.Read,
                // Writes are whole blocks: FileStream's own buffer would only add a copy.
                BufferSize = 0,
                // Reserves the space up front: a disk too small fails now, not after minutes of writing.
                PreallocationSize = length * repeat,
            }))
            {
                if (length <= InMemoryLimit)
                {
                    WriteFromMemory(input, length, stream, cancellationToken);
                }
                else
                {
                    WriteStreaming(input, stream, cancellationToken);
                }
            }
        }
        catch when (created)
        {
            TryDelete(output);
            throw;
        }
    }

    private void WriteFromMemory(FileStream input, long length, FileStream stream, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return;
        }

        byte[] content = new byte[length];
        input.ReadExactly(content);

        // Several copies back to back in one block, so a small source still makes large writes.
        int copiesPerBlock = (int)Math.Clamp(BlockSize / length, 1, repeat);
        byte[] block = new byte[length * copiesPerBlock];
        for (int i = 0; i < copiesPerBlock; i++)
        {
            content.CopyTo(block, i * length);
        }

        for (int left = repeat; left > 0; left -= copiesPerBlock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int copies = Math.Min(left, copiesPerBlock);
            int bytes = (int)(copies * length);
            stream.Write(block, 0, bytes);
            Interlocked.Add(ref _bytesWritten, bytes);
        }
    }

    private void WriteStreaming(FileStream input, FileStream stream, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[BlockSize];
        for (int copy = 0; copy < repeat; copy++)
        {
            input.Position = 0;
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                stream.Write(buffer, 0, read);
                Interlocked.Add(ref _bytesWritten, read);
            }
        }
    }

    private static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A missing file or a dangling link: the path as written is all there is to compare.
            return full;
        }
    }

    /// <summary>Deletes <paramref name="path"/> if it can: after a failure, whose error is the one to report.</summary>
    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one worth reporting.
        }
    }
}
