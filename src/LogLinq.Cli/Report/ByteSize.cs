using System.Globalization;

namespace LogLinq.Cli.Report;

/// <summary>Byte counts for people: "1.6 GB". Decimal units, the same megabyte the report counts with.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>Formats <paramref name="bytes"/> with one decimal in the largest unit that keeps it at least 1.</summary>
    public static string Format(long bytes)
    {
        if (bytes < 1000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        }

        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }
}
