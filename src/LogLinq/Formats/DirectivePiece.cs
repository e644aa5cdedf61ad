namespace LogLinq.Formats;

/// <summary>
/// One piece of a server's log format as its reader found it: text written as it stands, or a
/// directive and the field it fills. <see cref="DirectiveLayout"/> puts the pieces together.
/// </summary>
/// <param name="Text">The literal text, or the directive as written (<c>%{Referer}i</c>, <c>$status</c>), for messages.</param>
/// <param name="Position">Where it starts in the format, 0-based.</param>
/// <param name="IsLiteral">Whether it is literal text rather than a directive.</param>
/// <param name="Field">The field a directive fills.</param>
/// <param name="Time">For <see cref="DirectiveField.StrftimeTime"/>, how the time is written.</param>
internal readonly record struct DirectivePiece(string Text, int Position, bool IsLiteral, DirectiveField Field = DirectiveField.Ignored, StrftimeLayout? Time = null)
{
    /// <summary>Literal text.</summary>
    public static DirectivePiece Literal(string text, int position) => new(text, position, IsLiteral: true);

    /// <summary>A directive that fills <paramref name="field"/>.</summary>
    public static DirectivePiece Directive(string text, int position, DirectiveField field, StrftimeLayout? time = null) =>
        new(text, position, IsLiteral: false, field, time);
}
