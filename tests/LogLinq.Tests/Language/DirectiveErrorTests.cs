using LogLinq.Language;

namespace LogLinq.Tests.Language;

/// <summary>
/// A server's format that cannot be read, in <c>as apache("...")</c> or <c>as nginx('...')</c>: the
/// caret goes under the directive where it was written in the query, whatever escapes come before it
/// in the string, in whichever of the strings side by side it is, and on the line it is on; so does a
/// mistake in nginx's <c>log_format</c> directive pasted whole.
/// </summary>
public class DirectiveErrorTests
{
    private static QueryException Error(string query) =>
        FluentActions.Invoking(() => QueryCompiler.Compile(query)).Should().Throw<QueryException>().Which;

    [Theory]
    [InlineData("from \"x\" as apache(\"%h \\\"%r\\\" %t %Z\")")]
    [InlineData("from \"x\" as apache('%h \\u0020\\\\ %t %Z')")]
    [InlineData("from \"x\" as apache(\"\\d%h %t %Z\")")]
    public void The_caret_is_under_the_directive_after_any_escape(string query)
    {
        QueryException error = Error(query);

        // Where %Z is in the query's text, counted without the code under test.
        int column = query.IndexOf("%Z", StringComparison.Ordinal) + 1;
        error.Describe().Should().Be(
            $"1:{column}: apache(...): unknown directive %Z: Apache's are %a %A %b %B %C %D %e %f %h %H %i %k %l %L %m %n %o %p %P %q %r %R %s %t %T %u %U %v %V %X %I %O %S\n"
            + $"  {query}\n"
            + $"  {new string(' ', column - 1)}^");
    }

    [Fact]
    public void A_mistake_about_the_whole_format_points_at_its_string()
    {
        QueryException error = Error("from \"x\"\n  as nginx('$remote_addr \"$request\"')\n| count");

        error.Describe().Should().Be(
            "2:13: nginx(...): the format has no time of the request, which every record has\n"
            + "    as nginx('$remote_addr \"$request\"')\n"
            + "              ^");
    }

    [Fact]
    public void A_mistake_in_a_later_string_of_the_format_is_pointed_at_in_that_string()
    {
        // The first string's escape (\u0020, one character of six) must not move the caret in the third.
        QueryException error = Error("from \"x\"\n  as nginx('$remote_addr \\u0020' \"- \\\"$request\\\" \"\n    '$ [$time_local]')\n| count");

        error.Describe().Should().Be(
            "3:6: nginx(...): a $ without a variable's name after it\n"
            + "      '$ [$time_local]')\n"
            + "       ^");
    }

    [Theory]
    [InlineData("from \"x\" as nginx(\"log_format main '$remote_addr [$time_local]\")", "'$remote_addr", "the ' that opens this piece of the format is not closed")]
    [InlineData("from \"x\" as nginx(\"log_format main\" ' escape=xml \\'[$time_local]\\'')", "escape=", "escape=xml is not nginx's: it has escape=default, escape=json and escape=none")]
    [InlineData("from \"x\" as nginx(\"log_format main '[$time_local]'; \\u0020 x\")", "x\")", "the ; ends the log_format, but 'x' follows it")]
    public void A_mistake_in_a_pasted_log_format_is_pointed_at_where_it_was_written(string query, string at, string reason)
    {
        QueryException error = Error(query);

        // Where the mistake is in the query's text, counted without the code under test.
        int column = query.IndexOf(at, StringComparison.Ordinal) + 1;
        error.Describe().Should().Be(
            $"1:{column}: nginx(...): {reason}\n"
            + $"  {query}\n"
            + $"  {new string(' ', column - 1)}^");
    }
}
