using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class GenericRecordTests
{
    private static readonly GenericRecord Record = new(
        [
            new("host", "10.0.0.1"),
            new("status", 200),
            new("bytes", 512L),
            new("agent", "curl 8.4"),
            new("ratio", 0.5),
            new("missing", null),
        ],
        file: "app.log",
        lineNumber: 7);

    [Fact]
    public void Reads_like_a_dictionary()
    {
        Record.Count.Should().Be(6);
        Record.Keys.Should().Equal("host", "status", "bytes", "agent", "ratio", "missing");
        Record.Values.Should().Equal("10.0.0.1", 200, 512L, "curl 8.4", 0.5, null);
        Record["status"].Should().Be(200);
        Record.ContainsKey("bytes").Should().BeTrue();
        Record.ContainsKey("Bytes").Should().BeFalse("names are case-sensitive, as regex group names are");
        Record.TryGetValue("host", out object? host).Should().BeTrue();
        host.Should().Be("10.0.0.1");
        Record.TryGetValue("nope", out object? nope).Should().BeFalse();
        nope.Should().BeNull();
        Record.Should().Contain(new KeyValuePair<string, object?>("agent", "curl 8.4"));
        Record.File.Should().Be("app.log");
        Record.LineNumber.Should().Be(7);
    }

    [Fact]
    public void Get_returns_the_value_typed()
    {
        Record.Get<int>("status").Should().Be(200);
        Record.Get<long>("bytes").Should().Be(512L);
        Record.Get<string>("host").Should().Be("10.0.0.1");
        Record.Get<object>("status").Should().Be(200);
        Record.Get<int?>("status").Should().Be(200);
        Record.Get<int?>("missing").Should().BeNull();
        Record.Get<string?>("missing").Should().BeNull();
    }

    [Fact]
    public void Get_says_what_went_wrong()
    {
        Action wrongType = () => Record.Get<long>("status");
        Action wrongNullable = () => Record.Get<long?>("status");
        Action nullIntoValue = () => Record.Get<int>("missing");
        Action noSuchField = () => Record.Get<int>("code");
        Action indexer = () => _ = Record["code"];

        wrongType.Should().Throw<InvalidCastException>().WithMessage("field 'status' holds Int32, not Int64");
        wrongNullable.Should().Throw<InvalidCastException>().WithMessage("field 'status' holds Int32, not Int64?");
        nullIntoValue.Should().Throw<InvalidCastException>().WithMessage("field 'missing' has no value; read it as Int32? instead");
        noSuchField.Should().Throw<KeyNotFoundException>().WithMessage("no field 'code' (fields: host, status, bytes, agent, ratio, missing)");
        indexer.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void Prints_as_name_value_pairs()
    {
        Record.ToString().Should().Be("host=10.0.0.1 status=200 bytes=512 agent=\"curl 8.4\" ratio=0.5 missing=null");
        new GenericRecord([new("q", "say \"hi\""), new("e", "")]).ToString().Should().Be("q=\"say \\\"hi\\\"\" e=\"\"");
    }

    [Fact]
    public void Refuses_a_name_given_twice()
    {
        Action twice = () => _ = new GenericRecord([new("a", 1), new("a", 2)]);

        twice.Should().Throw<ArgumentException>().WithMessage("field 'a' is named twice*");
    }
}
