namespace LogLinq.Push;

/// <summary>
/// A sink that is done with each item when <see cref="ISink{T}.Push"/> returns: it copies what it
/// keeps (a record writer encodes the record's bytes). A log query pushed into it may then hand it
/// one record object rebound to each line in turn, instead of a copy of every line.
/// </summary>
internal interface ITransientItemSink
{
}
