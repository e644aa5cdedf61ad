namespace LogLinq.Query.Aggregates;

/// <summary>
/// The answer of a <see cref="BatchAggregate"/> member whose arithmetic overflowed on the data: the
/// query fails alone, and the batch's other queries are answered.
/// </summary>
/// <param name="Error">The overflow, as the member's code threw it.</param>
internal sealed record BatchMemberFailure(OverflowException Error);
