using System.Globalization;
using System.Text;
using System.Xml;

namespace LogLinq.Cli.Gen;

/// <summary>
/// Writes a made-up feed of bus positions as XML, in the shape of the Chicago Transit Authority's old
/// bus tracker feed (the one the generator tutorial reads):
/// <c>&lt;buses&gt;&lt;bus&gt;&lt;id/&gt;&lt;route/&gt;&lt;direction/&gt;&lt;latitude/&gt;&lt;longitude/&gt;&lt;pattern/&gt;&lt;run/&gt;&lt;finalStop/&gt;&lt;/bus&gt;...&lt;/buses&gt;</c>.
/// The same count always gives the same bytes: the numbers come from a fixed-seed generator of our
/// own, not <see cref="Random"/>, whose sequence .NET does not promise to keep.
/// </summary>
/// <remarks>
/// Every bus has an id (1000, 1001, ...), one of seven routes (22, 36, 8, 9, X9, 72, 147) and a
/// direction along it ("North Bound"/"South Bound", or "East Bound"/"West Bound" on 72), a position on
/// that route in Chicago (six decimals), a pattern number, a run (<c>P</c> and three digits; every 37th
/// bus has none, so the field is sometimes missing) and its final stop in a CDATA section, since stops
/// are written with '&amp;'. One bus is ten lines of indented XML; the file is written as it goes, so
/// a count of millions makes a file of hundreds of megabytes in constant memory.
/// </remarks>
/// <param name="count">How many buses; at least 0.</param>
/// <param name="output">The file written, replaced if it exists.</param>
internal sealed class BusPositions(long count, string output)
{
    private static readonly Route[] Routes =
    [
        new("22", NorthSouth: true, 41.874, 42.019, -87.668, -87.631, 2499, "Clark & Howard", "Harrison & Wells"),
        new("36", NorthSouth: true, 41.874, 41.998, -87.660, -87.628, 2361, "Broadway & Devon", "Harrison & State"),
        new("8", NorthSouth: true, 41.750, 41.949, -87.650, -87.646, 1401, "Halsted & Waveland", "79th & Halsted"),
        new("9", NorthSouth: true, 41.706, 41.954, -87.670, -87.664, 5417, "Ashland & Irving Park", "103rd & Ashland"),
        new("X9", NorthSouth: true, 41.706, 41.954, -87.670, -87.664, 5421, "Ashland & Irving Park", "95th & Ashland"),
        new("72", NorthSouth: false, 41.909, 41.911, -87.806, -87.631, 1212, "North & Clark", "North & Harlem"),
        new("147", NorthSouth: true, 41.876, 42.019, -87.667, -87.616, 9146, "Howard Terminal", "Congress Plaza"),
    ];

    private long _written;

    /// <summary>How many buses there will be.</summary>
    public long Total => count;

    /// <summary>How many buses are written so far. Safe to read from another thread.</summary>
    public long Written => Volatile.Read(ref _written);

    /// <summary>Writes the file. If it fails or is cancelled, an output file it created is deleted.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        bool created = !File.Exists(output);
        try
        {
            using var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1024 * 1024);
            using var xml = XmlWriter.Create(stream, new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
            });
            var random = new SplitMix64(2008);
            xml.WriteStartDocument();
            xml.WriteStartElement("buses");
            for (long i = 0; i < count; i++)
            {
                if ((i & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                WriteBus(xml, i, random);
                Volatile.Write(ref _written, i + 1);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
            xml.Flush();
            stream.WriteByte((byte)'\n');
        }
        catch when (created)
        {
            LogRepeater.TryDelete(output);
            throw;
        }
    }

    private static void WriteBus(XmlWriter xml, long index, SplitMix64 random)
    {
        Route route = Routes[random.Next(Routes.Length)];
        bool first = random.Next(2) == 0;
        double along = random.NextDouble();
        double across = random.NextDouble();

        // Along the route's length from one end to the other, with a little sideways spread.
        double latitude = route.NorthSouth ? Lerp(route.South, route.North, along) : Lerp(route.South, route.North, across);
        double longitude = route.NorthSouth ? Lerp(route.West, route.East, across) : Lerp(route.West, route.East, along);

        xml.WriteStartElement("bus");
        xml.WriteElementString("id", (1000 + index).ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("route", route.Name);
        xml.WriteElementString("direction", route.NorthSouth ? (first ? "North Bound" : "South Bound") : (first ? "East Bound" : "West Bound"));
        xml.WriteElementString("latitude", Coordinate(latitude));
        xml.WriteElementString("longitude", Coordinate(longitude));
        xml.WriteElementString("pattern", (route.Pattern + (first ? 0 : 1)).ToString(CultureInfo.InvariantCulture));
        if (index % 37 != 36)
        {
            xml.WriteElementString("run", "P" + (100 + random.Next(900)).ToString(CultureInfo.InvariantCulture));
        }

        xml.WriteStartElement("finalStop");
        xml.WriteCData(first ? route.FirstStop : route.SecondStop);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static double Lerp(double from, double to, double t) => from + ((to - from) * t);

    private static string Coordinate(double value) => Math.Round(value, 6).ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>A route: its name, which way it runs, the box it runs in, its pattern number and the stops at its ends.</summary>
    private sealed record Route(string Name, bool NorthSouth, double South, double North, double West, double East, int Pattern, string FirstStop, string SecondStop);

    /// <summary>
    /// Steele, Lea and Flood's SplitMix64: tiny, fast, and its sequence is fixed by the seed alone,
    /// on every platform and every version of .NET.
    /// </summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>A number from 0 to <paramref name="bound"/> - 1.</summary>
        public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);

        /// <summary>A number from 0 (included) to 1 (excluded), with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        private ulong NextUInt64()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
