namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>
/// A bare word or a double-quoted string, escapes already decoded. Variables interpolated inside a quoted string
/// ("...$name...") are listed so scope checks see them. Equal when value, quoting and variables are equal.
/// </summary>
public sealed record RscText(string Value, bool Quoted, IReadOnlyList<string> InterpolatedVariables) : RscValue
{
    public static RscText Word(string value) => new(value, false, []);

    public bool Equals(RscText? other) =>
        other is not null && Value == other.Value && Quoted == other.Quoted
        && InterpolatedVariables.SequenceEqual(other.InterpolatedVariables);

    public override int GetHashCode() => HashCode.Combine(Value, Quoted, InterpolatedVariables.Count);
}
