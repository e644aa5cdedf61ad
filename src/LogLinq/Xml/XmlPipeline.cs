using System.Xml;
using LogLinq.Pipeline;
using LogLinq.Push;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Xml;

/// <summary>
/// XML documents as a stream of events, SAX style (an element starts, text comes, an element ends),
/// read one node at a time with <see cref="XmlReader"/>, so a document of any size takes the memory
/// of one node; and the stage that turns elements of one name into records. Both sides are here: the
/// pull side, lazy sequences like <see cref="LogPipeline"/>'s, and the push side, which drives sinks.
/// </summary>
/// <example>
/// <code>
/// // Pull: the buses of route 22, read as the sequence is enumerated.
/// var buses = LogPipeline.Find("data/buses.xml").Open().Events().Records("bus")
///     .Where(bus => (string?)bus["route"] == "22");
///
/// // Push: one read of the file feeds two questions.
/// var all = Sink.Count&lt;GenericRecord&gt;();
/// var north = Sink.Count&lt;GenericRecord&gt;();
/// LogPipeline.Find("data/buses.xml").Open().PushEvents(
///     Sink.Of&lt;XmlEvent&gt;().Records("bus").To(all, Sink.Of&lt;GenericRecord&gt;().Where(b => (string?)b["direction"] == "North Bound").To(north)));
/// </code>
/// </example>
public static class XmlPipeline
{
    /// <summary>The events of each file in turn, read as the sequence is enumerated.</summary>
    /// <param name="files">Open files, usually from <see cref="LogPipeline.Open"/> (so .xml.gz and the like are decompressed).</param>
    /// <returns>A lazy sequence; stopping early stops reading (and closes the file, when it came from <see cref="LogPipeline.Open"/>).</returns>
    /// <exception cref="LogSourceException">
    /// On enumeration: a file is malformed XML (the message names its file, line and column), after
    /// every event before the damage; or it cannot be read.
    /// </exception>
    public static IEnumerable<XmlEvent> Events(this IEnumerable<OpenedLog> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Read(files);
    }

    /// <summary>
    /// Reads each file in turn and pushes its events into <paramref name="sink"/>, then completes it.
    /// When the sink wants no more, reading stops there (the sink is still completed); when reading or
    /// pushing throws, the sink is failed with the error, which is then thrown on.
    /// </summary>
    /// <param name="files">Open files, usually from <see cref="LogPipeline.Open"/>.</param>
    /// <param name="sink">Where the events go, as <c>Sink.Of&lt;XmlEvent&gt;().Records("bus").To(...)</c>.</param>
    /// <param name="cancellationToken">Checked before each event: cancelling fails the sink with <see cref="OperationCanceledException"/>, then throws it.</param>
    /// <exception cref="LogSourceException">A file is malformed XML, or cannot be read.</exception>
    public static void PushEvents(this IEnumerable<OpenedLog> files, ISink<XmlEvent> sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sink);
        try
        {
            Push(files, sink, cancellationToken);
        }
        catch (Exception e)
        {
            sink.Fail(e);
            throw;
        }

        sink.Complete();
    }

    /// <summary>
    /// Each element named <paramref name="element"/> as a record, made when its end tag is read: its
    /// attributes and the text of its child elements, by name (see remarks); <see cref="GenericRecord.File"/>
    /// and <see cref="GenericRecord.LineNumber"/> say where its start tag is.
    /// </summary>
    /// <remarks>
    /// Fields are strings, in the order first seen: the element's attributes, then its children. A
    /// child's value is all the text inside it, CDATA sections and deeper elements' text included (as
    /// <c>XElement.Value</c>); an empty child is <c>""</c>; a name seen twice keeps its first value.
    /// Elements of the name are found at any depth; one inside another is part of the outer record.
    /// Names are local names, without a namespace prefix.
    /// </remarks>
    /// <param name="events">The events, from <see cref="Events"/> or any source that nests them as a document does.</param>
    /// <param name="element">The local name of the elements that are records, as <c>bus</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="element"/> is not an XML name.</exception>
    public static IEnumerable<GenericRecord> Records(this IEnumerable<XmlEvent> events, string element)
    {
        ArgumentNullException.ThrowIfNull(events);
        CheckName(element);
        return Build(events, element);
    }

    /// <summary>The push side's element-to-record stage: passes on a record each time an element named <paramref name="element"/> ends.</summary>
    /// <inheritdoc cref="Records(IEnumerable{XmlEvent}, string)" path="/remarks|/exception"/>
    /// <param name="flow">The chain so far, giving events.</param>
    /// <param name="element">The local name of the elements that are records.</param>
    public static Flow<TIn, GenericRecord> Records<TIn>(this Flow<TIn, XmlEvent> flow, string element)
    {
        ArgumentNullException.ThrowIfNull(flow);
        CheckName(element);
        return flow.Then<GenericRecord>(next => new XmlRecordSink(next, element));
    }

    /// <exception cref="ArgumentException"><paramref name="element"/> is not a local XML name.</exception>
    internal static void CheckName(string element)
    {
        ArgumentNullException.ThrowIfNull(element);
        try
        {
            XmlConvert.VerifyNCName(element);
        }
        catch (Exception e) when (e is XmlException or ArgumentException)
        {
            // XmlConvert says ArgumentException for "", XmlException for the rest, neither naming the element.
            throw new ArgumentException($"'{element}' is not the local name of an XML element", nameof(element));
        }
    }

    /// <summary>
    /// <c>files.Events().Records(element)</c> in one loop, with no sequence of events between the
    /// reader and the builder: what <c>LogSource.Xml</c> runs. The token is checked at every event, so a
    /// file with no record in it still stops at once.
    /// </summary>
    internal static IEnumerable<GenericRecord> Records(IEnumerable<OpenedLog> files, string element, CancellationToken cancellationToken)
    {
        var builder = new XmlRecordBuilder(element);
        foreach (OpenedLog file in files)
        {
            using var reader = new XmlEventReader(file.Content, file.Path);
            while (reader.Read(out XmlEvent item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (builder.Add(item, out GenericRecord? record))
                {
                    yield return record!;
                }
            }
        }
    }

    /// <summary>Pushes every event, until the sink wants no more.</summary>
    private static void Push(IEnumerable<OpenedLog> files, ISink<XmlEvent> sink, CancellationToken cancellationToken)
    {
        foreach (OpenedLog file in files)
        {
            using var reader = new XmlEventReader(file.Content, file.Path);
            while (reader.Read(out XmlEvent item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!sink.Push(item))
                {
                    // Leaving the loop disposes the files' enumerator, which closes the open file.
                    return;
                }
            }
        }
    }

    private static IEnumerable<XmlEvent> Read(IEnumerable<OpenedLog> files)
    {
        foreach (OpenedLog file in files)
        {
            using var reader = new XmlEventReader(file.Content, file.Path);
            while (reader.Read(out XmlEvent item))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<GenericRecord> Build(IEnumerable<XmlEvent> events, string element)
    {
        var builder = new XmlRecordBuilder(element);
        foreach (XmlEvent item in events)
        {
            if (builder.Add(item, out GenericRecord? record))
            {
                yield return record!;
            }
        }
    }
}
