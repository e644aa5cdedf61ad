using System.Text;
using LogLinq.Records;

namespace LogLinq.Xml;

/// <summary>
/// The element-to-record step, fed one event at a time: each element named <c>element</c> becomes a
/// <see cref="GenericRecord"/> when its end tag is read. What the pull stage
/// (<see cref="XmlPipeline.Records(IEnumerable{XmlEvent}, string)"/>) and the push stage
/// (<see cref="XmlRecordSink"/>) share.
/// </summary>
/// <remarks>
/// <para>The fields, in the order first seen: the element's attributes, then its child elements.</para>
/// <list type="bullet">
/// <item>A child's value is all the text inside it, CDATA included and deeper elements' text too
/// (as <c>XElement.Value</c> has it); an empty child is <c>""</c>. A child's own attributes are not read.</item>
/// <item>A name seen twice keeps its first value: an attribute before a child of the same name, the
/// first of repeated children.</item>
/// <item>Text written directly in the element, between its children, is not a field.</item>
/// <item>An element of the chosen name inside one being read is part of it (a child or deeper), not a
/// record of its own. Elements of the name are found at any depth of the document.</item>
/// </list>
/// <para>Only the record being read is held, never the document.</para>
/// </remarks>
internal sealed class XmlRecordBuilder(string element)
{
    private readonly List<string> _names = [];
    private readonly List<string> _values = [];
    private readonly StringBuilder _joined = new();

    // Records with the same fields in the same order (the usual case) share one layout.
    private GenericRecord.Layout? _layout;

    private int _recordDepth = -1;
    private string _file = "";
    private long _line;
    private string? _child;
    private string? _text;
    private bool _joining;

    /// <summary>Takes the next event.</summary>
    /// <param name="item">The event.</param>
    /// <param name="record">The record that <paramref name="item"/> completed, if it ended one.</param>
    /// <returns>Whether <paramref name="item"/> ended a record.</returns>
    public bool Add(in XmlEvent item, out GenericRecord? record)
    {
        record = null;
        switch (item.Kind)
        {
            case XmlEventKind.StartElement when _recordDepth < 0:
                if (string.Equals(item.Name, element, StringComparison.Ordinal))
                {
                    Begin(item);
                }

                break;
            case XmlEventKind.StartElement when item.Depth == _recordDepth + 1:
                _child = item.Name;
                _text = null;
                _joining = false;
                break;
            case XmlEventKind.Text when _child is not null:
                Append(item.Text!);
                break;
            case XmlEventKind.EndElement when _recordDepth >= 0 && item.Depth == _recordDepth + 1:
                Field(_child!, _joining ? _joined.ToString() : _text ?? "");
                _child = null;
                break;
            case XmlEventKind.EndElement when item.Depth == _recordDepth:
                record = Build();
                return true;
        }

        return false;
    }

    private void Begin(in XmlEvent start)
    {
        _recordDepth = start.Depth;
        _file = start.File;
        _line = start.LineNumber;
        _names.Clear();
        _values.Clear();
        foreach (KeyValuePair<string, string> attribute in start.Attributes)
        {
            Field(attribute.Key, attribute.Value);
        }
    }

    private void Append(string text)
    {
        // One text node per child is the rule; joining is for CDATA next to text, or nested elements.
        if (_text is null)
        {
            _text = text;
            return;
        }

        if (!_joining)
        {
            _joined.Clear().Append(_text);
            _joining = true;
        }

        _joined.Append(text);
    }

    private void Field(string name, string value)
    {
        foreach (string seen in _names)
        {
            if (string.Equals(seen, name, StringComparison.Ordinal))
            {
                return;
            }
        }

        _names.Add(name);
        _values.Add(value);
    }

    private GenericRecord Build()
    {
        _recordDepth = -1;
        if (_layout is null || !SameNames(_layout.Names))
        {
            _layout = new GenericRecord.Layout([.. _names]);
        }

        return new GenericRecord(_layout, [.. _values], _file, _line);
    }

    private bool SameNames(string[] names)
    {
        if (names.Length != _names.Count)
        {
            return false;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (!string.Equals(names[i], _names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
