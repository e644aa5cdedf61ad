using System.Globalization;
using Sprache;

namespace LogLinq.Language;

/// <summary>
/// The constants of the language: numbers, sizes, durations, timestamps, strings, booleans and null.
/// The same rules read a parameter's value given on the command line, once its type is known.
/// </summary>
internal static class LiteralGrammar
{
    /// <summary>The size units, by upper-case name: powers of 1024, as byte counts are usually meant.</summary>
    public static readonly IReadOnlyDictionary<string, long> SizeUnits = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
    {
        ["KB"] = 1L << 10,
        ["MB"] = 1L << 20,
        ["GB"] = 1L << 30,
        ["TB"] = 1L << 40,
    };

    /// <summary>The duration units.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> DurationUnits = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
    {
        ["ms"] = TimeSpan.FromMilliseconds(1),
        ["s"] = TimeSpan.FromSeconds(1),
        ["m"] = TimeSpan.FromMinutes(1),
        ["h"] = TimeSpan.FromHours(1),
        ["d"] = TimeSpan.FromDays(1),
    };

    private const string UnitNames = "a unit: KB, MB, GB, TB (of 1024), or ms, s, m, h, d";

    // literal    = timestamp | quantity | string | "true" | "false" | "null"
    public static readonly Parser<object?> Literal =
        ParserCombinators.Later(() => Timestamp.Select(t => (object?)t))
        .XOr(ParserCombinators.Later(() => Quantity).Select(q => (object?)q))
        .XOr(Lexemes.String.Select(s => (object?)s))
        .XOr(Lexemes.Keyword("true").Return((object?)true))
        .XOr(Lexemes.Keyword("false").Return((object?)false))
        .XOr(Lexemes.Keyword("null").Return((object?)null));

    // fraction   = [ "." digit { digit } ]          (declared before the rules that use it: static fields initialise in order)
    private static readonly Parser<string> Fraction =
        Parse.Char('.').Then(_ => Parse.Digit.AtLeastOnce().Text()).Select(d => "." + d).Optional().Select(o => o.GetOrElse(""));

    // timestamp  = date "T" time offset          e.g. 2008-02-24T00:08:59-06:00, 2008-02-24T06:08:59.5Z
    // The value is a boxed DateTimeOffset: Sprache's combinators over that struct, which is another
    // assembly's, are not precompiled (ReadyToRun cannot fix its layout), and the first literal a
    // query has would compile some twenty of them at start-up.
    public static readonly Parser<object> Timestamp =
        (from date in Digits(4).Then("-").Then(Digits(2)).Then("-").Then(Digits(2)).Then(Parse.Not(Parse.Digit).Return("")).Atomic()
         from t in Parse.Char('T').Named("'T' and the time of day, as in 2008-02-24T00:08:59-06:00")
         from time in Digits(2).Then(":").Then(Digits(2)).Then(":").Then(Digits(2)).Then(Fraction).Named("the time of day, hh:mm:ss")
         from offset in Parse.Char('Z').Once().Text()
             .Or(Parse.Chars("+-").Once().Text().Then(Digits(2)).Then(":").Then(Digits(2)))
             .Named("the offset from UTC, Z or ±hh:mm")
         select date + "T" + time + offset)
        .Then(text => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset value)
            ? Parse.Return((object)value)
            : ParserCombinators.Fail<object>($"'{text}' is not a valid time", "a valid date and time"))
        .Named("a timestamp").Lexeme();

    /// <summary>The unit after a number, or null; a word that is no unit is an error where it starts.</summary>
    private static readonly Parser<string?> Unit = input =>
    {
        IResult<string> word = Parse.Char(char.IsAsciiLetter, "a letter").AtLeastOnce().Text()(input);
        if (!word.WasSuccessful)
        {
            return Result.Success<string?>(null, input);
        }

        return SizeUnits.ContainsKey(word.Value) || DurationUnits.ContainsKey(word.Value)
            ? Result.Success<string?>(word.Value, word.Remainder)
            : Result.Failure<string?>(input, $"unknown unit '{word.Value}'", [UnitNames]);
    };

    // quantity   = digits [ "." digits ] [ unit ]      digits may be grouped with "_", as in 1_000_000
    // unit       = "KB" | "MB" | "GB" | "TB" | "ms" | "s" | "m" | "h" | "d"     (any case; 1KB = 1024)
    public static readonly Parser<object> Quantity =
        (from number in Parse.Digit.AtLeastOnce().Text()
             .Then(Parse.Char('_').Then(_ => Parse.Digit.AtLeastOnce().Text()).Many().Select(string.Concat))
             .Then(Fraction).Atomic()
         from unit in Unit
         select (number, unit))
        .Then(q => ToQuantity(q.number.Replace("_", "", StringComparison.Ordinal), q.unit))
        .Named("a number").Lexeme();

    // The rules are built of characters rather than regular expressions: a Regex costs start-up time
    // (its parser and interpreter are compiled on first use) that a short query run would notice.
    private static Parser<string> Digits(int count) => Parse.Digit.Repeat(count).Text();


    private static Parser<string> Then(this Parser<string> first, string text) => first.Then(Parse.String(text).Text());

    private static Parser<string> Then(this Parser<string> first, Parser<string> second) =>
        from a in first
        from b in second
        select a + b;

    private static Parser<object> ToQuantity(string number, string? unit)
    {
        bool integral = !number.Contains('.', StringComparison.Ordinal);
        if (unit is null)
        {
            if (integral)
            {
                return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out long integer)
                    ? Parse.Return((object)integer)
                    : ParserCombinators.Fail<object>($"{number} is too large", "an integer up to 9223372036854775807");
            }

            return Parse.Return((object)double.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        }

        decimal amount = decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        try
        {
            if (SizeUnits.TryGetValue(unit, out long bytes))
            {
                return Parse.Return((object)(long)Math.Round(amount * bytes));
            }

            return Parse.Return((object)TimeSpan.FromTicks((long)Math.Round(amount * DurationUnits[unit].Ticks)));
        }
        catch (OverflowException)
        {
            return ParserCombinators.Fail<object>($"{number}{unit} is too large", "a smaller quantity");
        }
    }
}
