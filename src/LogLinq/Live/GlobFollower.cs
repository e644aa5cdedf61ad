using System.Diagnostics.CodeAnalysis;
using LogLinq.Sources;

namespace LogLinq.Live;

/// <summary>
/// Follows every file that globs match, as <c>tail -F</c> does: hands out complete lines as they are
/// appended, and keeps following through rotation. One reader, one thread; not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Files are told apart by <see cref="FileIdentity"/>, not by name. Every so often (after a quiet
/// look, when names changed in a watched folder, and at least every poll interval) the globs are
/// evaluated again and each path's identity compared with the files already open:
/// </para>
/// <list type="bullet">
/// <item>a path whose file is not open yet is a new file (a successor after rename-and-create or
/// re-creation, or a new file that matches): it is read from its start;</item>
/// <item>an open file no longer at any matching path was rotated away or deleted: it is "detached"
/// and still read through its handle (its last lines, and whatever a server that has not reopened
/// its log yet still writes into it) until it has been quiet for a grace period, then closed;</item>
/// <item>an open file found under another matching name (access-log became access-log.1 and the
/// glob is access-log*) is the same file, and is not read again.</item>
/// </list>
/// <para>
/// Copy-truncate is seen by the file itself (<see cref="FollowedFile"/>): it is shorter than what was
/// read, or the bytes last read are no longer where they were, so it is read again from its start.
/// Lines written between the copy and the truncation that were not read yet are lost, as with every
/// follower: they exist only in the copy.
/// </para>
/// </remarks>
internal sealed class GlobFollower : IDisposable
{
    /// <summary>How much one file may read in a pass before the others get their turn.</summary>
    private const long PassBudget = 1024 * 1024;

    /// <summary>
    /// How often a quiet look evaluates the globs again: often enough to see a rotation soon without
    /// notifications, rarely enough that a stream of notifications (a busy writer, a busy neighbour in
    /// the folder) does not turn into a directory walk per write.
    /// </summary>
    private const long QuietRefreshMilliseconds = 100;

    private readonly GlobPattern[] _globs;
    private readonly FollowOptions _options;
    private readonly ChangeSignal _signal;
    private readonly List<FollowedFile> _files = [];
    private readonly HashSet<FileIdentity> _compressed = [];
    private int _index;
    private long _budget = PassBudget;
    private bool _started;
    private bool _refreshedInPass;
    private bool _sawData;
    private bool _morePending;
    private long _lastRefresh;
    private TimeSpan _interval;

    public GlobFollower(IReadOnlyCollection<string> globs, FollowOptions options)
    {
        _globs = [.. globs.Select(GlobPattern.Parse)];
        _options = options;
        _signal = new ChangeSignal(options.Notifications ? globs : []);
        _interval = options.MinPollInterval;
    }

    /// <summary>How many times the follower has woken up to look at its files: what following costs when nothing happens.</summary>
    public int Wakeups { get; private set; }

    /// <summary>The files open now, detached ones included.</summary>
    public int OpenFiles => _files.Count;

    /// <summary>
    /// Moves to the next complete line of any file; <paramref name="file"/>'s <see cref="FollowedFile.Line"/>
    /// is valid until the next call. False when there is none now: <see cref="Wait"/>, then try again.
    /// </summary>
    public bool TryReadLine([NotNullWhen(true)] out FollowedFile? file)
    {
        if (!_started)
        {
            _started = true;
            Refresh(initial: true);
        }

        while (true)
        {
            while (_index < _files.Count)
            {
                FollowedFile current = _files[_index];
                if (current.DetachedAt is not null)
                {
                    // Draining a rotated file is not held to the budget: its successor waits behind it,
                    // so that lines come out in the order they were written.
                    _budget = long.MaxValue;
                }

                if (current.TryReadLine(ref _budget))
                {
                    _sawData = true;
                    file = current;
                    return true;
                }

                if (current.IsCompressed)
                {
                    // It was empty when found, and a compressor has written to it since.
                    _compressed.Add(current.Identity);
                    _files.RemoveAt(_index);
                    current.Dispose();
                    continue;
                }

                if (IsFinished(current))
                {
                    if (current.TryTakeRest())
                    {
                        file = current; // closed on the next call, once the caller is done with this line
                        return true;
                    }

                    _files.RemoveAt(_index);
                    current.Dispose();
                    continue;
                }

                // Out of budget means more was there to read: the next pass comes at once, not after a wait.
                _morePending |= _budget <= 0;
                _index++;
                _budget = PassBudget;
            }

            if (!_refreshedInPass && ShouldRefresh())
            {
                Refresh(initial: false);
                _refreshedInPass = true;
            }
            else if (_morePending)
            {
                _morePending = false;
                _refreshedInPass = false;
            }
            else
            {
                file = null;
                return false;
            }

            _index = 0;
            _budget = PassBudget;
        }
    }

