using LogLinq.Push;
using LogLinq.Records;

namespace LogLinq.Xml;

/// <summary>The push side's element-to-record stage: passes on a record each time an element of the chosen name ends.</summary>
internal sealed class XmlRecordSink(ISink<GenericRecord> next, string element) : Stage<XmlEvent, GenericRecord>(next)
{
    private readonly XmlRecordBuilder _builder = new(element);

    protected override bool OnPush(XmlEvent item) =>
        !_builder.Add(item, out GenericRecord? record) || Next.Push(record!);
}
