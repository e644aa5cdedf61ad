using System.Text;

namespace LogLinq.Xml;

/// <summary>
/// One step through an XML document, SAX style: an element starts, text comes, an element ends. The
/// events of a document nest like its elements, and each says where in which file it was written.
/// </summary>
/// <remarks>
/// An event owns its values (names, attributes, text are plain strings), so it may be kept. Comments,
/// processing instructions, the document type and whitespace between elements make no events.
/// Names are local names: a namespace prefix is left out, and <c>xmlns</c> declarations are not
/// attributes.
/// </remarks>
public readonly struct XmlEvent
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoAttributes = [];

    private XmlEvent(XmlEventKind kind, string name, string? text, bool isCData, IReadOnlyList<KeyValuePair<string, string>>? attributes, int depth, string file, long lineNumber, int linePosition)
    {
        Kind = kind;
        Name = name;
        Text = text;
        IsCData = isCData;
        Attributes = attributes ?? NoAttributes;
        Depth = depth;
        File = file;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>What happened.</summary>
    public XmlEventKind Kind { get; }

    /// <summary>The element's local name, for a start or an end; for text, the name of the element it is in.</summary>
    public string Name { get; }

    /// <summary>The text of a <see cref="XmlEventKind.Text"/> event; null for the others.</summary>
    public string? Text { get; }

    /// <summary>Whether the text was written as a CDATA section (<c>&lt;![CDATA[...]]&gt;</c>).</summary>
    public bool IsCData { get; }

    /// <summary>The attributes of a start, name (local) and value, in document order; empty for the others.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; }

    /// <summary>How deep the element is: 0 for the root; text has its element's depth plus one.</summary>
    public int Depth { get; }

    /// <summary>The file the event was read from.</summary>
    public string File { get; }

    /// <summary>The 1-based line the node starts on (for an end, the line of its end tag).</summary>
    public long LineNumber { get; }

    /// <summary>The 1-based column of the node's name or text on that line.</summary>
    public int LinePosition { get; }

    /// <summary>
    /// The event as one short line, for logs and tests: <c>start bus id="7"</c>, <c>text "22"</c>,
    /// <c>cdata "A &amp; B"</c>, <c>end bus</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        switch (Kind)
        {
            case XmlEventKind.StartElement:
                text.Append("start ").Append(Name);
                foreach (KeyValuePair<string, string> attribute in Attributes)
                {
                    text.Append(' ').Append(attribute.Key).Append("=\"").Append(attribute.Value).Append('"');
                }

                break;
            case XmlEventKind.Text:
                text.Append(IsCData ? "cdata \"" : "text \"").Append(Text).Append('"');
                break;
            default:
                text.Append("end ").Append(Name);
                break;
        }

        return text.ToString();
    }

    internal static XmlEvent Start(string name, IReadOnlyList<KeyValuePair<string, string>>? attributes, int depth, string file, long line, int column) =>
        new(XmlEventKind.StartElement, name, null, false, attributes, depth, file, line, column);

    internal static XmlEvent Characters(string element, string text, bool isCData, int depth, string file, long line, int column) =>
        new(XmlEventKind.Text, element, text, isCData, null, depth, file, line, column);

    internal static XmlEvent End(string name, int depth, string file, long line, int column) =>
        new(XmlEventKind.EndElement, name, null, false, null, depth, file, line, column);
}
