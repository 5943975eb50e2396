namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>A <c>$name</c> reference.</summary>
public sealed record RscVariable(string Name) : RscValue;
