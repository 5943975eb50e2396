namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>A value in a RouterOS script: text, variable, expression, command substitution or block.</summary>
public abstract record RscValue;
