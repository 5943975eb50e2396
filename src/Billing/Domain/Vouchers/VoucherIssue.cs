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

    /// <summary>The most vouchers one batch may mint.</summary>
    public const int MaxBatchCount = 10_000;

    internal static void ValidateCount(int count)
    {
        if (count is < 1 or > MaxBatchCount)
        {
            throw new BillingValidationException("count", $"must be from 1 to {MaxBatchCount}");
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
