using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// Reads the format string of Apache's <c>LogFormat</c> and <c>CustomLog</c> (mod_log_config) into
/// <see cref="DirectivePiece"/>s: <c>%h %l %u %t \"%r\" %&gt;s %b</c>, with the conditions
/// (<c>%!200,304{Referer}i</c>) and the <c>&lt;</c>/<c>&gt;</c> of a redirected request's original
/// or final value taken and read past, and <c>\"</c>, <c>\n</c>, <c>\t</c>, <c>\\</c> as Apache reads them.
/// </summary>
internal static class ApacheDirectives
{
    /// <summary>The pieces of <paramref name="format"/>.</summary>
    /// <exception cref="FormatDirectiveException">A directive Apache does not have, or one that cannot be read back.</exception>
    public static List<DirectivePiece> Read(string format)
    {
        var pieces = new List<DirectivePiece>();
        var literal = new StringBuilder();
        int literalStart = 0;
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i];
            if (c == '\\' && i + 1 < format.Length)
            {
                literal.Append(format[i + 1] switch { 'n' => '\n', 't' => '\t', char other => other });
                i += 2;
                continue;
            }

            if (c != '%')
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                literal.Append('%');
                i += 2;
                continue;
            }

            pieces.Add(DirectivePiece.Literal(literal.ToString(), literalStart));
            literal.Clear();
            int start = i;
            i = Directive(format, start, out DirectivePiece directive);
            pieces.Add(directive);
            literalStart = i;
        }

        pieces.Add(DirectivePiece.Literal(literal.ToString(), literalStart));
        return pieces;
    }

    /// <summary>The directive at <paramref name="start"/> (its '%'); returns where the text after it starts.</summary>
    private static int Directive(string format, int start, out DirectivePiece directive)
    {
        int i = start + 1;
        string? argument = null;
        while (i < format.Length)
        {
            char c = format[i];
            if (c is '!' or '<' or '>' or ',' || char.IsAsciiDigit(c))
            {
                i++;
            }
            else if (c == '{')
            {
                int close = format.IndexOf('}', i);
                if (close < 0)
                {
                    throw new FormatDirectiveException($"the {{ of {format[start..]} is not closed", start);
                }

                argument = format[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                break;
            }
        }

        if (i == format.Length)
        {
            throw new FormatDirectiveException($"{format[start..]} ends the format without a directive's letter", start);
        }

        // mod_logio's trailers, %{name}^ti and %{name}^to, have a two-letter name after the caret.
        int end = format[i] == '^' && i + 2 < format.Length ? i + 3 : i + 1;
        string text = format[start..end];
        DirectiveField field = Field(format[i..end], argument, text, start, out StrftimeLayout? time);
        directive = DirectivePiece.Directive(text, start, field, time);
        return end;
    }

    private static DirectiveField Field(string letter, string? argument, string text, int position, out StrftimeLayout? time)
    {
        time = null;
        return letter switch
        {
            "h" or "a" => argument is null or "c" ? DirectiveField.Host : DirectiveField.Ignored,
            "l" => DirectiveField.Ident,
            "u" => DirectiveField.User,
            "t" => Time(argument, text, position, out time),
            "r" => DirectiveField.Request,
            "m" => DirectiveField.Method,
            "U" => DirectiveField.Path,
            "q" => DirectiveField.Query,
            "H" => DirectiveField.Protocol,
            "s" => DirectiveField.Status,
            "b" or "B" => DirectiveField.Bytes,
            "O" => DirectiveField.BytesWithHeaders,
            "D" => DirectiveField.DurationMicroseconds,
            "T" => Duration(argument, text, position),
            "v" or "V" => DirectiveField.VirtualHost,
            "p" => argument is null or "canonical" or "local" ? DirectiveField.Port : DirectiveField.Ignored,
            "i" when argument is null => throw new FormatDirectiveException($"{text} names no header: write %{{Header}}i", position),
            "i" when argument.Equals("Referer", StringComparison.OrdinalIgnoreCase) => DirectiveField.Referrer,
            "i" when argument.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) => DirectiveField.UserAgent,
            "i" or "A" or "C" or "c" or "e" or "f" or "I" or "k" or "L" or "n" or "o" or "P" or "R" or "S" or "X" or "x" or "^ti" or "^to" => DirectiveField.Ignored,
            _ => throw new FormatDirectiveException($"unknown directive {text}: Apache's are %a %A %b %B %C %D %e %f %h %H %i %k %l %L %m %n %o %p %P %q %r %R %s %t %T %u %U %v %V %X %I %O %S", position),
        };
    }

    /// <summary>
    /// <c>%t</c>, or <c>%{format}t</c>: <c>sec</c>, <c>msec</c>, <c>usec</c> since 1970, a fraction
    /// (<c>msec_frac</c>, <c>usec_frac</c>, read past: it is part of a time written before it), or a
    /// <c>strftime</c> pattern (one without a date, read past likewise); <c>begin:</c> and <c>end:</c>
    /// before it are taken off.
    /// </summary>
    private static DirectiveField Time(string? argument, string text, int position, out StrftimeLayout? time)
    {
        time = null;
        if (argument is null)
        {
            return DirectiveField.BracketedTime;
        }

        string pattern = argument.StartsWith("begin:", StringComparison.Ordinal) ? argument[6..]
            : argument.StartsWith("end:", StringComparison.Ordinal) ? argument[4..]
            : argument;
        switch (pattern)
        {
            case "sec":
                return DirectiveField.EpochSeconds;
            case "msec":
                return DirectiveField.EpochMilliseconds;
            case "usec":
                return DirectiveField.EpochMicroseconds;
            case "msec_frac" or "usec_frac":
                return DirectiveField.Ignored;
        }

        time = StrftimeLayout.TryCreate(pattern, out string? error) ?? throw new FormatDirectiveException($"cannot read the time {text}: {error}", position);
        if (!time.HasDate)
        {
            // A piece of a time written in pieces, %{%z}t after %{%d/%b/%Y %T}t: read past, so the
            // time is the date's, read as UTC. Its width is known, so it is read past spaces and all.
            return DirectiveField.Ignored;
        }

        return DirectiveField.StrftimeTime;
    }

    /// <summary><c>%T</c> (whole seconds), or <c>%{ms}T</c>, <c>%{us}T</c>, <c>%{s}T</c>.</summary>
    private static DirectiveField Duration(string? unit, string text, int position) => unit switch
    {
        null or "s" => DirectiveField.DurationSeconds,
        "ms" => DirectiveField.DurationMilliseconds,
        "us" => DirectiveField.DurationMicroseconds,
        _ => throw new FormatDirectiveException($"unknown unit in {text}: %{{s}}T, %{{ms}}T or %{{us}}T", position),
    };
}
