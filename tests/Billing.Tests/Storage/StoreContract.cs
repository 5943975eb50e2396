using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Tests.Domain;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>
/// Base of the contract suites: a fresh store of backend <typeparamref name="TBackend"/> per test, a fake clock,
/// and helpers. Every test reads <see cref="Stores"/> first, which skips the test when the backend cannot run.
/// </summary>
public abstract class StoreContract<TBackend> : IAsyncLifetime
    where TBackend : IStoreBackend, new()
{
    protected static readonly MacAddress PhoneMac = MacAddress.Parse("BC:24:11:EB:56:4D");
    protected static readonly MacAddress LaptopMac = MacAddress.Parse("30:39:26:86:CC:EA");

    private readonly TBackend _backend = new();
    private BillingStores? _stores;

    protected FakeTimeProvider Clock { get; } = new(TestPlans.Start);

    protected BillingStores Stores
    {
        get
        {
            Skip.If(_backend.SkipReason is not null, _backend.SkipReason);
            return _stores!;
        }
    }

    /// <summary>A code generator the test controls (e.g. to force collisions); null: the real one.</summary>
    protected virtual IVoucherCodeGenerator? Codes => null;

    public async Task InitializeAsync()
    {
        if (_backend.SkipReason is null)
        {
            _stores = await _backend.CreateAsync(Clock, Codes);
        }
    }

    public async Task DisposeAsync()
    {
        if (_stores is not null)
        {
            await _stores.DisposeAsync();
        }
    }

    protected async Task<Plan> CreatePlanAsync(
        PlanMode mode = PlanMode.Validity,
        int deviceLimit = 1,
        long? dataCapBytes = null,
        long priceKes = 20,
        TimeSpan? duration = null) =>
        await Stores.Plans.CreateAsync(
            new PlanDefinition($"{mode} plan", priceKes, duration ?? TimeSpan.FromHours(1), mode, "2M/5M", dataCapBytes, deviceLimit),
            CancellationToken.None);

    protected async Task<Voucher> CreateVoucherAsync(
        PlanMode mode = PlanMode.Validity,
        int deviceLimit = 1,
        long? dataCapBytes = null,
        string? batchId = null)
    {
        var plan = await CreatePlanAsync(mode, deviceLimit, dataCapBytes);
        return await Stores.Vouchers.CreateAsync(
            new VoucherIssue(plan.Snapshot(), batchId is null ? VoucherSource.Admin : VoucherSource.Batch, batchId),
            CancellationToken.None);
    }

    protected async Task<Payment> CreatePendingPaymentAsync(
        string phone = "0712345678",
        string checkoutRequestId = "ws_CO_191220191020363925",
        MacAddress? mac = null,
        string? routerId = "rtr_a",
        Plan? plan = null)
    {
        plan ??= await CreatePlanAsync();
        var payment = await Stores.Payments.CreateAsync(
            Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse(phone), routerId, mac ?? PhoneMac, "10.5.50.2"), Clock.GetUtcNow()),
            CancellationToken.None);
        return (await Stores.Payments.AttachCheckoutAsync(payment.Id, checkoutRequestId, "29115-34620561-1", Clock.GetUtcNow().AddSeconds(45), CancellationToken.None))!;
    }

    protected static PaymentOutcome Paid(string receipt, long amount = 20) =>
        PaymentOutcome.Paid("0", "The service request is processed successfully.", receipt, amount);
}
