using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Payments.Status;

/// <summary>A payment as its customer sees it: status, what to tell them, and the voucher once paid.</summary>
public sealed record PaymentView(Payment Payment, CustomerMessage Message, Voucher? Voucher);
