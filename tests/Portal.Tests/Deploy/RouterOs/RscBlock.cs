namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>A <c>{ ... }</c> block (also the whole script); a new scope for <c>:local</c> variables.</summary>
public sealed record RscBlock(IReadOnlyList<RscCommand> Commands) : RscValue;
