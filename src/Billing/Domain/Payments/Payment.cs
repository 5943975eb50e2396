using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Domain.Payments;

/// <summary>
/// An M-Pesa STK payment for a plan. Stored (Pending) before the push is sent, so a callback can never arrive for a
/// payment we do not know. Its state machine: Pending → Paid | Failed | Cancelled | TimedOut; TimedOut → Paid
/// (late success) | Failed | Cancelled (a definite answer after we gave up); Paid is final.
/// </summary>
public sealed class Payment
{
    private Payment(string id, PlanSnapshot plan, PhoneNumber phone, DateTimeOffset createdAt)
    {
        Id = id;
        Plan = plan;
        Phone = phone;
        CreatedAt = createdAt;
    }

    /// <summary>Unguessable (128 random bits): whoever holds it can read the voucher code.</summary>
    public string Id { get; }

    public PlanSnapshot Plan { get; }

    public long AmountKes { get; private set; }

    public PhoneNumber Phone { get; }

    public string? RouterId { get; private set; }

    public MacAddress? Mac { get; private set; }

    public string? ClientIp { get; private set; }

    public string? CheckoutRequestId { get; private set; }

    public string? MerchantRequestId { get; private set; }

    public PaymentStatus Status { get; private set; }

    public string? ResultCode { get; private set; }

    public string? ResultDesc { get; private set; }

    public string? MpesaReceipt { get; private set; }

    public long? PaidAmountKes { get; private set; }

    public string? VoucherCode { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>When the reconciler should next ask Daraja (STK Query); null when no query is planned.</summary>
    public DateTimeOffset? NextQueryAt { get; private set; }

    public int QueryAttempts { get; private set; }

    /// <summary>The reconciler instance that holds this payment, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    internal long Version { get; private set; }

    public bool IsFinal => Status is PaymentStatus.Paid or PaymentStatus.Failed or PaymentStatus.Cancelled;

    /// <summary>What logs and error messages may show: the id is a bearer credential for the voucher.</summary>
    public string MaskedId => Id.Length > 8 ? string.Concat(Id.AsSpan(0, 8), "***") : "***";

    public static Payment Initiate(PaymentInitiation initiation, DateTimeOffset now)
    {
        if (!initiation.Plan.Active)
        {
            throw new BillingValidationException("planId", "is not on sale");
        }

        if (!initiation.Plan.IsAvailableOn(initiation.RouterId))
        {
            throw new BillingValidationException("planId", "is not sold on this hotspot");
        }

        if (initiation.ClientIp is { Length: > 45 })
        {
            throw new BillingValidationException("clientIp", "must be an IP address");
        }

        return new Payment(BillingIds.NewPaymentId(), initiation.Plan.Snapshot(), initiation.Phone, now)
        {
            AmountKes = initiation.Plan.PriceKes,
            RouterId = initiation.RouterId,
            Mac = initiation.Mac,
            ClientIp = initiation.ClientIp,
            Status = PaymentStatus.Pending,
            UpdatedAt = now,
            Version = 1,
        };
    }

    /// <summary>
    /// Records Daraja's answer to the push. <paramref name="firstQueryAt"/> is when the reconciler should ask about
    /// it if no callback has come by then. Repeating the same ids is a no-op.
    /// </summary>
    public bool AttachCheckout(string checkoutRequestId, string? merchantRequestId, DateTimeOffset? firstQueryAt, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(checkoutRequestId) || checkoutRequestId.Length > 100)
        {
            throw new BillingValidationException("checkoutRequestId", "must be 1 to 100 characters");
        }

        if (CheckoutRequestId == checkoutRequestId)
        {
            return false;
        }

        if (CheckoutRequestId is not null)
        {
            throw new BillingConflictException($"Payment {MaskedId} already has a different CheckoutRequestID.");
        }

        CheckoutRequestId = checkoutRequestId;
        MerchantRequestId = merchantRequestId;
        NextQueryAt = Status == PaymentStatus.Pending ? firstQueryAt : null;
        Touch(now);
        return true;
    }

    /// <summary>Daraja refused the STK push itself (no prompt reached the phone): the payment fails at once.</summary>
    public bool MarkPushFailed(string? resultCode, string? resultDesc, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending)
        {
            return false;
        }

