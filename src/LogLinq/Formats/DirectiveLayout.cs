using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// A server's log format compiled once into what its lines are: literal text to open them, then
/// fields each followed by the literal text that ends it. Built from the pieces a reader of Apache's
/// or nginx's format language found (<see cref="ApacheDirectives"/>, <see cref="NginxDirectives"/>).
/// </summary>
internal sealed class DirectiveLayout
{
    private DirectiveLayout(byte[] leading, DirectiveStep[] steps)
    {
        Leading = leading;
        Steps = steps;
    }

    /// <summary>The text every line opens with, before its first field.</summary>
    public byte[] Leading { get; }

    /// <summary>The fields, in the order of the line.</summary>
    public DirectiveStep[] Steps { get; }

    /// <summary>
    /// The layout of <paramref name="pieces"/>. Two directives that fill one field are read both, and
    /// the first kept (<c>%h</c> and <c>%a</c>; <c>%r</c> and <c>%U</c>); a path's query and a virtual
    /// host's port are kept with it where the format writes them straight after it.
    /// </summary>
    /// <exception cref="FormatDirectiveException">Two directives with nothing between them, a format without a time, or none at all.</exception>
    public static DirectiveLayout Create(IReadOnlyList<DirectivePiece> pieces)
    {
        List<DirectivePiece> joined = Join(pieces);
        if (!joined.Exists(piece => !piece.IsLiteral))
        {
            throw new FormatDirectiveException("the format has no directive: every line would be the same text", 0);
        }

        for (int i = 1; i < joined.Count; i++)
        {
            if (!joined[i].IsLiteral && !joined[i - 1].IsLiteral)
            {
                throw new FormatDirectiveException(
                    $"{joined[i].Text} follows {joined[i - 1].Text} with nothing between them: where one ends and the other starts cannot be told",
                    joined[i].Position);
            }
        }

        List<DirectivePiece> kept = FirstOfEachField(joined);
        if (!kept.Exists(piece => IsTime(piece.Field)))
        {
            throw new FormatDirectiveException("the format has no time of the request, which every record has", 0);
        }

        int first = joined[0].IsLiteral ? 1 : 0;
        byte[] leading = first == 1 ? Encoding.UTF8.GetBytes(joined[0].Text) : [];
        var steps = new List<DirectiveStep>();
        for (int i = first; i < kept.Count; i += 2)
        {
            string after = i + 1 < kept.Count ? kept[i + 1].Text : "";

            // A line's trailing blanks are taken off before it is matched: the format's too.
            if (i + 2 >= kept.Count)
            {
                after = after.TrimEnd(' ', '\t');
            }

            string before = i == 0 ? "" : kept[i - 1].Text;
            bool quoted = before.EndsWith('"') && after.StartsWith('"');
            steps.Add(new DirectiveStep(kept[i].Field, kept[i].Text, Encoding.UTF8.GetBytes(after), quoted, kept[i].Time, kept[i].Width, kept[i].Bracketed));
        }

        return new DirectiveLayout(leading, [.. steps]);
    }

    /// <summary>
    /// Literal text run together, and a path's query (<c>%U%q</c>, <c>$uri$is_args$args</c>,
    /// <c>$uri?$args</c>) or a virtual host's port (<c>%v:%p</c>, as Apache's <c>vhost_combined</c>
    /// writes it, which the Common format's reader keeps as the virtual host too) made one field with it.
    /// </summary>
    private static List<DirectivePiece> Join(IReadOnlyList<DirectivePiece> pieces)
    {
        var joined = new List<DirectivePiece>();
        for (int i = 0; i < pieces.Count; i++)
        {
            DirectivePiece piece = pieces[i];
            if (piece.IsLiteral && piece.Text.Length == 0)
            {
                continue;
            }

            DirectivePiece last = joined.Count > 0 ? joined[^1] : default;
            if (joined.Count > 0 && piece.IsLiteral && last.IsLiteral)
            {
                joined[^1] = last with { Text = last.Text + piece.Text };
            }
            else if (joined.Count > 0 && !piece.IsLiteral && piece.Field == DirectiveField.Query && last is { IsLiteral: false, Field: DirectiveField.Path })
            {
                joined[^1] = last with { Text = last.Text + piece.Text };
            }
            else if (i + 1 < pieces.Count && joined.Count > 0 && piece.IsLiteral && !last.IsLiteral
                && ((piece.Text == "?" && last.Field == DirectiveField.Path && pieces[i + 1] is { IsLiteral: false, Field: DirectiveField.Query })
                    || (piece.Text == ":" && last.Field == DirectiveField.VirtualHost && pieces[i + 1] is { IsLiteral: false, Field: DirectiveField.Port })))
            {
                joined[^1] = last with { Text = last.Text + piece.Text + pieces[i + 1].Text };
                i++;
            }
            else
            {
                joined.Add(piece);
            }
        }

        return joined;
    }

    /// <summary>The pieces with every directive but the first of each field ignored.</summary>
    private static List<DirectivePiece> FirstOfEachField(List<DirectivePiece> pieces)
    {
        var seen = new HashSet<DirectiveField>();
        bool request = pieces.Exists(piece => !piece.IsLiteral && piece.Field == DirectiveField.Request);
        bool body = pieces.Exists(piece => !piece.IsLiteral && piece.Field == DirectiveField.Bytes);
        var kept = new List<DirectivePiece>(pieces.Count);
        foreach (DirectivePiece piece in pieces)
        {
            // The request line gives the method, path and protocol; the bytes of the body are the bytes where written.
            bool ignored = piece.IsLiteral
                || piece.Field is DirectiveField.Query or DirectiveField.Port
                || (request && piece.Field is DirectiveField.Method or DirectiveField.Path or DirectiveField.Protocol)
                || (body && piece.Field == DirectiveField.BytesWithHeaders)
                || !seen.Add(Slot(piece.Field));
            kept.Add(ignored && !piece.IsLiteral ? piece with { Field = DirectiveField.Ignored } : piece);
        }

        return kept;
    }

    /// <summary>The record's field a directive fills: the times are one, the durations another.</summary>
    private static DirectiveField Slot(DirectiveField field) => field switch
    {
        _ when IsTime(field) => DirectiveField.BracketedTime,
        DirectiveField.DurationMilliseconds or DirectiveField.DurationMicroseconds => DirectiveField.DurationSeconds,
        DirectiveField.BytesWithHeaders => DirectiveField.Bytes,
        DirectiveField.Ignored => (DirectiveField)(-1),
        _ => field,
    };

    private static bool IsTime(DirectiveField field) => field is DirectiveField.BracketedTime or DirectiveField.NcsaTime or DirectiveField.IsoTime
        or DirectiveField.StrftimeTime or DirectiveField.EpochSeconds or DirectiveField.EpochMilliseconds or DirectiveField.EpochMicroseconds;
}
