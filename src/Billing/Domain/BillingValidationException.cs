namespace WifiBilling.Billing.Domain;

/// <summary>
/// Bad input to a domain operation. <see cref="Field"/> is the name the HTTP layer reports in RFC 7807 problem
/// details (camelCase, as in the request body), <see cref="Reason"/> says what is wrong in words an operator reads.
/// </summary>
public sealed class BillingValidationException : Exception
{
    public BillingValidationException(string field, string reason)
        : base($"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    public string Field { get; }

    public string Reason { get; }
}
