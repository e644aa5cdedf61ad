using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// The values a percentile is taken of, in memory that does not grow with the log: up to
/// <see cref="ExactLimit"/> values are kept as they are, and the percentile is one of them; past
/// that they are counted in logarithmic buckets (a DDSketch: Masson, Rim and Lee, VLDB 2019), and
/// the percentile is within <see cref="RelativeAccuracy"/> of the true one. Sketches of parts merge
/// into the sketch of the whole, and the answer depends only on the values, not on their order or
/// on how they were split: a parallel scan answers as a sequential one does.
/// </summary>
internal sealed class PercentileSketch
{
    /// <summary>How many values are kept exactly before they are counted in buckets.</summary>
    public const int ExactLimit = 1024;

    /// <summary>The most a percentile past <see cref="ExactLimit"/> values is off by, relative to the true one.</summary>
    public const double RelativeAccuracy = 0.01;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private List<double>? _exact = [];

    // Bucket i holds the magnitudes in (Gamma^(i-1), Gamma^i]; negative values by their magnitude,
    // apart. Sparse: a log's values span a few hundred buckets at most. Each keeps its least and
    // greatest value too: the first and last ranks in a bucket are those, exactly (so p100 is the
    // largest value), and an estimate is kept within them (a bucket of one value, the same 404
    // page again and again, answers with that value, not with the bucket's middle).
    private readonly Dictionary<int, Bucket> _positive = [];
    private readonly Dictionary<int, Bucket> _negative = [];

    // The last value's bucket: a log repeats its sizes (the same page, the same 404), and a
    // logarithm a value is most of what adding one costs.
    private double _lastValue = double.NaN;
    private int _lastIndex;
    private long _zeros;

    /// <summary>The number of values taken.</summary>
    public long Count { get; private set; }

    /// <summary>Takes a value; NaN and infinities are left out, as a missing value is.</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        Count++;
        if (_exact is not null)
        {
            _exact.Add(value);
            if (_exact.Count > ExactLimit)
            {
                MoveToBuckets();
            }

            return;
        }

        AddToBucket(value);
    }

    /// <summary>Takes the values of <paramref name="other"/> (which is not used afterwards).</summary>
    public void Merge(PercentileSketch other)
    {
        Count += other.Count;
        if (_exact is not null && other._exact is not null && _exact.Count + other._exact.Count <= ExactLimit)
        {
            _exact.AddRange(other._exact);
            return;
        }

        // Past the limit together, both are counted in buckets, as one sketch that took all the values
        // one by one would be: buckets are exact counts, so the order of the merges does not matter.
        MoveToBuckets();
        if (other._exact is not null)
        {
            foreach (double value in other._exact)
            {
                AddToBucket(value);
            }

            return;
        }

        foreach ((int index, Bucket bucket) in other._positive)
        {
            Add(_positive, index, bucket);
        }

        foreach ((int index, Bucket bucket) in other._negative)
        {
            Add(_negative, index, bucket);
        }

        _zeros += other._zeros;
    }

    /// <summary>
    /// The <paramref name="percent"/>-th percentile by the nearest-rank method: the value at rank
    /// ⌈percent / 100 × count⌉ in ascending order (the smallest for a rank of 0); null when no value was taken.
    /// </summary>
    public double? Percentile(double percent)
    {
        if (Count == 0)
        {
            return null;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * Count));
        if (_exact is not null)
        {
            _exact.Sort();
            return _exact[(int)Math.Min(rank, _exact.Count) - 1];
        }

        // Ascending: negative values from the largest magnitude, zeros, then positive values.
        long seen = 0;
        foreach ((int index, Bucket bucket) in _negative.OrderByDescending(b => b.Key))
        {
            if ((seen += bucket.Count) >= rank)
            {
                return bucket.At(rank - (seen - bucket.Count), -Estimate(index));
            }
        }

        if ((seen += _zeros) >= rank)
        {
            return 0;
        }

        foreach ((int index, Bucket bucket) in _positive.OrderBy(b => b.Key))
        {
            if ((seen += bucket.Count) >= rank)
            {
                return bucket.At(rank - (seen - bucket.Count), Estimate(index));
            }
        }

        // The buckets and the zeros hold every value counted, and the rank is at most the count.
        throw new UnreachableException();
    }

    private void MoveToBuckets()
    {
        if (_exact is null)
        {
            return;
        }

        foreach (double value in _exact)
        {
            AddToBucket(value);
        }

        _exact = null;
    }

    private void AddToBucket(double value)
    {
        if (value == 0)
        {
            _zeros++;
            return;
        }

        if (value != _lastValue)
        {
            (_lastValue, _lastIndex) = (value, (int)Math.Ceiling(Math.Log(Math.Abs(value)) / LogGamma));
        }

        Add(value > 0 ? _positive : _negative, _lastIndex, new Bucket(1, value, value));
    }

    private static void Add(Dictionary<int, Bucket> buckets, int index, Bucket bucket)
    {
        ref Bucket slot = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, index, out bool exists);
        slot = exists ? slot.With(bucket) : bucket;
    }

    /// <summary>A bucket's count and the least and greatest of its values.</summary>
    private readonly record struct Bucket(long Count, double Min, double Max)
    {
        public Bucket With(Bucket other) => new(Count + other.Count, Math.Min(Min, other.Min), Math.Max(Max, other.Max));

        /// <summary>
        /// The value of the <paramref name="position"/>-th (from 1) of the bucket's values in order:
        /// its least or greatest for the first or the last, which are known, else the estimate.
        /// </summary>
        public double At(long position, double estimate) =>
            position == Count ? Max : position == 1 ? Min : Math.Clamp(estimate, Min, Max);
    }

    // The value that is off by at most RelativeAccuracy from every magnitude in bucket i.
    private static double Estimate(int index) => 2 * Math.Pow(Gamma, index) / (Gamma + 1);
}
