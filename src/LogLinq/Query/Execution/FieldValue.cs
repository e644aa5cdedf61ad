using System.Runtime.CompilerServices;
using LogLinq.Query.Planning;

namespace LogLinq.Query.Execution;

/// <summary>Reads the numeric or time fields straight from a parsed line.</summary>
internal static class FieldValue
{
    /// <summary>A value that reads <paramref name="field"/>, or null when it is not a field read here.</summary>
    public static object? TryCreate(LogField field, Type type) => field switch
    {
        LogField.Status when type == typeof(int) => new Status(),
        LogField.Bytes when type == typeof(long) => new Bytes(),
        LogField.Time when type == typeof(DateTimeOffset) => new Time(),
        LogField.Duration when type == typeof(TimeSpan?) => new Duration(),
        LogField.Host or LogField.Ident or LogField.User or LogField.Method or LogField.Path or LogField.Protocol
            or LogField.Referrer or LogField.UserAgent or LogField.VirtualHost or LogField.File when type == typeof(string) => new TextFieldValue(field),
        _ => null,
    };

    /// <summary>
    /// A parsed integer field (<paramref name="field"/>, from <see cref="TryCreate"/>) read as a
    /// <c>double?</c>, as a percentile takes numbers; null for any other field or type.
    /// </summary>
    public static object? AsNumber(object field, Type type) => type != typeof(double?) ? null : field switch
    {
        RowValue<long> integer => new NumberOf<long>(integer),
        RowValue<int> integer => new NumberOf<int>(integer),
        _ => null,
    };

    /// <summary>
    /// <c>bin(time, size)</c> of the record's own time (<see cref="Language.QueryFunctions.Bin(DateTimeOffset, TimeSpan)"/>),
    /// from the parsed time: a summarize by time window needs no record, nor any code compiled for it.
    /// </summary>
    public static RowValue<DateTimeOffset> BinnedTime(TimeSpan size) => new TimeBin(size);

    /// <summary>The field <paramref name="value"/> reads when it is one of the parsed numbers; otherwise null.</summary>
    public static LogField? FieldOf<T>(RowValue<T> value) => value switch
    {
        Bytes => LogField.Bytes,
        Status => LogField.Status,
        _ => null,
    };

    private sealed class NumberOf<TInteger>(RowValue<TInteger> integer) : RowValue<double?>
        where TInteger : System.Numerics.IBinaryInteger<TInteger>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override double? Get(ref Row row) => double.CreateTruncating(integer.Get(ref row));

        public override string ToString() => integer.ToString()!;
    }

    private sealed class Status : RowValue<int>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override int Get(ref Row row) => row.IsRaw ? row.Fields.Status : row.Record.Status;

        public override string ToString() => "status";
    }

    private sealed class Bytes : RowValue<long>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override long Get(ref Row row) => row.IsRaw ? row.Fields.Bytes : row.Record.Bytes;

        public override string ToString() => "bytes";
    }

    private sealed class Time : RowValue<DateTimeOffset>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override DateTimeOffset Get(ref Row row) => RowFields.Time(ref row);

        public override string ToString() => "time";
    }

    private sealed class Duration : RowValue<TimeSpan?>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override TimeSpan? Get(ref Row row) => RowFields.Duration(ref row);

        public override string ToString() => "duration";
    }

    private sealed class TimeBin(TimeSpan size) : RowValue<DateTimeOffset>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override DateTimeOffset Get(ref Row row) => Language.QueryFunctions.Bin(RowFields.Time(ref row), size);

        public override string ToString() => $"bin(time, {Language.DurationFormat.Exact(size)})";
    }
}
