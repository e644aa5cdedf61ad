namespace LogLinq.Query.Execution;

/// <summary>How a text field is matched against a constant (all ordinal).</summary>
internal enum TextMatch
{
    Equals,
    NotEquals,
    StartsWith,
    EndsWith,
    Contains,
}
