using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Domain.Payments;

/// <summary>
/// M-Pesa payments and the vouchers they mint. Every transition is one atomic conditional write; a returned write
/// that backs an acknowledgement (callback applied, voucher minted) is durable.
/// </summary>
public interface IPaymentStore
{
    /// <summary>Stores a new Pending payment. Call it BEFORE the STK push, so no callback can outrun it.</summary>
    Task<Payment> CreateAsync(Payment payment, CancellationToken cancellationToken);

    /// <summary>Stores Daraja's CheckoutRequestID/MerchantRequestID (unique) and when to first query it.</summary>
    Task<Payment?> AttachCheckoutAsync(
        string paymentId,
        string checkoutRequestId,
        string? merchantRequestId,
        DateTimeOffset? firstQueryAt,
        CancellationToken cancellationToken);

    /// <summary>The STK push itself was refused: Pending → Failed.</summary>
    Task<Payment?> MarkPushFailedAsync(string paymentId, string? resultCode, string? resultDesc, CancellationToken cancellationToken);

    Task<Payment?> FindAsync(string paymentId, CancellationToken cancellationToken);

    Task<Payment?> FindByCheckoutRequestIdAsync(string checkoutRequestId, CancellationToken cancellationToken);

    Task<Payment?> FindByReceiptAsync(string mpesaReceipt, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the raw callback body to the payment's audit trail and applies the outcome, durably, in one step.
    /// Unknown CheckoutRequestID: nothing is stored. Duplicates report <see cref="OutcomeDisposition.AlreadyApplied"/>.
    /// </summary>
    Task<OutcomeResult> RecordCallbackAsync(
        string checkoutRequestId,
        PaymentOutcome outcome,
        string rawPayload,
        CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="RecordCallbackAsync"/> and, when the payment is then paid, <see cref="MintVoucherAsync"/> in one durable
    /// step (SQLite: one commit instead of two on the callback's hot path). A failed mint does not undo the recorded
    /// callback: it is reported in <see cref="RecordedCallback.MintFailure"/> and the next reader mints.
    /// </summary>
    Task<RecordedCallback> RecordCallbackAndMintAsync(
        string checkoutRequestId,
        PaymentOutcome outcome,
        string rawPayload,
        CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a callback that must NOT be applied (e.g. its paid amount differs from the payment's) in the payment's
    /// audit trail, durably; the payment itself does not change. Null when no payment has that CheckoutRequestID
    /// (then nothing is stored).
    /// </summary>
    Task<Payment?> RecordRejectedCallbackAsync(string checkoutRequestId, string rawPayload, CancellationToken cancellationToken);

    /// <summary>Applies an outcome learnt by STK Query (the reconciler); the raw response is kept when given.</summary>
    Task<OutcomeResult> ApplyQueryOutcomeAsync(
        string paymentId,
        PaymentOutcome outcome,
        string? rawPayload,
        CancellationToken cancellationToken);

    /// <summary>The raw callback/query payloads kept for audit, oldest first.</summary>
    Task<IReadOnlyList<string>> ListRawPayloadsAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>
    /// Mints the voucher of a paid payment, exactly once: however many callers race, one voucher exists and every
    /// caller gets that voucher. Throws <see cref="BillingConflictException"/> when the payment is not paid; null
    /// when it does not exist.
    /// </summary>
    Task<Voucher?> MintVoucherAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> payments due for an STK Query for <paramref name="owner"/> until now +
    /// <paramref name="lease"/>; no two live claims ever cover the same payment.
    /// </summary>
    Task<IReadOnlyList<Payment>> ClaimDueForQueryAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// The query was inconclusive: count the attempt, release the lease, query again at <paramref name="nextQueryAt"/>
    /// (null: stop querying, e.g. a timed-out payment whose late queries are used up). Only the lease holder can.
    /// </summary>
    Task<Payment?> RescheduleQueryAsync(string paymentId, string owner, DateTimeOffset? nextQueryAt, CancellationToken cancellationToken);

    /// <summary>Pending → TimedOut; <paramref name="nextQueryAt"/> optionally plans one more late query.</summary>
    Task<Payment?> MarkTimedOutAsync(string paymentId, string? resultDesc, DateTimeOffset? nextQueryAt, CancellationToken cancellationToken);

    Task<long> CountAsync(PaymentCountQuery query, CancellationToken cancellationToken);

    Task<Page<Payment>> ListAsync(PaymentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Paid amounts and counts with paid time in [<paramref name="from"/>, <paramref name="to"/>), grouped; STK and
    /// C2B payments both count (money received).
    /// </summary>
    Task<IReadOnlyList<RevenueLine>> GetRevenueAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        RevenueGrouping grouping,
        CancellationToken cancellationToken);

    /// <summary>Records a C2B confirmation by TransID; a duplicate returns the stored one with Created = false.</summary>
    Task<C2BRecordResult> RecordC2BAsync(C2BPayment payment, CancellationToken cancellationToken);

    Task<C2BPayment?> FindC2BAsync(string transId, CancellationToken cancellationToken);

    /// <summary>
    /// Recovery: mints the voucher for a C2B payment exactly once with <paramref name="plan"/> (the caller picks the
    /// plan the amount buys). Null when the TransID is unknown.
    /// </summary>
    Task<Voucher?> MintVoucherForC2BAsync(string transId, Plans.PlanSnapshot plan, CancellationToken cancellationToken);
}