        Status = PaymentStatus.Failed;
        ResultCode = resultCode;
        ResultDesc = resultDesc;
        NextQueryAt = null;
        ReleaseLease();
        Touch(now);
        return true;
    }

    /// <summary>Applies a Daraja outcome if the state machine allows it (see the class summary).</summary>
    public OutcomeDisposition Apply(PaymentOutcome outcome, DateTimeOffset now)
    {
        if (outcome.Status == PaymentStatus.Pending)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "Pending is not an outcome.");
        }

        if (Status == outcome.Status)
        {
            // A paid-by-query payment learns its receipt from a later callback: additive, status unchanged.
            if (Status == PaymentStatus.Paid && MpesaReceipt is null && outcome.MpesaReceipt is not null)
            {
                MpesaReceipt = outcome.MpesaReceipt;
                Touch(now);
            }

            return OutcomeDisposition.AlreadyApplied;
        }

        var allowed = Status switch
        {
            PaymentStatus.Pending => true,
            PaymentStatus.TimedOut => outcome.Status != PaymentStatus.TimedOut,
            _ => false,
        };
        if (!allowed)
        {
            return OutcomeDisposition.Ignored;
        }

        Status = outcome.Status;
        ResultCode = outcome.ResultCode;
        ResultDesc = outcome.ResultDesc;
        if (outcome.Status == PaymentStatus.Paid)
        {
            MpesaReceipt = outcome.MpesaReceipt;
            PaidAmountKes = outcome.PaidAmountKes ?? AmountKes;
            PaidAt = outcome.PaidAt ?? now;
        }

        NextQueryAt = null;
        ReleaseLease();
        Touch(now);
        return OutcomeDisposition.Applied;
    }

    /// <summary>
    /// The reconciler takes this payment until <paramref name="leaseUntil"/> if it is due for a query and no other
    /// instance holds a live lease on it.
    /// </summary>
    public bool TryClaimForQuery(string owner, DateTimeOffset leaseUntil, DateTimeOffset now)
    {
        if (!IsDueForQuery(now))
        {
            return false;
        }

        LeaseOwner = owner;
        LeaseUntil = leaseUntil;
        Touch(now);
        return true;
    }

    public bool IsDueForQuery(DateTimeOffset now) =>
        Status is PaymentStatus.Pending or PaymentStatus.TimedOut
        && NextQueryAt is { } due && due <= now
        && (LeaseUntil is null || LeaseUntil <= now);

    /// <summary>
    /// The query gave no final answer: ask again at <paramref name="nextQueryAt"/> (the caller's backoff), or never
    /// again when it is null (a timed-out payment whose late queries are used up).
    /// </summary>
    public bool RescheduleQuery(string owner, DateTimeOffset? nextQueryAt, DateTimeOffset now)
    {
        if (LeaseOwner != owner || IsFinal)
        {
            return false;
        }

        QueryAttempts++;
        NextQueryAt = nextQueryAt;
        ReleaseLease();
        Touch(now);
        return true;
    }

    /// <summary>
    /// Gives up waiting: Pending → TimedOut. <paramref name="nextQueryAt"/> optionally plans one more late query.
    /// </summary>
    public bool MarkTimedOut(string? resultDesc, DateTimeOffset? nextQueryAt, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending)
        {
            return false;
        }

        Status = PaymentStatus.TimedOut;
        ResultDesc = resultDesc;
        NextQueryAt = nextQueryAt;
        ReleaseLease();
        Touch(now);
        return true;
    }

    /// <summary>Links the voucher minted for this paid payment. Exactly once: a second code is refused.</summary>
    public bool AttachVoucher(string voucherCode, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Paid)
        {
            throw new BillingConflictException(NotPaidMessage);
        }

        if (VoucherCode is not null)
        {
            return VoucherCode == voucherCode
                ? false
                : throw new BillingConflictException($"Payment {MaskedId} already has a voucher.");
        }

        VoucherCode = voucherCode;
        Touch(now);
        return true;
    }

    /// <summary>Why an unpaid payment cannot mint a voucher.</summary>
    public string NotPaidMessage => $"Payment {MaskedId} is {Status}; only a paid payment mints a voucher.";

    /// <summary>The voucher a paid payment mints: the plan as paid for, bound to the device that paid.</summary>
    public VoucherIssue VoucherIssue() => new(Plan, VoucherSource.Payment, Phone: Phone);

    internal static Payment Rehydrate(
        string id,
        PlanSnapshot plan,
        long amountKes,
        PhoneNumber phone,
        string? routerId,
        MacAddress? mac,
        string? clientIp,
        string? checkoutRequestId,
        string? merchantRequestId,
        PaymentStatus status,
        string? resultCode,
        string? resultDesc,
        string? mpesaReceipt,
        long? paidAmountKes,
        string? voucherCode,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        DateTimeOffset? paidAt,
        DateTimeOffset? nextQueryAt,
        int queryAttempts,
        string? leaseOwner,
        DateTimeOffset? leaseUntil,
        long version) =>
        new(id, plan, phone, createdAt)
        {
            AmountKes = amountKes,
            RouterId = routerId,
            Mac = mac,
            ClientIp = clientIp,
            CheckoutRequestId = checkoutRequestId,
            MerchantRequestId = merchantRequestId,
            Status = status,
            ResultCode = resultCode,
            ResultDesc = resultDesc,
            MpesaReceipt = mpesaReceipt,
            PaidAmountKes = paidAmountKes,
            VoucherCode = voucherCode,
            UpdatedAt = updatedAt,
            PaidAt = paidAt,
            NextQueryAt = nextQueryAt,
            QueryAttempts = queryAttempts,
            LeaseOwner = leaseOwner,
            LeaseUntil = leaseUntil,
            Version = version,
        };

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseUntil = null;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
