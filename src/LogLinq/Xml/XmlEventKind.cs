namespace LogLinq.Xml;

/// <summary>What an <see cref="XmlEvent"/> reports, as a SAX parser's callbacks do.</summary>
public enum XmlEventKind
{
    /// <summary>An element starts: its name and attributes. An empty element (<c>&lt;a/&gt;</c>) starts and ends.</summary>
    StartElement,

    /// <summary>Text inside an element: character data or a CDATA section, with entities already expanded.</summary>
    Text,

    /// <summary>An element ends.</summary>
    EndElement,
}
