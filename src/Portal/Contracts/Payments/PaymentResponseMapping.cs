using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Status;

namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>Maps payments, plans and vouchers to their HTTP shapes.</summary>
public static class PaymentResponseMapping
{
    public static PaymentResponse ToResponse(this PaymentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var payment = view.Payment;
        return new PaymentResponse(
            payment.Id, payment.Status, view.Message.ToResponse(), payment.Plan.ToResponse(), payment.AmountKes, view.Voucher?.ToResponse());
    }

    public static PaymentMessageResponse ToResponse(this CustomerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new PaymentMessageResponse(message.En, message.Sw);
    }

    public static PaymentPlanResponse ToResponse(this PlanSnapshot plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PaymentPlanResponse(plan.PlanId, plan.Name, plan.PriceKes, (long)plan.Duration.TotalMinutes);
    }

    public static PaymentVoucherResponse ToResponse(this Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return new PaymentVoucherResponse(voucher.Code.Value, (long)voucher.TotalTime.TotalMinutes, voucher.ExpiresAt);
    }

    public static AdminPaymentResponse ToAdminResponse(this Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new AdminPaymentResponse(
            payment.Id,
            payment.Status,
            payment.Phone.Masked,
            payment.AmountKes,
            payment.PaidAmountKes,
            payment.Plan.ToResponse(),
            payment.RouterId,
            payment.Mac?.Value,
            payment.ClientIp,
            payment.CheckoutRequestId,
            payment.MpesaReceipt,
            payment.ResultCode,
            payment.ResultDesc,
            payment.VoucherCode,
            payment.QueryAttempts,
            payment.CreatedAt,
            payment.UpdatedAt,
            payment.PaidAt);
    }
}
