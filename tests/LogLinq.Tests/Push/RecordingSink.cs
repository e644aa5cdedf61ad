using LogLinq.Push;

namespace LogLinq.Tests.Push;

/// <summary>
/// A sink that writes down every call made to it, raw (not through <see cref="Sink{T}"/>, so that a
/// second completion would be counted, not absorbed), and can be told to want no more or to throw.
/// </summary>
internal sealed class RecordingSink<T> : ISink<T>
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private readonly int _wantedItems;
    private readonly Func<T, bool>? _throwOn;

    /// <param name="wantedItems">After this many items, Push returns false.</param>
    /// <param name="throwOn">Push throws for the items this selects.</param>
    public RecordingSink(int wantedItems = int.MaxValue, Func<T, bool>? throwOn = null)
    {
        _wantedItems = wantedItems;
        _throwOn = throwOn;
    }

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public int Completions { get; private set; }

    public List<Exception> Failures { get; } = [];

    /// <summary>The threads Push was called on.</summary>
    public HashSet<int> Threads { get; } = [];

    /// <summary>Whether anything was pushed after the end.</summary>
    public bool PushedAfterEnd { get; private set; }

    public bool Push(T item)
    {
        PushedAfterEnd |= Completions + Failures.Count > 0;
        lock (Threads)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
        }

        if (_throwOn?.Invoke(item) == true)
        {
            throw new InvalidOperationException($"sink refused {item}");
        }

        lock (_gate)
        {
            _items.Add(item);
            return _items.Count < _wantedItems;
        }
    }

    public void Complete() => Completions++;

    public void Fail(Exception error) => Failures.Add(error);

    /// <summary>Told of its end exactly once, by completion.</summary>
    public void ShouldHaveCompletedOnce()
    {
        Completions.Should().Be(1);
        Failures.Should().BeEmpty();
        PushedAfterEnd.Should().BeFalse();
    }

    /// <summary>Told of its end exactly once, by this failure.</summary>
    public void ShouldHaveFailedOnceWith(Exception error)
    {
        Completions.Should().Be(0);
        Failures.Should().ContainSingle().Which.Should().BeSameAs(error);
        PushedAfterEnd.Should().BeFalse();
    }
}
