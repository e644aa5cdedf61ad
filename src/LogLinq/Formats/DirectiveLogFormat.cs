namespace LogLinq.Formats;

/// <summary>
/// A server's own log format, given as the line of its configuration that defines it: Apache's
/// <c>LogFormat</c> (<see cref="LogFormat.Apache"/>) or nginx's <c>log_format</c> (<see cref="LogFormat.Nginx"/>).
/// Compiled once; each file gets a parser of its own.
/// </summary>
internal sealed class DirectiveLogFormat : LogFormat
{
    private readonly DirectiveLayout _layout;

    /// <param name="server">The server whose format language it is written in: <c>apache</c> or <c>nginx</c>.</param>
    /// <param name="format">The format as given.</param>
    /// <param name="layout">The format compiled.</param>
    public DirectiveLogFormat(string server, string format, DirectiveLayout layout)
    {
        _layout = layout;

        // As the query language writes it, so that an --explain shows a source that can be run, and
        // two formats are told apart wherever formats are compared by name.
        Name = $"{server}(\"{format.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)}\")";
    }

    public override string Name { get; }

    internal override LineParser CreateParser() => new UnwrappingLineParser(new DirectiveLineParser(_layout));
}
