using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>What to mint: the plan terms and where the voucher comes from. The store picks the code.</summary>
public sealed record VoucherIssue(
    PlanSnapshot Plan,
    VoucherSource Source,
    string? BatchId = null,
    PhoneNumber? Phone = null,
    string? Note = null)
{
    public const int MaxNoteLength = 200;

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
