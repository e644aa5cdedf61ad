using LogLinq.Language;

namespace LogLinq.Tests.Language;

/// <summary>
/// <c>as nginx('...' '...')</c>: strings side by side in a server's format are joined with nothing
/// between them, as nginx joins the quoted pieces of its <c>log_format</c>, wherever the query breaks
/// its lines; the format compiled is the one written whole, and reads the lines nginx wrote with it.
/// </summary>
public sealed class DirectivePiecesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_pieces_are_one_format_that_reads_the_lines()
    {
        string path = _dir.WriteLines(
            "access.log",
            "203.0.113.7 - - [26/Nov/2026:12:00:01 +0000] \"GET /index.html HTTP/1.1\" 200 612 \"-\" \"curl/8.0\" \"-\"",
            "198.51.100.20 - bob [26/Nov/2026:12:00:02 +0000] \"POST /login HTTP/2.0\" 302 0 \"https://example.com/\" \"Mozilla/5.0 (X11)\" \"10.1.1.1\"");

        CompiledQuery query = QueryCompiler.Compile(
            $"from \"{path}\"\n"
            + "  as nginx('$remote_addr - $remote_user [$time_local] \"$request\" '\n"
            + "           '$status $body_bytes_sent \"$http_referer\" '\n"
            + "           \"\\\"$http_user_agent\\\" \\\"$http_x_forwarded_for\\\"\")\n"
            + "| select host, user, status, bytes, path, agent");

        query.Format!.Name.Should().Be(
            "nginx(\"$remote_addr - $remote_user [$time_local] \\\"$request\\\" $status $body_bytes_sent \\\"$http_referer\\\" \\\"$http_user_agent\\\" \\\"$http_x_forwarded_for\\\"\")");
        query.Execute().Rows.Should().BeEquivalentTo(
            [
                new object?[] { "203.0.113.7", "-", 200, 612L, "/index.html", "curl/8.0" },
                new object?[] { "198.51.100.20", "bob", 302, 0L, "/login", "Mozilla/5.0 (X11)" },
            ],
            options => options.WithStrictOrdering());
    }
}
