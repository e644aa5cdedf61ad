using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// Reads the format of nginx's <c>log_format</c> into <see cref="DirectivePiece"/>s:
/// <c>$remote_addr - $remote_user [$time_local] "$request" ...</c>, a variable written <c>$name</c> or
/// <c>${name}</c>. Every variable is read; those a record has no field for are read past. The
/// escapes nginx's configuration reads in a quoted string (<c>\"</c>, <c>\'</c>, <c>\\</c>, <c>\n</c>,
/// <c>\t</c>, <c>\r</c>) are read too, so a format can be copied from it as it stands.
/// </summary>
internal static class NginxDirectives
{
    /// <summary>The pieces of <paramref name="format"/>.</summary>
    /// <exception cref="FormatDirectiveException">A <c>$</c> without a variable's name after it.</exception>
    public static List<DirectivePiece> Read(string format)
    {
        var pieces = new List<DirectivePiece>();
        var literal = new StringBuilder();
        int literalStart = 0;
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i];
            if (c == '\\' && i + 1 < format.Length && format[i + 1] is '"' or '\'' or '\\' or 'n' or 't' or 'r')
            {
                literal.Append(format[i + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', char other => other });
                i += 2;
                continue;
            }

            if (c != '$')
            {
                literal.Append(c);
                i++;
                continue;
            }

            pieces.Add(DirectivePiece.Literal(literal.ToString(), literalStart));
            literal.Clear();
            int start = i;
            bool braced = i + 1 < format.Length && format[i + 1] == '{';
            int nameStart = braced ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < format.Length && (char.IsAsciiLetterOrDigit(format[nameEnd]) || format[nameEnd] == '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || (braced && (nameEnd == format.Length || format[nameEnd] != '}')))
            {
                throw new FormatDirectiveException(
                    braced ? $"{format[start..nameEnd]} is not a variable: write ${{name}}" : "a $ without a variable's name after it",
                    start);
            }

            i = braced ? nameEnd + 1 : nameEnd;
            string name = format[nameStart..nameEnd];
            pieces.Add(DirectivePiece.Directive(format[start..i], start, Field(name)));
            literalStart = i;
        }

        pieces.Add(DirectivePiece.Literal(literal.ToString(), literalStart));
        return pieces;
    }

    // nginx's variable names are case-sensitive but for the headers' ($http_...), which it lowers.
    private static DirectiveField Field(string name) => name switch
    {
        "remote_addr" or "binary_remote_addr" or "realip_remote_addr" or "proxy_protocol_addr" => DirectiveField.Host,
        "remote_user" => DirectiveField.User,
        "time_local" => DirectiveField.NcsaTime,
        "time_iso8601" => DirectiveField.IsoTime,
        "msec" => DirectiveField.EpochSeconds,
        "request" => DirectiveField.Request,
        "request_method" => DirectiveField.Method,
        "request_uri" or "uri" or "document_uri" => DirectiveField.Path,
        "is_args" or "args" or "query_string" => DirectiveField.Query,
        "server_protocol" => DirectiveField.Protocol,
        "status" => DirectiveField.Status,
        "body_bytes_sent" => DirectiveField.Bytes,
        "bytes_sent" => DirectiveField.BytesWithHeaders,
        "http_referer" => DirectiveField.Referrer,
        "http_user_agent" => DirectiveField.UserAgent,
        "request_time" => DirectiveField.DurationSeconds,
        "host" or "server_name" or "http_host" => DirectiveField.VirtualHost,
        "server_port" => DirectiveField.Port,
        _ => DirectiveField.Ignored,
    };
}
