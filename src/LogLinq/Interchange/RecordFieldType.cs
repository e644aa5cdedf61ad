namespace LogLinq.Interchange;

/// <summary>How a field's value is written in a record stream; the byte a schema gives each field.</summary>
internal enum RecordFieldType : byte
{
    /// <summary>UTF-8 text or null: a varint of the byte length plus one (0 for null), then the bytes.</summary>
    Text = 1,

    /// <summary>A 32-bit integer, zigzag varint.</summary>
    Int32 = 2,

    /// <summary>A 64-bit integer, zigzag varint.</summary>
    Int64 = 3,

    /// <summary>A time: the clock time's ticks as 8 bytes little-endian, then its offset from UTC in minutes, zigzag varint.</summary>
    Time = 4,
}
