using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Repl;

/// <summary>
/// A compile error that comes from the pipe language's habits or a slip in the session's names ends
/// with what to write instead; C#'s own message comes first, unchanged.
/// </summary>
public sealed class CompileHintTests
{
    private const string NoMember = "does not contain a definition for '{0}' and no accessible extension method '{0}' accepting a first argument of type 'LogRecord' could be found (are you missing a using directive or an assembly reference?)";

    [Fact]
    public async Task A_record_property_written_as_the_pipe_language_writes_its_field_names_the_property()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("logs.Count(r => r.status == 404)\nlogs.Count(r => r.useragent != null)\n", "data/access-log");

        result.StderrLines.Should().Equal(
            $"1:19: error CS1061: 'LogRecord' {string.Format(NoMember, "status")}; did you mean 'Status'?",
            $"1:19: error CS1061: 'LogRecord' {string.Format(NoMember, "useragent")}; did you mean 'UserAgent'?");
    }

    [Fact]
    public async Task The_session_s_records_named_as_a_method_or_without_their_s_say_logs()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("Logs.Count()\nlog.Count()\n", "data/access-log");

        result.StderrLines.Should().Equal(
            "1:1: error CS0119: 'ReplGlobals.Logs(params string[])' is a method, which is not valid in the given context; the session's records are 'logs'; Logs(\"glob\") reads other files",
            "1:1: error CS0103: The name 'log' does not exist in the current context; did you mean 'logs'?");
    }

    [Fact]
    public async Task A_name_that_is_nothing_like_the_session_s_gets_no_hint()
    {
        LoglinqProcess.Result result = await ReplProcess.ReplAsync("logs.Count(r => r.Size > 0)\nnope + 1\n", "data/access-log");

        result.StderrLines.Should().Equal(
            $"1:19: error CS1061: 'LogRecord' {string.Format(NoMember, "Size")}",
            "1:1: error CS0103: The name 'nope' does not exist in the current context");
    }
}
