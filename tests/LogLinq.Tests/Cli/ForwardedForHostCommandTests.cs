namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over Apache's Combined format with <c>%{X-Forwarded-For}i</c> in place of
/// <c>%h</c>, as behind a load balancer: the header's list (<c>203.0.113.9, 10.0.0.1</c>, spaces and
/// all) is the <c>host</c>, kept as written, never cut at its first space into the ident. The chain's
/// first address is the one the client claims, which anyone can write: what it means is the reader's
/// to decide (<c>host startswith "203.0.113.9"</c>). Answers worked out by hand from the lines.
/// </summary>
public sealed class ForwardedForHostCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_forwarded_for_list_is_the_host_as_written()
    {
        string log = _dir.WriteLines(
            "access.log",
            "203.0.113.9, 10.0.0.1 - - [10/Mar/2024:14:02:11 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"curl/8.5.0\"",
            "198.51.100.2 - - [10/Mar/2024:14:02:12 +0000] \"GET /b HTTP/1.1\" 200 20 \"-\" \"curl/8.5.0\"",
            "203.0.113.9, 198.51.100.20, 10.0.0.1 - - [10/Mar/2024:14:02:13 +0000] \"GET /c HTTP/1.1\" 404 30 \"-\" \"curl/8.5.0\"");

        LoglinqProcess.Result all = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, ident, user, path, status, bytes", "--format", "csv"]);
        LoglinqProcess.Result client = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | where host startswith \"203.0.113.9\" | summarize count() as n, sum(bytes) as sent", "--format", "tsv"]);

        all.ExitCode.Should().Be(0, all.ToString());
        all.Stdout.Should().Be(
            "host,ident,user,path,status,bytes\r\n"
            + "\"203.0.113.9, 10.0.0.1\",-,-,/a,200,10\r\n"
            + "198.51.100.2,-,-,/b,200,20\r\n"
            + "\"203.0.113.9, 198.51.100.20, 10.0.0.1\",-,-,/c,404,30\r\n",
            all.ToString());
        all.Stderr.Should().BeEmpty();
        client.Stdout.Should().Be("n\tsent\n2\t40\n", client.ToString());
    }
}
