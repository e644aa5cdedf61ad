using LogLinq.Sources;

namespace LogLinq.Interchange;

/// <summary>
/// The fields a record stream's header names, matched to the slots of a record by name. A field of
/// a known type but an unknown name is read past, so a newer writer may add fields; a field whose
/// type is not what its slot needs, or a type this version does not know, makes the stream unreadable.
/// </summary>
internal sealed class RecordSchema
{
    private readonly (string Name, RecordFieldType Type, RecordSlot Slot)[] _fields;

    private RecordSchema((string, RecordFieldType, RecordSlot)[] fields)
    {
        _fields = fields;
        IsStandard = fields.Length >= RecordStreamFormat.RequiredCount && fields.Length <= RecordStreamFormat.Fields.Count
            && fields.Select((f, i) => f.Item1 == RecordStreamFormat.Fields[i].Name).All(same => same);
    }

    /// <summary>How many fields each record has.</summary>
    public int Count => _fields.Length;

    /// <summary>
    /// Whether the fields are those this version writes, in its order, or the first of them that every
    /// stream has: records can be read without looking the fields up.
    /// </summary>
    public bool IsStandard { get; }

    public string Name(int index) => _fields[index].Name;

    public RecordFieldType Type(int index) => _fields[index].Type;

    public RecordSlot Slot(int index) => _fields[index].Slot;

    /// <summary>Checks <paramref name="fields"/> and maps them to slots; problems are thrown as <paramref name="error"/> makes them.</summary>
    public static RecordSchema Create(IReadOnlyList<(string Name, RecordFieldType Type)> fields, Func<string, LogSourceException> error)
    {
        var mapped = new (string, RecordFieldType, RecordSlot)[fields.Count];
        var seen = new HashSet<RecordSlot>();
        for (int i = 0; i < fields.Count; i++)
        {
            (string name, RecordFieldType type) = fields[i];
            if (!Enum.IsDefined(type))
            {
                throw error($"the record stream's field '{name}' has a type ({(byte)type}) this loglinq does not know: upgrade loglinq");
            }

            RecordSlot slot = SlotOf(name, out RecordFieldType expected);
            if (slot != RecordSlot.Unknown)
            {
                if (type != expected)
                {
                    throw error($"the record stream's field '{name}' is {RecordStreamFormat.Describe(type)}, where loglinq reads {RecordStreamFormat.Describe(expected)}");
                }

                if (!seen.Add(slot))
                {
                    throw error($"the record stream names the field '{name}' twice");
                }
            }

            mapped[i] = (name, type, slot);
        }

        foreach ((string name, RecordFieldType _) in RecordStreamFormat.Fields.Take(RecordStreamFormat.RequiredCount))
        {
            if (!seen.Contains(SlotOf(name, out _)))
            {
                throw error($"the record stream has no field '{name}'");
            }
        }

        return new RecordSchema(mapped);
    }

    private static RecordSlot SlotOf(string name, out RecordFieldType type)
    {
        for (int i = 0; i < RecordStreamFormat.Fields.Count; i++)
        {
            if (RecordStreamFormat.Fields[i].Name == name)
            {
                type = RecordStreamFormat.Fields[i].Type;
                return (RecordSlot)(i + 1);
            }
        }

        type = default;
        return RecordSlot.Unknown;
    }
}
