using System.Globalization;
using System.Text;

namespace LogLinq.Tests.Xml;

/// <summary>XML inputs the tests write themselves, independently of <c>loglinq gen --buses</c>.</summary>
internal static class XmlSamples
{
    /// <summary>
    /// What reading one buffer may cost: the reader's 64 KiB buffer, XmlReader's first read of it, and
    /// room for an opener that peeks at magic bytes.
    /// </summary>
    public const long OneBuffer = (64 * 1024) + (16 * 1024);

    /// <summary>
    /// Writes <paramref name="buses"/> buses, <c>&lt;bus&gt;&lt;id&gt;N&lt;/id&gt;&lt;route&gt;...</c>, one
    /// element per line: bus <c>i</c> (from 0) has id <c>i</c>, route <c>i % 7</c>, and is on line <c>i + 2</c>.
    /// </summary>
    public static string WriteBuses(TempDirectory temp, string name, int buses)
    {
        string path = temp.File(name);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("<buses>\n");
        for (int i = 0; i < buses; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"<bus><id>{i}</id><route>{i % 7}</route><direction>North Bound</direction><latitude>41.{i:D6}</latitude><longitude>-87.6</longitude></bus>\n"));
        }

        writer.Write("</buses>\n");
        return path;
    }
}
