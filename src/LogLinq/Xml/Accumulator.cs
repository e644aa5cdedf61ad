namespace LogLinq.Xml;

/// <summary>
/// One aggregate of one group, computed as the group's rows go by, so that they need not be kept:
/// what <c>g.LongCount()</c>, <c>g.Sum(r =&gt; ...)</c>, <c>g.Average(...)</c>, <c>g.Min(...)</c>,
/// <c>g.Max(...)</c> and <c>g.Select(...).Distinct().LongCount()</c> compute, with LINQ to Objects'
/// answers: the same order of additions, the same null rules (nulls left out; the average or the
/// minimum of nothing is null) and the same comparer (<see cref="Comparer{T}.Default"/>).
/// </summary>
internal abstract class Accumulator<TSource>
{
    /// <summary>Takes the group's next row.</summary>
    public abstract void Add(TSource item);

    /// <summary>The aggregate of the rows taken, boxed as the LINQ method returns it.</summary>
    public abstract object? Result();

    /// <summary>
    /// A maker of fresh accumulators for the Enumerable method <paramref name="name"/> with
    /// <paramref name="selector"/> (null for a count), or null when there is none for it.
    /// </summary>
    /// <param name="name">Count, LongCount, Sum, Average, Min or Max; DistinctCount or DistinctLongCount for a count of distinct values.</param>
    /// <param name="selector">The compiled selector, a <c>Func&lt;TSource, TValue&gt;</c>.</param>
    /// <param name="valueType">The selector's return type.</param>
    public static Func<Accumulator<TSource>>? For(string name, Delegate? selector, Type? valueType)
    {
        if (selector is null)
        {
            return name switch
            {
                "Count" => static () => new Counter(asLong: false),
                "LongCount" => static () => new Counter(asLong: true),
                _ => null,
            };
        }

        return (name, valueType) switch
        {
            // int selectors are widened once here, so one class sums ints and longs, as checked as LINQ's.
            ("Sum" or "Average", _) when valueType == typeof(int) =>
                Make(typeof(IntegerSum), new Func<TSource, long>(item => ((Func<TSource, int>)selector)(item)), name == "Sum" ? IntegerResult.Int : IntegerResult.Average),
            ("Sum" or "Average", _) when valueType == typeof(long) =>
                Make(typeof(IntegerSum), selector, name == "Sum" ? IntegerResult.Long : IntegerResult.Average),
            ("Sum" or "Average", _) when valueType == typeof(double) => Make(typeof(DoubleSum), selector, name == "Average"),
            ("Sum" or "Average", _) when valueType == typeof(double?) => Make(typeof(NullableDoubleSum), selector, name == "Average"),
            ("Min" or "Max", not null) => Make(typeof(Extreme<>).MakeGenericType(typeof(TSource), valueType), selector, name == "Max"),
            ("DistinctCount" or "DistinctLongCount", not null) => Make(typeof(DistinctCounter<>).MakeGenericType(typeof(TSource), valueType), selector, name == "DistinctLongCount"),
            _ => null,
        };
    }

    private static Func<Accumulator<TSource>> Make(Type kind, Delegate selector, object option) =>
        () => (Accumulator<TSource>)Activator.CreateInstance(kind, selector, option)!;

    /// <summary>What an integer sum answers: Sum of ints (an int), Sum of longs (a long), or Average (a double).</summary>
    internal enum IntegerResult
    {
        Int,
        Long,
        Average,
    }

    private sealed class Counter(bool asLong) : Accumulator<TSource>
    {
        private long _count;

        public override void Add(TSource item) => _count++;

        public override object? Result() => asLong ? _count : (object)checked((int)_count);
    }

    private sealed class IntegerSum(Func<TSource, long> selector, IntegerResult result) : Accumulator<TSource>
    {
        private long _sum;
        private long _count;

        public override void Add(TSource item)
        {
            _sum = checked(_sum + selector(item));
            _count++;
        }

        public override object? Result() => result switch
        {
            // Boxed arm by arm: a switch of int, long and double would make them all doubles.
            IntegerResult.Int => (object)checked((int)_sum),
            IntegerResult.Long => (object)_sum,
            _ => (object)((double)_sum / _count),
        };
    }

    private sealed class DoubleSum(Func<TSource, double> selector, bool average) : Accumulator<TSource>
    {
        private double _sum;
        private long _count;

        public override void Add(TSource item)
        {
            _sum += selector(item);
            _count++;
        }

        public override object? Result() => average ? _sum / _count : _sum;
    }

    private sealed class NullableDoubleSum(Func<TSource, double?> selector, bool average) : Accumulator<TSource>
    {
        private double _sum;
        private long _count;

        public override void Add(TSource item)
        {
            if (selector(item) is { } value)
            {
                _sum += value;
                _count++;
            }
        }

        // A sum of no numbers is 0; their average is null.
        public override object? Result() => average ? (_count == 0 ? null : _sum / _count) : _sum;
    }

    private sealed class Extreme<TValue>(Func<TSource, TValue> selector, bool max) : Accumulator<TSource>
    {
        private readonly Comparer<TValue> _comparer = Comparer<TValue>.Default;
        private TValue? _value;
        private bool _any;

        public override void Add(TSource item)
        {
            TValue value = selector(item);
            if (value is null)
            {
                return; // as Enumerable.Min and Max do with nulls
            }

            int order = _any ? _comparer.Compare(value, _value!) : 0;
            if (!_any || (max ? order > 0 : order < 0))
            {
                _value = value;
                _any = true;
            }
        }

        public override object? Result() => _value;
    }

    private sealed class DistinctCounter<TValue>(Func<TSource, TValue> selector, bool asLong) : Accumulator<TSource>
    {
        private readonly HashSet<TValue> _seen = [];

        public override void Add(TSource item) => _seen.Add(selector(item));

        public override object? Result() => asLong ? (long)_seen.Count : (object)_seen.Count;
    }
}
