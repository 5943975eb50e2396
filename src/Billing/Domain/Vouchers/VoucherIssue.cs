using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>
/// What to mint: the plan terms and where the voucher comes from. The store picks the code. <see cref="Device"/>
/// pre-binds the customer's device (an operator selling for cash to the phone at the counter), so it can log in
/// by MAC at once, as a payment-minted voucher can; it takes one of the plan's device slots.
/// </summary>
public sealed record VoucherIssue(
    PlanSnapshot Plan,
    VoucherSource Source,
    string? BatchId = null,
    PhoneNumber? Phone = null,
    string? Note = null,
    MacAddress? Device = null)
{
    public const int MaxNoteLength = 200;

    /// <summary>The most vouchers one batch may mint.</summary>
    public const int MaxBatchCount = 10_000;

    internal void ValidateCount(int count)
    {
        if (count is < 1 or > MaxBatchCount)
        {
            throw new BillingValidationException("count", $"must be from 1 to {MaxBatchCount}");
        }

        if (Device is not null && count > 1)
        {
            // One device on many vouchers would make MAC login pick among them; a batch is for printing.
            throw new BillingValidationException("mac", "can be bound to one voucher at a time, not to a batch");
        }
    }

    internal void Validate()
    {
        if (Note is { Length: > MaxNoteLength })
        {
            throw new BillingValidationException("note", $"must be at most {MaxNoteLength} characters");
        }

        if (BatchId is not null && !Plans.PlanDefinition.IsWellFormedId(BatchId))
        {
            throw new BillingValidationException("batchId", "must be letters, digits, '_' or '-'");
        }
    }
}
