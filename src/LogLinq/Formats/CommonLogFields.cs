namespace LogLinq.Formats;

/// <summary>
/// The fields of one Common or Combined log line, found by <see cref="CommonLogParser"/>: text fields
/// as ranges into the line, numbers and the time already parsed (they are cheap and decide whether a
/// line is well formed).
/// </summary>
internal struct CommonLogFields
{
    public FieldRange Host;
    public FieldRange Ident;
    public FieldRange User;
    public FieldRange Request;
    public FieldRange Method;
    public FieldRange Path;
    public FieldRange Protocol;
    public FieldRange Referrer;
    public FieldRange UserAgent;
    public DateTimeOffset Time;
    public int Status;
    public long Bytes;
}
