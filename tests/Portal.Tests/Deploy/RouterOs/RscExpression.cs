namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>A parenthesised expression, kept as its items (operators are <see cref="RscText"/> words).</summary>
public sealed record RscExpression(IReadOnlyList<RscValue> Items) : RscValue;
