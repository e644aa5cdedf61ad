namespace LogLinq.Formats;

/// <summary>
/// One field of a compiled log format and the literal text that follows it: a line is matched a step
/// at a time, each field ending where its literal is found (<see cref="DirectiveLineParser"/>).
/// </summary>
internal sealed class DirectiveStep
{
    /// <param name="field">What the field is.</param>
    /// <param name="name">The directive (or directives: <c>%v:%p</c>) as written, for messages.</param>
    /// <param name="literal">The text after it; empty only for the last step.</param>
    /// <param name="quoted">Whether it is between quotes: it ends at a quote the server did not escape.</param>
    /// <param name="time">How a <see cref="DirectiveField.StrftimeTime"/> is written.</param>
    /// <param name="width">The length of every value, where it is fixed; 0 where it ends at its literal.</param>
    /// <param name="bracketed">Whether the value is in brackets of its own, and ends at its <c>]</c>.</param>
    public DirectiveStep(DirectiveField field, string name, byte[] literal, bool quoted, StrftimeLayout? time, int width, bool bracketed)
    {
        Bracketed = bracketed;
        Field = field;
        Name = name;
        Literal = literal;
        Quoted = quoted;
        Time = time;
        Width = width;
    }

    public DirectiveField Field { get; }

    public string Name { get; }

    public byte[] Literal { get; }

    public bool Quoted { get; }

    public StrftimeLayout? Time { get; }

    /// <summary>
    /// The field's length where every value has the same (a time with spaces in it, which would
    /// otherwise end at its first); 0 where it ends at its literal.
    /// </summary>
    public int Width { get; }

    /// <summary>Whether the value is in brackets of its own (Apache's <c>%t</c>) and ends at its <c>]</c>.</summary>
    public bool Bracketed { get; }
}
