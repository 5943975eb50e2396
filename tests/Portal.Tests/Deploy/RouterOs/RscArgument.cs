namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>
/// One argument: <c>name=value</c> (Operator "=", or "!=", "&lt;", "&gt;", "~" inside find/where), or an unnamed
/// value (Name null) such as the item list of <c>set [find ...]</c> or the name in <c>:local name</c>.
/// </summary>
public sealed record RscArgument(string? Name, string? Operator, RscValue Value);
