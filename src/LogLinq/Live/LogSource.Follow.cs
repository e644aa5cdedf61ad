using System.Runtime.CompilerServices;
using LogLinq.Formats;
using LogLinq.Live;
using LogLinq.Records;

namespace LogLinq.Query;

// Following: live logs as sequences that never end on their own. Here rather than in LogSource.cs
// because it shares nothing with the query planner but the name users look for.
public static partial class LogSource
{
    /// <summary>
    /// The records appended to the files matching <paramref name="glob"/>, as they are written, like
    /// <c>tail -F</c>: from the end of each file (or its start, with <see cref="FollowOptions.FromStart"/>),
    /// each line once it is complete, through rotation, and from files that start to match later.
    /// </summary>
    /// <param name="glob">The files to follow; a glob that matches nothing yet waits for a file to appear.</param>
    /// <param name="options">How to follow; the defaults when null.</param>
    /// <returns>
    /// A lazy sequence that ends only when <see cref="FollowOptions.Until"/> is cancelled or the consumer
    /// stops; nothing is opened or watched before it is enumerated, and each enumeration follows anew.
    /// Waiting costs no CPU: it sleeps on file-system notifications, polling at most once a second.
    /// </returns>
    /// <remarks>
    /// Rotation loses and repeats nothing: a file renamed or deleted is read to its end through its open
    /// handle before it is closed, its successor is read from its start, and a file truncated in place
    /// is read again from its start. A file is known by its identity (its inode, on Linux), so a rotated
    /// file that the glob still matches under its new name is not read twice; compressed files are
    /// never followed. Record line numbers count from where following began in each file.
    /// </remarks>
    /// <exception cref="Sources.LogSourceException">On enumeration: a matching file or folder cannot be read.</exception>
    /// <exception cref="MalformedLogException">On enumeration, with <see cref="FollowOptions.Strict"/>: a malformed line.</exception>
    public static IEnumerable<LogRecord> Follow(string glob, FollowOptions? options = null) => Follow([glob], options);

    /// <summary>The records appended to the files matching any of <paramref name="globs"/>, as they are written.</summary>
    /// <inheritdoc cref="Follow(string, FollowOptions?)" path="/returns|/remarks|/exception"/>
    /// <param name="globs">The files to follow.</param>
    /// <param name="options">How to follow; the defaults when null.</param>
    public static IEnumerable<LogRecord> Follow(IEnumerable<string> globs, FollowOptions? options = null)
    {
        string[] patterns = Patterns(globs);
        options ??= new FollowOptions();
        return Records(FollowedLines(patterns, options), options);
    }

    /// <summary>The records appended to the files matching <paramref name="glob"/>, as they are written, awaited rather than blocked on.</summary>
    /// <inheritdoc cref="Follow(string, FollowOptions?)" path="/remarks|/exception"/>
    /// <param name="glob">The files to follow.</param>
    /// <param name="options">How to follow; the defaults when null.</param>
    /// <returns>
    /// A lazy sequence, as <see cref="Follow(string, FollowOptions?)"/>'s. It ends normally when
    /// <see cref="FollowOptions.Until"/> is cancelled; the token given to <c>WithCancellation</c>
    /// (or <c>GetAsyncEnumerator</c>) instead cancels it, with <see cref="OperationCanceledException"/>.
    /// </returns>
    public static IAsyncEnumerable<LogRecord> FollowAsync(string glob, FollowOptions? options = null) => FollowAsync([glob], options);

    /// <summary>The records appended to the files matching any of <paramref name="globs"/>, as they are written, awaited rather than blocked on.</summary>
    /// <inheritdoc cref="FollowAsync(string, FollowOptions?)" path="/returns|/remarks|/exception"/>
    /// <param name="globs">The files to follow.</param>
    /// <param name="options">How to follow; the defaults when null.</param>
    public static IAsyncEnumerable<LogRecord> FollowAsync(IEnumerable<string> globs, FollowOptions? options = null)
    {
        string[] patterns = Patterns(globs);
        return RecordsAsync(patterns, options ?? new FollowOptions());
    }

    /// <summary>
    /// The lines appended to the files matching <paramref name="glob"/>, as they are written, without
    /// parsing them: for logs in no known format, or to grep before parsing.
    /// </summary>
    /// <inheritdoc cref="Follow(string, FollowOptions?)" path="/returns|/remarks"/>
    /// <param name="glob">The files to follow.</param>
    /// <param name="options">How to follow; <see cref="FollowOptions.Format"/>, <see cref="FollowOptions.Strict"/> and <see cref="FollowOptions.Report"/> do not apply.</param>
    /// <returns>Lines that own their bytes: they may be kept (unlike those of <c>LogPipeline.Cat</c>).</returns>
    public static IEnumerable<LogLine> FollowLines(string glob, FollowOptions? options = null) => FollowLines([glob], options);

    /// <summary>The lines appended to the files matching any of <paramref name="globs"/>, as they are written, without parsing them.</summary>
    /// <inheritdoc cref="FollowLines(string, FollowOptions?)" path="/returns|/remarks"/>
    /// <param name="globs">The files to follow.</param>
    /// <param name="options">How to follow.</param>
    public static IEnumerable<LogLine> FollowLines(IEnumerable<string> globs, FollowOptions? options = null)
    {
        string[] patterns = Patterns(globs);
        return FollowedLines(patterns, options ?? new FollowOptions()).Select(static file => file.Line.Copy());
    }

    private static string[] Patterns(IEnumerable<string> globs)
    {
        ArgumentNullException.ThrowIfNull(globs);
        string[] patterns = [.. globs];
        foreach (string glob in patterns)
        {
            ArgumentNullException.ThrowIfNull(glob, nameof(globs));
        }

        return patterns;
    }

    /// <summary>Every line, as its file positioned on it: the line is borrowed until the next one.</summary>
    private static IEnumerable<FollowedFile> FollowedLines(string[] globs, FollowOptions options)
    {
        using var follower = new GlobFollower(globs, options);
        do
        {
            while (follower.TryReadLine(out FollowedFile? file))
            {
                if (options.Until.IsCancellationRequested)
                {
                    yield break;
                }

                yield return file;
            }
        }
        while (follower.Wait(options.Until));
    }

    private static IEnumerable<LogRecord> Records(IEnumerable<FollowedFile> lines, FollowOptions options)
    {
        foreach (FollowedFile file in lines)
        {
            if (Parse(file, options) is { } record)
            {
                yield return record;
            }
        }
    }

    private static async IAsyncEnumerable<LogRecord> RecordsAsync(
        string[] globs, FollowOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var follower = new GlobFollower(globs, options);
        do
        {
            while (follower.TryReadLine(out FollowedFile? file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (options.Until.IsCancellationRequested)
                {
                    yield break;
                }

                if (Parse(file, options) is { } record)
                {
                    yield return record;
                }
            }
        }
        while (await follower.WaitAsync(options.Until, cancellationToken).ConfigureAwait(false));
    }

    private static LogRecord? Parse(FollowedFile file, FollowOptions options)
    {
        switch (file.Parse(out LogRecord? record, out string? error))
        {
            case LineResult.Record:
                options.Report?.AddRecords(1);
                return record;
            case LineResult.Malformed:
                var malformed = new MalformedLine(file.Path, file.LineNumber, error ?? "malformed line");
                if (options.Strict)
                {
                    throw new MalformedLogException(malformed);
                }

                options.Report?.AddMalformed(malformed);
                return null;
            default:
                return null;
        }
    }
}
