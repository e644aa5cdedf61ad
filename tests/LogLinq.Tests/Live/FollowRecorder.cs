using LogLinq.Live;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Live;

/// <summary>
/// Follows a glob on a thread of its own and records the lines as they come, so a test can write
/// files (or have a process write them) and wait for what the follower should see.
/// </summary>
internal sealed class FollowRecorder : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _lines = [];
    private readonly Task _task;

    public FollowRecorder(string glob, FollowOptions? options = null)
    {
        FollowOptions follow = (options ?? new FollowOptions()) with { Until = _stop.Token };
        _task = Task.Factory.StartNew(
            () =>
            {
                foreach (LogLine line in LogSource.FollowLines(glob, follow))
                {
                    lock (_lines)
                    {
                        _lines.Add(line.ToString());
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>The lines seen so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits until the lines seen satisfy <paramref name="condition"/>; fails with what was seen after the timeout.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition(Lines))
        {
            if (_task.IsCompleted)
            {
                await _task; // a failure of the follower, rather than a timeout
                throw new InvalidOperationException("the follower ended before the condition was met");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the follower saw {Lines.Count} lines:\n{string.Join('\n', Lines.TakeLast(20))}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits until <paramref name="count"/> lines have been seen.</summary>
    public Task WaitForCountAsync(int count, TimeSpan? timeout = null) => WaitUntilAsync(lines => lines.Count >= count, timeout);

    /// <summary>Stops following and returns every line seen.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        _stop.Cancel();
        await _task.WaitAsync(TimeSpan.FromSeconds(10));
        return Lines;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _task.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The test has failed already, or reports the failure through StopAsync.
        }

        _stop.Dispose();
    }
}
