using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Portal.Tests.Api;

/// <summary>Puts records into the running Portal's real store, the way the other parts of the product would.</summary>
public sealed class PortalTestData(IServiceProvider services)
{
    public const string SeedPlanId = "pln_seed_1"; // "1 Hour", KES 20, seeded on first start

    public IPlanStore Plans => services.GetRequiredService<IPlanStore>();

    public IRouterStore Routers => services.GetRequiredService<IRouterStore>();

    public IPaymentStore Payments => services.GetRequiredService<IPaymentStore>();

    public IVoucherStore Vouchers => services.GetRequiredService<IVoucherStore>();

    public ISessionStore Sessions => services.GetRequiredService<ISessionStore>();

    public const string RouterSecret = "router-secret-for-tests";

    public Task<Router> AddRouterAsync(string name, string nasIdentifier, string? address = null, bool enabled = true, int coaPort = RouterDefinition.DefaultCoaPort) =>
        Routers.CreateAsync(new RouterDefinition(name, nasIdentifier, address, coaPort, Enabled: enabled), RouterSecret, CancellationToken.None);

    public Task<Plan> AddPlanAsync(string name, long price, int minutes, params string[] routerIds) =>
        Plans.CreateAsync(new PlanDefinition(name, price, TimeSpan.FromMinutes(minutes), AllowedRouterIds: routerIds), CancellationToken.None);

    /// <summary>
    /// A payment settled as the product settles it: Paid through a callback at <paramref name="paidAt"/>, and its voucher
    /// minted (exactly once: the payment services may mint it too, and get the same voucher).
    /// </summary>
    public async Task<Payment> AddPaidPaymentAsync(string planId, DateTimeOffset paidAt, string? routerId = null, string phone = "0712345678")
    {
        var plan = await Plans.FindAsync(planId, CancellationToken.None) ?? throw new InvalidOperationException("no plan " + planId);
        var payment = Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse(phone), routerId, null, null), paidAt.AddMinutes(-1));
        await Payments.CreateAsync(payment, CancellationToken.None);
        var checkout = "ws_CO_" + Guid.NewGuid().ToString("N");
        await Payments.AttachCheckoutAsync(payment.Id, checkout, null, null, CancellationToken.None);
        var receipt = "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        var result = await Payments.RecordCallbackAsync(
            checkout, PaymentOutcome.Paid("0", "The service request is processed successfully.", receipt, plan.PriceKes, paidAt), "{}", CancellationToken.None);
        _ = result.Payment ?? throw new InvalidOperationException("the callback did not apply");
        await Payments.MintVoucherAsync(payment.Id, CancellationToken.None);
        return (await Payments.FindAsync(payment.Id, CancellationToken.None))!;
    }

    /// <summary>A payment the customer cancelled (it must not count as revenue).</summary>
    public async Task<Payment> AddCancelledPaymentAsync(string planId, DateTimeOffset at)
    {
        var plan = await Plans.FindAsync(planId, CancellationToken.None) ?? throw new InvalidOperationException("no plan " + planId);
        var payment = Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse("0722000111"), null, null, null), at);
        await Payments.CreateAsync(payment, CancellationToken.None);
        var checkout = "ws_CO_" + Guid.NewGuid().ToString("N");
        await Payments.AttachCheckoutAsync(payment.Id, checkout, null, null, CancellationToken.None);
        await Payments.RecordCallbackAsync(checkout, PaymentOutcome.Unpaid(PaymentStatus.Cancelled, "1032", "Request cancelled by user"), "{}", CancellationToken.None);
        return payment;
    }

    public async Task<Voucher> AddVoucherAsync(string planId, VoucherSource source = VoucherSource.Admin, string? batchId = null)
    {
        var plan = await Plans.FindAsync(planId, CancellationToken.None) ?? throw new InvalidOperationException("no plan " + planId);
        return await Vouchers.CreateAsync(new VoucherIssue(plan.Snapshot(), source, batchId), CancellationToken.None);
    }

    /// <summary>Activates a voucher as its first RADIUS login would.</summary>
    public async Task ActivateAsync(Voucher voucher, string mac, string routerId)
    {
        var admission = await Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, MacAddress.Parse(mac), routerId), CancellationToken.None);
        if (!admission.Admitted)
        {
            throw new InvalidOperationException("login refused: " + admission.Refusal);
        }
    }

    /// <summary>An Accounting-Start for a voucher: an open session.</summary>
    public Task<AccountingResult> StartSessionAsync(string routerId, string acctSessionId, Voucher voucher, string mac, string nasIp = "127.0.0.1") =>
        Sessions.RecordAccountingAsync(
            new AccountingRecord(routerId, acctSessionId, AccountingEvent.Start, voucher.Code.Value, voucher.Code.Value, MacAddress.Parse(mac),
                System.Net.IPAddress.Parse("10.5.50.20"), System.Net.IPAddress.Parse(nasIp)),
            CancellationToken.None);

    public Task<AccountingResult> StopSessionAsync(string routerId, string acctSessionId, Voucher voucher, string mac, long seconds, string cause = "User-Request") =>
        Sessions.RecordAccountingAsync(
            new AccountingRecord(routerId, acctSessionId, AccountingEvent.Stop, voucher.Code.Value, voucher.Code.Value, MacAddress.Parse(mac),
                SessionSeconds: seconds, InputBytes: 1_000, OutputBytes: 2_000_000, TerminateCause: cause),
            CancellationToken.None);
}
