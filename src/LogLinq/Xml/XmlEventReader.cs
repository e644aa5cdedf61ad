using System.Text.RegularExpressions;
using System.Xml;
using LogLinq.Sources;

namespace LogLinq.Xml;

/// <summary>
/// Turns one XML document into <see cref="XmlEvent"/>s, one node at a time, over an
/// <see cref="XmlReader"/>: the document is never held whole, only the node being read. What the
/// pull side (<see cref="XmlPipeline.Events"/>) and the push side (<see cref="XmlPipeline.PushEvents"/>)
/// both drive.
/// </summary>
/// <remarks>
/// A document type is skipped, not processed, so no entity can expand beyond the text written and no
/// external resource is fetched. A malformed document throws <see cref="LogSourceException"/> naming
/// the file, line and column, after every event before the damage.
/// </remarks>
internal sealed partial class XmlEventReader : IDisposable
{
    // XmlReader reads its stream 4 KB at a time; a plain file gets no buffer from LogFileOpener (a line
    // reader's own buffer is usually the only one), so this one turns those reads into few system calls.
    private const int BufferSize = 64 * 1024;

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private readonly XmlReader _reader;
    private readonly IXmlLineInfo _position;
    private readonly string _path;

    // The names of the elements open around the current node, innermost last: text says which it is in.
    private readonly List<string> _open = [];
    private XmlEvent? _pendingEnd;

    /// <summary>Reads <paramref name="content"/>, the document at <paramref name="path"/>; the stream is not closed.</summary>
    public XmlEventReader(Stream content, string path)
    {
        _path = path;
        _reader = XmlReader.Create(new BufferedStream(content, BufferSize), new XmlReaderSettings
        {
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CloseInput = false,
        });
        _position = (IXmlLineInfo)_reader;
    }

    /// <summary>Reads the next event.</summary>
    /// <returns>False at the end of the document.</returns>
    /// <exception cref="LogSourceException">The XML is malformed, or the file cannot be read.</exception>
    public bool Read(out XmlEvent item)
    {
        if (_pendingEnd is { } end)
        {
            _pendingEnd = null;
            item = end;
            return true;
        }

        try
        {
            while (_reader.Read())
            {
                switch (_reader.NodeType)
                {
                    case XmlNodeType.Element:
                        item = Start();
                        return true;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        item = XmlEvent.Characters(_open[^1], _reader.Value, _reader.NodeType == XmlNodeType.CDATA, _reader.Depth, _path, _position.LineNumber, _position.LinePosition);
                        return true;
                    case XmlNodeType.EndElement:
                        _open.RemoveAt(_open.Count - 1);
                        item = XmlEvent.End(_reader.LocalName, _reader.Depth, _path, _position.LineNumber, _position.LinePosition);
                        return true;
                }
            }
        }
        catch (XmlException e)
        {
            throw Malformed(e);
        }

        item = default;
        return false;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();

    private XmlEvent Start()
    {
        string name = _reader.LocalName;
        int depth = _reader.Depth;
        long line = _position.LineNumber;
        int column = _position.LinePosition;
        bool empty = _reader.IsEmptyElement;
        List<KeyValuePair<string, string>>? attributes = null;
        if (_reader.HasAttributes)
        {
            while (_reader.MoveToNextAttribute())
            {
                if (_reader.NamespaceURI != XmlnsNamespace)
                {
                    (attributes ??= []).Add(new KeyValuePair<string, string>(_reader.LocalName, _reader.Value));
                }
            }

            _reader.MoveToElement();
        }

        // SAX reports <a/> as a start and an end; so does this reader, the end on the next call.
        if (empty)
        {
            _pendingEnd = XmlEvent.End(name, depth, _path, line, column);
        }
        else
        {
            _open.Add(name);
        }

        return XmlEvent.Start(name, attributes, depth, _path, line, column);
    }

    private LogSourceException Malformed(XmlException e)
    {
        // XmlException's message ends in " Line 3, position 7."; the position goes first, as a compiler's does.
        string reason = TrailingPosition().Replace(e.Message, "");
        string where = e.LineNumber > 0 ? $"{_path}:{e.LineNumber}:{e.LinePosition}" : _path;
        return new LogSourceException($"{where}: malformed XML: {reason}", _path, null, e);
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex TrailingPosition();
}
