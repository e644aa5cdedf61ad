using System.Xml;

namespace LogLinq.Benchmarks;

/// <summary>
/// The floor for reading XML: a bare <see cref="XmlReader"/> loop over every node, taking each text's
/// value, with the settings and buffer size LogLinq's XML source uses. <c>LogLinq.Benchmarks xml-read FILE</c>.
/// </summary>
internal static class XmlBaseline
{
    /// <summary>Reads <paramref name="path"/> to its end; the number of text nodes, so nothing is optimised away.</summary>
    public static long Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var reader = XmlReader.Create(new BufferedStream(file, 64 * 1024), new XmlReaderSettings
        {
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Ignore,
        });
        long texts = 0;
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && reader.Value.Length >= 0)
            {
                texts++;
            }
        }

        return texts;
    }
}
