namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>A <c>[command]</c> whose result is used as a value.</summary>
public sealed record RscSubstitution(RscCommand Command) : RscValue;
