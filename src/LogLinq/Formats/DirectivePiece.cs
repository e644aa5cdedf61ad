namespace LogLinq.Formats;

/// <summary>
/// One piece of a server's log format as its reader found it: text written as it stands, or a
/// directive and the field it fills. <see cref="DirectiveLayout"/> puts the pieces together.
/// </summary>
/// <param name="Text">The literal text, or the directive as written (<c>%{Referer}i</c>, <c>$status</c>), for messages.</param>
/// <param name="Position">Where it starts in the format, 0-based.</param>
/// <param name="IsLiteral">Whether it is literal text rather than a directive.</param>
/// <param name="Field">The field a directive fills.</param>
/// <param name="Time">For a time <c>strftime</c> writes, how it is written.</param>
/// <param name="Width">
/// The length of every value where it is fixed (a time with spaces in it, which would otherwise end at
/// its first); 0 where the value ends at the literal after it. Kept when the field is ignored, as a
/// second time is: it is read past by its width too.
/// </param>
/// <param name="Bracketed">Whether the value is in brackets of its own (Apache's <c>%t</c>), and ends at its <c>]</c>; kept when ignored, as the width is.</param>
internal readonly record struct DirectivePiece(
    string Text, int Position, bool IsLiteral, DirectiveField Field = DirectiveField.Ignored, StrftimeLayout? Time = null, int Width = 0, bool Bracketed = false)
{
    // dd/MMM/yyyy:HH:mm:ss ±zzzz, as nginx's $time_local writes it.
    private const int NcsaTimeLength = 26;

    /// <summary>Literal text.</summary>
    public static DirectivePiece Literal(string text, int position) => new(text, position, IsLiteral: true);

    /// <summary>A directive that fills <paramref name="field"/>.</summary>
    public static DirectivePiece Directive(string text, int position, DirectiveField field, StrftimeLayout? time = null) =>
        new(text, position, IsLiteral: false, field, time, field == DirectiveField.NcsaTime ? NcsaTimeLength : time?.Length ?? 0, field == DirectiveField.BracketedTime);
}
