using System.Diagnostics.CodeAnalysis;

namespace WifiBilling.Billing.Payments.Daraja.Callbacks;

/// <summary>Either a parsed payload or a sentence saying why it could not be read; parsers never throw on bad input.</summary>
public sealed record DarajaParseResult<T>
    where T : class
{
    internal DarajaParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;
}
