using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Live;

/// <summary>How <see cref="LogSource.Follow(string, FollowOptions?)"/> follows its files.</summary>
public sealed record FollowOptions
{
    /// <summary>Options with the defaults: from the end of each file, the format detected per file.</summary>
    public FollowOptions()
    {
    }

    /// <summary>
    /// Read the files that match at the start from their beginning, not only what is appended from
    /// now on. Files that start to match later are always read from their beginning.
    /// </summary>
    public bool FromStart { get; init; }

    /// <summary>The log format; <see cref="LogFormat.Auto"/> (the default) detects it per file.</summary>
    public LogFormat Format { get; init; } = LogFormat.Auto;

    /// <summary>Stop at the first malformed line with <see cref="MalformedLogException"/> instead of skipping it.</summary>
    public bool Strict { get; init; }

    /// <summary>Receives the count of records and malformed lines.</summary>
    public ParseReport? Report { get; init; }

    /// <summary>
    /// Ends the sequence when cancelled: following has no end of its own, and this gives it one. The
    /// sequence ends normally rather than throwing, so that what consumes it (a count, a grouping, a
    /// sink) finishes and produces its result for the lines it saw.
    /// </summary>
    public CancellationToken Until { get; init; }

    /// <summary>The shortest wait between two looks at quiet files; waits double from here while nothing changes.</summary>
    internal TimeSpan MinPollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The longest wait between two looks, the bound on how late a change is seen where file-system
    /// notifications do not work (network file systems, a directory that does not exist yet).
    /// </summary>
    internal TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a file that was rotated away or deleted is still read after it last grew: a server
    /// keeps writing into the old file until it is told to reopen its log.
    /// </summary>
    internal TimeSpan RotationGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether to use file-system notifications; off, polling alone must find every change (tests turn it off).</summary>
    internal bool Notifications { get; init; } = true;
}
