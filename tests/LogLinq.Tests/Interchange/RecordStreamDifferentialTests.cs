using LogLinq.Interchange;
using LogLinq.Push;
using LogLinq.Query;
using LogLinq.Tests.Differential;
using Xunit.Abstractions;

namespace LogLinq.Tests.Interchange;

/// <summary>
/// The differential tests' generated queries, run on the provider over record streams in files (the
/// logs written out with <see cref="RecordStreamWriter"/>), must give what LINQ to Objects gives over
/// the records the sequential pipeline parses from the text: decoded records are tested and
/// aggregated where they lie in the decoder's buffer, as parsed lines are in the reader's.
/// </summary>
[Collection(DifferentialCollection.Name)]
public sealed class RecordStreamDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("access-log", 300)]
    [InlineData("generated", 60)]
    [InlineData("two-files", 60)]
    public void Generated_queries_over_record_streams_give_what_linq_to_objects_gives(string log, int limit)
    {
        LogUnderTest subject = fixture[log];
        string stream = _temp.File($"{log}.lqr");
        using (var writer = new RecordStreamWriter(File.Create(stream)))
        {
            LogSource.Open(subject.Files).PushTo(writer);
        }

        List<string> failures = DifferentialRunner.Run(subject, [stream], ProviderDifferentialTests.Split, DifferentialFixture.QueryOverride ?? limit);
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        failures.Should().BeEmpty($"the provider over {subject.Name} as a record stream must answer as LINQ to Objects does");
    }

    public void Dispose() => _temp.Dispose();
}
