using LogLinq.Records;

namespace LogLinq.Tests.Interchange;

/// <summary>Compares records field by field: every public property, the offset of the time included.</summary>
internal static class RecordAssertions
{
    /// <summary>A record's fields as one tuple, so two records compare with one equality.</summary>
    public static object Fields(LogRecord r) =>
        (r.Host, r.Ident, r.User, r.Time.Ticks, r.Time.Offset, r.Method, r.Path, r.Protocol, r.Status, r.Bytes, r.Referrer, r.UserAgent, (r.VirtualHost, r.Duration, r.File, r.LineNumber));

    public static void ShouldEqualFieldForField(this IReadOnlyList<LogRecord> actual, IReadOnlyList<LogRecord> expected)
    {
        actual.Should().HaveCount(expected.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Fields(actual[i]).Should().Be(Fields(expected[i]), $"record {i + 1} should survive the trip");
        }
    }
}
