using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace LogLinq.Tests.Xml;

/// <summary>
/// data/buses.xml as System.Xml.Linq reads it, whole, into an <see cref="XDocument"/>: a second,
/// independent reading of the sample for the tests to compare LogLinq's streaming reader with.
/// </summary>
internal static class BusesOracle
{
    /// <summary>The sample, relative to the repository root as the CLI tests write it.</summary>
    public const string RelativePath = "data/buses.xml";

    /// <summary>The sample's full path.</summary>
    public static string FullPath { get; } = Path.Combine(TestPaths.RepoRoot, "data", "buses.xml");

    /// <summary>Every &lt;bus&gt; element, in document order, with line information.</summary>
    public static IReadOnlyList<XElement> Buses { get; } =
        [.. XDocument.Load(FullPath, LoadOptions.SetLineInfo).Descendants("bus")];

    /// <summary>The text of a bus's child <paramref name="name"/>, or null where it has none.</summary>
    public static string? Field(XElement bus, string name) => bus.Element(name)?.Value;

    /// <summary>A child's text as a number, the invariant culture's way.</summary>
    public static double Number(XElement bus, string name) => double.Parse(bus.Element(name)!.Value, CultureInfo.InvariantCulture);

    /// <summary>The line of the bus's start tag.</summary>
    public static int Line(XElement bus) => ((IXmlLineInfo)bus).LineNumber;
}
