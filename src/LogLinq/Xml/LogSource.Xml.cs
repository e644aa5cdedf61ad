using LogLinq.Pipeline;
using LogLinq.Records;
using LogLinq.Xml;

namespace LogLinq.Query;

// XML sources: elements as records. Here rather than in LogSource.cs because they share nothing with
// the query planner: their queries run in LINQ to Objects over a lazy, streaming read.
public static partial class LogSource
{
    /// <summary>
    /// The elements named <paramref name="element"/> in the XML files matching <paramref name="glob"/>,
    /// as records whose fields are the text of their child elements (and their attributes), read one
    /// node at a time.
    /// </summary>
    /// <param name="glob">The files, as for <see cref="Open(string, LogSourceOptions?)"/>; compressed ones (.xml.gz, ...) are decompressed.</param>
    /// <param name="element">The local name of the elements that are records, as <c>bus</c>.</param>
    /// <param name="options">
    /// Only <see cref="LogSourceOptions.Counters"/> and <see cref="LogSourceOptions.CancellationToken"/>
    /// apply; the defaults when null.
    /// </param>
    /// <returns>
    /// A lazy query: nothing is opened until it is enumerated, and each enumeration reads anew, one
    /// file at a time, stopping when the consumer stops (<c>First()</c> reads the first buffer or so).
    /// Its operators run in LINQ to Objects: there is no pushdown and no parallel scan for XML.
    /// </returns>
    /// <remarks>
    /// How an element becomes a record is told at <see cref="XmlPipeline.Records(IEnumerable{XmlEvent}, string)"/>:
    /// every value is a string, a missing child is a missing key (<c>TryGetValue</c> is false), and
    /// <see cref="GenericRecord.LineNumber"/> is the line of the element's start tag.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="element"/> is not an XML name.</exception>
    /// <exception cref="Sources.LogSourceException">
    /// On enumeration: a glob matches nothing, a file cannot be read, or a file is malformed XML (the
    /// message names its file, line and column), after every record before the damage.
    /// </exception>
    /// <example>
    /// <code>
    /// var north = LogSource.Xml("data/buses.xml", "bus")
    ///     .Where(bus => (string?)bus["route"] == "22" &amp;&amp; (string?)bus["direction"] == "North Bound")
    ///     .Select(bus => bus["id"]);
    /// </code>
    /// </example>
    public static IQueryable<GenericRecord> Xml(string glob, string element, LogSourceOptions? options = null) => Xml([glob], element, options);

    /// <summary>The elements named <paramref name="element"/> in the XML files matching any of <paramref name="globs"/>, in glob order, as records.</summary>
    /// <inheritdoc cref="Xml(string, string, LogSourceOptions?)" path="/returns|/remarks|/exception"/>
    /// <param name="globs">The files; a file matched twice is read once.</param>
    /// <param name="element">The local name of the elements that are records.</param>
    /// <param name="options">Only the counters and the cancellation token apply; the defaults when null.</param>
    public static IQueryable<GenericRecord> Xml(IEnumerable<string> globs, string element, LogSourceOptions? options = null)
    {
        string[] patterns = Patterns(globs);
        XmlPipeline.CheckName(element);
        return new XmlQueryProvider(XmlRecords(patterns, element, options ?? new LogSourceOptions())).Source;
    }

    /// <summary>The records, lazily: what <see cref="Xml(IEnumerable{string}, string, LogSourceOptions?)"/> queries.</summary>
    internal static IEnumerable<GenericRecord> XmlRecords(IReadOnlyList<string> globs, string element, LogSourceOptions options) =>
        XmlPipeline.Records(LogPipeline.Find([.. globs]).Open(options.Counters), element, options.CancellationToken);
}
