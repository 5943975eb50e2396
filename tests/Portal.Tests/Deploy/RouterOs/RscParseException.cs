namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

public sealed class RscParseException(int line, int column, string message)
    : Exception($"line {line}, column {column}: {message}")
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
