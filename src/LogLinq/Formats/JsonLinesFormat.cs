namespace LogLinq.Formats;

/// <summary>
/// JSON lines: one JSON object per line, as nginx writes with <c>log_format ... escape=json</c> and
/// log shippers emit. See <see cref="JsonFieldNames"/> for the keys understood.
/// </summary>
internal sealed class JsonLinesFormat : LogFormat
{
    public override string Name => "json";

    internal override LineParser CreateParser() => new UnwrappingLineParser(new JsonLineParser());
}
