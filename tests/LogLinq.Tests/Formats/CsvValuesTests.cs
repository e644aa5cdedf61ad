using System.Text;
using LogLinq.Formats;

namespace LogLinq.Tests.Formats;

// CsvValues finds delimiters 64 bytes at a time: values that cross a window, lines shorter and
// longer than one, and quoted values that move the position past a window.
public sealed class CsvValuesTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("a,,c,", new[] { "a", "", "c", "" })]
    [InlineData(",", new[] { "", "" })]
    [InlineData("only", new[] { "only" })]
    [InlineData("\"x,\"\"y\"\"\",z", new[] { "x,\"\"y\"\"*", "z" })]
    [InlineData("\"24/Feb/2008:00:08:59 +0000\",140.180.132.213,GET,/ply/ply.html,200,97238", new[] { "24/Feb/2008:00:08:59 +0000", "140.180.132.213", "GET", "/ply/ply.html", "200", "97238" })]
    public void Splits_a_row(string row, string[] expected) => Values(row, (byte)',').Should().Equal(expected);

    [Fact]
    public void Splits_values_that_cross_a_window_of_64_bytes()
    {
        // 60 bytes, then a value from 61 to 70, then one that ends the line at 130.
        string first = new('a', 60);
        string second = "bbbbbbbbbb";
        string third = new('c', 59);
        Values($"{first},{second},{third}", (byte)',').Should().Equal(first, second, third);
    }

    [Fact]
    public void Splits_a_line_of_exactly_64_bytes_and_one_ending_in_the_delimiter_at_byte_65()
    {
        string sixtyFour = new string('x', 30) + "," + new string('y', 33);
        Values(sixtyFour, (byte)',').Should().Equal(new string('x', 30), new string('y', 33));
        Values(new string('z', 64) + ",", (byte)',').Should().Equal(new string('z', 64), "");
    }

    [Fact]
    public void Goes_on_after_a_quoted_value_that_ends_past_the_first_window()
    {
        string quoted = new('q', 70);
        Values($"a,\"{quoted}\",b,c", (byte)',').Should().Equal("a", quoted, "b", "c");
        Values($"\"{quoted}\",{new string('d', 70)},e", (byte)',').Should().Equal(quoted, new string('d', 70), "e");
    }

    [Fact]
    public void Splits_on_tabs_only_when_the_delimiter_is_a_tab()
    {
        Values("a,b\tc d\te", (byte)'\t').Should().Equal("a,b", "c d", "e");
        Values(new string('w', 63) + "\t" + new string('v', 63) + "\t", (byte)'\t').Should().Equal(new string('w', 63), new string('v', 63), "");
    }

    [Fact]
    public void Tells_an_unclosed_quote_and_text_after_a_closing_one()
    {
        var unclosed = new CsvValues("a,\"bc"u8, (byte)',');
        unclosed.Next(out _, out _).Should().BeTrue();
        unclosed.Next(out _, out _).Should().BeTrue();
        unclosed.Fault.Should().Be("a quoted value is not closed (a value that holds a line break is not read)");

        var after = new CsvValues("\"a\"b,c"u8, (byte)',');
        after.Next(out _, out _).Should().BeTrue();
        after.Fault.Should().Be("text after the closing quote of a value: 'b'");
    }

    // Each value's text; an escaped one (holding "") is marked with a '*' after it.
    private static List<string> Values(string row, byte delimiter)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(row);
        var values = new CsvValues(bytes, delimiter);
        var found = new List<string>();
        while (values.Next(out FieldRange range, out bool escaped))
        {
            found.Add(Encoding.UTF8.GetString(range.Of(bytes)) + (escaped ? "*" : ""));
        }

        return found;
    }
}
