using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage;

// Usage: WifiBilling.Billing.CrashWriter <database path> [writers]
// Each writer loops: create payment → attach CheckoutRequestID → callback Paid → mint voucher, and prints
// "<payment id> <voucher code>" only AFTER the mint returned (i.e. after it is durable). The crash test kills this
// process at random moments and checks that every printed pair survived.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: WifiBilling.Billing.CrashWriter <database path> [writers]");
    return 2;
}

var writers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = args[0] })
    .Build();
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IConfiguration>(configuration)
    .AddBillingStorage(configuration)
    .BuildServiceProvider();

await services.GetRequiredService<IBillingStoreSchema>().EnsureCreatedAsync(CancellationToken.None);
var plans = services.GetRequiredService<IPlanStore>();
await plans.SeedIfEmptyAsync(new PlanSeedOptions().ToDefinitions(), CancellationToken.None);
var plan = (await plans.ListActiveAsync(null, CancellationToken.None))[0];
var payments = services.GetRequiredService<IPaymentStore>();
var time = services.GetRequiredService<TimeProvider>();
var macs = Enumerable.Range(0, 256).Select(i => MacAddress.Parse($"02:00:00:00:{i / 256:X2}:{i % 256:X2}")).ToArray();

await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
{
    for (var i = 0; ; i++)
    {
        var initiation = new PaymentInitiation(plan, PhoneNumber.Parse("0712345678"), "rtr_crash", macs[(writer * 31 + i) % macs.Length], "10.5.50.2");
        var payment = await payments.CreateAsync(Payment.Initiate(initiation, time.GetUtcNow()), CancellationToken.None);
        var checkout = "ws_CO_" + payment.Id;
        await payments.AttachCheckoutAsync(payment.Id, checkout, null, null, CancellationToken.None);
        var receipt = "R" + payment.Id[4..];
        await payments.RecordCallbackAsync(checkout, PaymentOutcome.Paid("0", "ok", receipt, plan.PriceKes), "{}", CancellationToken.None);
        var voucher = await payments.MintVoucherAsync(payment.Id, CancellationToken.None);
        Console.Out.WriteLine($"{payment.Id} {voucher!.Code.Value}");
    }
})));
return 0;
