using LogLinq.Sources;

namespace LogLinq.Live;

/// <summary>
/// Wakes a follower when something may have changed under its globs: file-system notifications
/// (inotify on Linux) where they work, and a timeout where they do not, so that a quiet file costs a
/// wake-up per poll interval and nothing in between.
/// </summary>
/// <remarks>
/// Notifications only say "look now"; the follower always checks the files themselves, so a lost,
/// late or spurious event costs at most a poll interval or one useless look. Each glob's directory is
/// watched: the folder of a plain path, or the literal prefix of a glob (with its subfolders when the
/// glob reaches below it). A folder that does not exist yet, or one that was replaced, is watched once
/// <see cref="Rearm"/> finds it; until then polling alone finds its files.
/// </remarks>
internal sealed class ChangeSignal : IDisposable
{
    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    // Not SemaphoreSlim: its Wait spins (some 65 sched_yield calls each time) before it blocks, and
    // that spinning was most of what an idle follower cost. This event blocks at once.
    private readonly ManualResetEventSlim _changed = new(initialState: false, spinCount: 0);
    private readonly Watch[] _watches;
    private TaskCompletionSource _changedAsync = NewCompletion();
    private int _namesChanged;

    /// <summary>Prepares to watch the folders of <paramref name="globs"/>; nothing is watched before <see cref="Rearm"/>.</summary>
    public ChangeSignal(IEnumerable<string> globs) =>
        _watches = [.. globs.Select(Target).OfType<WatchTarget>().Distinct().Select(target => new Watch(target))];

    /// <summary>Watches the folders that exist now and are not watched yet, or were replaced since.</summary>
    public void Rearm()
    {
        foreach (Watch watch in _watches)
        {
            bool exists = FileIdentity.TryGet(watch.Target.Directory, out FileIdentity directory);
            if (watch.Watcher is not null && (!exists || directory != watch.Directory || watch.Broken))
            {
                watch.Watcher.Dispose();
                watch.Watcher = null;
            }

            if (watch.Watcher is null && exists)
            {
                watch.Watcher = TryStart(watch);
                watch.Directory = directory;
                watch.Broken = false;
            }
        }
    }

    /// <summary>Whether files were created, deleted or renamed since the last call: the globs should be looked at again.</summary>
    public bool TakeNameChange() => Interlocked.Exchange(ref _namesChanged, 0) != 0;

    /// <summary>
    /// Waits for a change or <paramref name="timeout"/>, whichever is first. A change notified while
    /// the caller was looking at the files ends the next wait at once: it may have come too late to be seen.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Wait(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _changed.Wait(timeout, cancellationToken);
        Reset();
    }

    /// <inheritdoc cref="Wait"/>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed = Volatile.Read(ref _changedAsync).Task;
        if (!_changed.IsSet)
        {
            await Task.WhenAny(changed, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        Reset();
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        foreach (Watch watch in _watches)
        {
            watch.Watcher?.Dispose();
            watch.Watcher = null;
        }

        _changed.Dispose();
    }

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Clears the signal before the caller looks at the files: whatever changed before this is seen by
    /// that look, whatever changes after it sets the signal again.
    /// </summary>
    private void Reset()
    {
        _changed.Reset();
        if (_changedAsync.Task.IsCompleted)
        {
            Volatile.Write(ref _changedAsync, NewCompletion());
        }
    }

    private FileSystemWatcher? TryStart(Watch watch)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(watch.Target.Directory, watch.Target.Filter)
            {
                IncludeSubdirectories = watch.Target.Subdirectories,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => Wake();
            watcher.Created += (_, _) => NamesChanged();
            watcher.Deleted += (_, _) => NamesChanged();
            watcher.Renamed += (_, _) => NamesChanged();
            watcher.Error += (_, _) =>
            {
                watch.Broken = true; // e.g. the folder itself was deleted: watch its successor
                NamesChanged();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Out of inotify instances or watches, a folder gone since it was seen, a platform without
            // notifications: polling still finds every change, only later.
            watcher?.Dispose();
            return null;
        }
    }

    private void NamesChanged()
    {
        Volatile.Write(ref _namesChanged, 1);
        Wake();
    }

    private void Wake()
    {
        // A burst of writes sets the signal once: one more look, not one per write.
        try
        {
            _changed.Set();
        }
        catch (ObjectDisposedException)
        {
            return; // an event in flight as the follower stopped
        }

        Volatile.Read(ref _changedAsync).TrySetResult();
    }

    /// <summary>The folder to watch for <paramref name="glob"/>, and which names in it matter.</summary>
    private static WatchTarget? Target(string glob)
    {
        string root = Path.GetPathRoot(glob) ?? "";
        string[] parts = glob[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        int wildcard = Array.FindIndex(parts, part => WildcardMatcher.HasWildcards(part));
        if (wildcard < 0)
        {
            return new WatchTarget(Folder(root, parts[..^1]), parts[^1], Subdirectories: false);
        }

        // FileSystemWatcher's filter knows '*' and '?' but not "[abc]"; "**" means any name.
        string last = parts[^1];
        string filter = last != "**" && last.IndexOfAny(['[', ']']) < 0 ? last : "*";
        return new WatchTarget(Folder(root, parts[..wildcard]), filter, Subdirectories: parts.Length - wildcard > 1);
    }

    private static string Folder(string root, string[] parts)
    {
        string folder = root + string.Join('/', parts);
        return folder.Length == 0 ? "." : folder;
    }

    private readonly record struct WatchTarget(string Directory, string Filter, bool Subdirectories);

    private sealed class Watch(WatchTarget target)
    {
        public WatchTarget Target { get; } = target;

        public FileSystemWatcher? Watcher { get; set; }

        public FileIdentity Directory { get; set; }

        public volatile bool Broken;
    }
}
