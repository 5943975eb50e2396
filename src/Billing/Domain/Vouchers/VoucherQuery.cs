namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>Filters for the operator's voucher list; every filter is optional. Newest first.</summary>
public sealed record VoucherQuery(
    VoucherStatus? Status = null,
    string? PlanId = null,
    string? BatchId = null,
    string? CodePrefix = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int Offset = 0,
    int Limit = PageRequest.DefaultLimit)
{
    /// <summary>The code prefix normalised like a code (upper case, O→0, I/L→1); empty when not given.</summary>
    internal string NormalisedCodePrefix()
    {
        PageRequest.Validate(Offset, Limit);
        if (string.IsNullOrWhiteSpace(CodePrefix))
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder(CodePrefix.Length);
        foreach (var typed in CodePrefix)
        {
            if (typed is ' ' or '-')
            {
                continue;
            }

            var symbol = VoucherCode.NormaliseSymbol(typed);
            if (symbol == '\0' || builder.Length == VoucherCode.MaxLength)
            {
                throw new BillingValidationException("codePrefix", "must be the first letters and digits of a voucher code");
            }

            builder.Append(symbol);
        }

        return builder.ToString();
    }
}