    /// <summary>
    /// Waits until something may have changed: a notification, or the poll interval, which doubles
    /// from the shortest to the longest while nothing is read. False when <paramref name="until"/> is cancelled.
    /// </summary>
    public bool Wait(CancellationToken until)
    {
        try
        {
            _signal.Wait(NextInterval(), until);
            return true;
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc cref="Wait"/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<bool> WaitAsync(CancellationToken until, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(until, cancellationToken);
        try
        {
            await _signal.WaitAsync(NextInterval(), both.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Closes every file and stops watching.</summary>
    public void Dispose()
    {
        _signal.Dispose();
        foreach (FollowedFile file in _files)
        {
            file.Dispose();
        }

        _files.Clear();
    }

    private TimeSpan NextInterval()
    {
        _interval = _sawData ? _options.MinPollInterval : Min(_interval * 2, _options.MaxPollInterval);
        _sawData = false;
        _refreshedInPass = false;
        _index = 0;
        _budget = PassBudget;
        Wakeups++;
        return _interval;
    }

    private bool ShouldRefresh()
    {
        bool namesChanged = _signal.TakeNameChange();
        long since = Environment.TickCount64 - _lastRefresh;
        return namesChanged
            || (!_sawData && since >= QuietRefreshMilliseconds)
            || since >= (long)_options.MaxPollInterval.TotalMilliseconds;
    }

    /// <summary>A detached file that has been quiet for the grace period: nothing more will come.</summary>
    private bool IsFinished(FollowedFile file) =>
        file.DetachedAt is { } detachedAt
        && Environment.TickCount64 - Math.Max(detachedAt, file.LastGrowth) >= (long)_options.RotationGrace.TotalMilliseconds;

    /// <summary>Evaluates the globs again and matches what they find with the files open.</summary>
    private void Refresh(bool initial)
    {
        _lastRefresh = Environment.TickCount64;
        _signal.Rearm();

        var found = new HashSet<FileIdentity>();
        foreach (GlobPattern glob in _globs)
        {
            foreach (string path in glob.FindFiles())
            {
                if (FileIdentity.TryGet(path, out FileIdentity identity) && found.Add(identity))
                {
                    Follow(path, identity, initial, found);
                }
            }
        }

        foreach (FollowedFile file in _files)
        {
            if (!found.Contains(file.Identity))
            {
                file.DetachedAt ??= Environment.TickCount64;
            }
            else
            {
                file.DetachedAt = null; // renamed back, or to another name the globs match
            }
        }

        _compressed.IntersectWith(found);
    }

    private void Follow(string path, FileIdentity identity, bool initial, HashSet<FileIdentity> found)
    {
        if (_compressed.Contains(identity) || _files.Exists(file => file.Identity == identity))
        {
            return;
        }

        // Files there at the start are followed from their end; any file found later is new since,
        // and all of it is unread.
        FollowedFile? opened = FollowedFile.TryOpen(path, atEnd: initial && !_options.FromStart, _options.Format);
        if (opened is null)
        {
            return;
        }

        // The path may have been given to another file between looking and opening: the handle is
        // the truth, and that file may be one already followed.
        if (opened.IsCompressed || (opened.Identity != identity && _files.Exists(file => file.Identity == opened.Identity)))
        {
            if (opened.IsCompressed)
            {
                _compressed.Add(opened.Identity);
            }

            opened.Dispose();
            return;
        }

        found.Add(opened.Identity);
        _files.Add(opened);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
