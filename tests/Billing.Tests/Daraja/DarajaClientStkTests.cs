using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Daraja.Callbacks;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Billing.Tests.Daraja;

/// <summary>STK push and query of <see cref="DarajaClient"/> over real HTTP against the simulator.</summary>
public sealed class DarajaClientStkTests
{
    [Fact]
    public async Task Push_Accepted_ThenTheCallbackArrivesAndParses()
    {
        await using var rig = await DarajaTestRig.StartAsync();

        var accepted = await rig.Client.StkPushAsync(rig.Push("0708 374 149", 50, "Plan #1 @ Cafe & Co long"), CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(3));
        var received = (await rig.Receiver.WaitForAsync(1)).Single();

        accepted.CheckoutRequestId.Should().StartWith("ws_CO_10072024091526").And.EndWith("708374149");
        accepted.ResponseCode.Should().Be("0");
        accepted.CustomerMessage.Should().Be("Success. Request accepted for processing");
        received.Path.Should().Be("/api/payments/callback/9f2c4e1ab07d");
        var callback = StkCallbackParser.Parse(received.Body).Value!;
        callback.CheckoutRequestId.Should().Be(accepted.CheckoutRequestId);
        callback.MerchantRequestId.Should().Be(accepted.MerchantRequestId);
        callback.Result.Outcome.Should().Be(StkPaymentOutcome.Paid);
        callback.Amount.Should().Be(50);
        callback.MpesaReceiptNumber.Should().MatchRegex("^[A-Z0-9]{10}$");
        callback.PhoneNumber.Should().Be("254708374149");
        callback.TransactionDate.Should().Be(rig.Time.GetUtcNow());

        var seen = rig.Simulator.State.FindTransaction(accepted.CheckoutRequestId)!;
        seen.AccountReference.Should().Be("Plan 1 Cafe");
        seen.TransactionType.Should().Be("CustomerPayBillOnline");
        seen.PartyB.Should().Be("174379");
    }

    [Fact]
    public async Task Client_AgainstTheSimulatorMountedUnderAPrefix_Works()
    {
        await using var rig = await DarajaTestRig.StartAsync(null, "/daraja-sim");

        var accepted = await rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(3));

        rig.Simulator.BaseAddress.AbsolutePath.Should().Be("/daraja-sim/");
        (await rig.Client.QueryStkAsync(accepted.CheckoutRequestId, CancellationToken.None))
            .Should().BeOfType<StkQueryCompleted>().Which.IsPaid.Should().BeTrue();
        (await rig.Receiver.WaitForAsync(1)).Should().ContainSingle();
    }

    [Fact]
    public async Task Push_ThatTheCustomerCancels_DeliversA1032Callback()
    {
        await using var rig = await DarajaTestRig.StartAsync();

        await rig.Client.StkPushAsync(rig.Push(MagicPhoneNumbers.For(1032)), CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(3));

        var callback = StkCallbackParser.Parse((await rig.Receiver.WaitForAsync(1)).Single().Body).Value!;
        callback.Result.Outcome.Should().Be(StkPaymentOutcome.Cancelled);
        callback.Result.CustomerMessageSwahili.Should().Be("Umeghairi ombi la M-Pesa.");
        callback.Amount.Should().BeNull();
    }

    [Theory]
    [InlineData("Http500")]
    [InlineData("ResultCode4999")]
    public async Task Query_WhilePending_IsStillProcessingInBothStyles(string style)
    {
        await using var rig = await DarajaTestRig.StartAsync();
        await rig.ControlAsync(HttpMethod.Put, "defaults", new { pendingQuery = style });
        var accepted = await rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);

        var result = await rig.Client.QueryStkAsync(accepted.CheckoutRequestId, CancellationToken.None);

        result.Should().BeOfType<StkQueryStillProcessing>().Which.CheckoutRequestId.Should().Be(accepted.CheckoutRequestId);
    }

    [Fact]
    public async Task Query_AfterCompletion_GivesTheResult_EvenWhenTheCallbackWasLost()
    {
        await using var rig = await DarajaTestRig.StartAsync();
        var paid = await rig.Client.StkPushAsync(rig.Push(MagicPhoneNumbers.For(0, CallbackFault.Lost)), CancellationToken.None);
        var wrongPin = await rig.Client.StkPushAsync(rig.Push(MagicPhoneNumbers.For(2001)), CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(3));

        var paidResult = await rig.Client.QueryStkAsync(paid.CheckoutRequestId, CancellationToken.None);
        var wrongPinResult = await rig.Client.QueryStkAsync(wrongPin.CheckoutRequestId, CancellationToken.None);

        paidResult.Should().BeOfType<StkQueryCompleted>().Which.IsPaid.Should().BeTrue();
        var failed = wrongPinResult.Should().BeOfType<StkQueryCompleted>().Subject;
        failed.ResultCode.Value.Should().Be("2001");
        failed.Result.CustomerMessageEnglish.Should().Contain("PIN");
    }

    [Fact]
    public async Task Query_UnknownCheckoutRequestId_IsTransactionNotFound()
    {
        await using var rig = await DarajaTestRig.StartAsync();

        var result = await rig.Client.QueryStkAsync("ws_CO_10072024091526000708374149", CancellationToken.None);

        result.Should().BeOfType<StkQueryTransactionNotFound>();
    }

    [Fact]
    public async Task Query_IntermittentServerError_IsAnErrorNotAnOutcome()
    {
        await using var rig = await DarajaTestRig.StartAsync();
        var accepted = await rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);
        await rig.ControlAsync(HttpMethod.Put, "defaults", new { queryFailureRate = 1.0 });

        var act = () => rig.Client.QueryStkAsync(accepted.CheckoutRequestId, CancellationToken.None);

        (await act.Should().ThrowAsync<DarajaException>()).Which.Kind.Should().Be(DarajaErrorKind.ServerError);
        rig.Requests(SimulatedOperation.StkQuery).Should().Be(1, "POST calls are never retried by the pipeline");
    }

    [Theory]
    [InlineData("JsonError", 400, "400.002.02", "Bad Request - Invalid Amount", DarajaErrorKind.BadRequest, false)]
    [InlineData("JsonError", 500, "500.003.02", "Error Occurred: Spike Arrest Violation", DarajaErrorKind.RateLimited, false)]
    [InlineData("JsonError", 500, "500.003.1001", "Internal Server Error", DarajaErrorKind.ServerError, true)]
    [InlineData("SoapFault", 500, null, null, DarajaErrorKind.ServerError, true)]
    [InlineData("Html", 503, null, null, DarajaErrorKind.ServerError, true)]
    [InlineData("Empty", 502, null, null, DarajaErrorKind.ServerError, true)]
    [InlineData("InvalidJson", 200, null, null, DarajaErrorKind.InvalidResponse, true)]
    public async Task Push_EveryErrorBodyShape_IsATypedErrorAndThePushIsNeverRetried(
        string shape, int status, string? errorCode, string? message, DarajaErrorKind kind, bool outcomeUnknown)
    {
        await using var rig = await DarajaTestRig.StartAsync();
        await rig.InjectAsync("StkPush", shape, status, errorCode: errorCode, errorMessage: message);

        var act = () => rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<DarajaException>()).Which;
        error.Operation.Should().Be(DarajaOperation.StkPush);
        error.Kind.Should().Be(kind);
        error.HttpStatus.Should().Be(status);
        error.IsOutcomeUnknown.Should().Be(outcomeUnknown);
        if (kind == DarajaErrorKind.BadRequest)
        {
            error.Field.Should().Be("Amount");
        }

        rig.Requests(SimulatedOperation.StkPush).Should().Be(1);
    }

    [Fact]
    public async Task Push_ThatTimesOut_IsNotRetriedAndItsOutcomeIsUnknown()
    {
        await using var rig = await DarajaTestRig.StartAsync(null, ("Daraja:RequestTimeout", "00:00:01"));
        await rig.InjectAsync("StkPush", "SlowResponse", delayMilliseconds: 10_000);

        var act = () => rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<DarajaException>()).Which;
        error.Kind.Should().Be(DarajaErrorKind.Timeout);
        error.IsOutcomeUnknown.Should().BeTrue();
        rig.Requests(SimulatedOperation.StkPush).Should().Be(1);

        // The push did reach Daraja: STK Query is how the payment code settles it.
        var sent = rig.Simulator.State.Transactions.Should().ContainSingle().Subject;
        (await rig.Client.QueryStkAsync(sent.CheckoutRequestId, CancellationToken.None)).Should().BeOfType<StkQueryStillProcessing>();
    }

    [Fact]
    public async Task Push_ToAPhoneWithAPendingPush_IsSubscriberLocked()
    {
        await using var rig = await DarajaTestRig.StartAsync();
        await rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);

        var act = () => rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<DarajaException>()).Which;
        error.Kind.Should().Be(DarajaErrorKind.SubscriberLocked);
        error.IsOutcomeUnknown.Should().BeFalse();
    }

    [Fact]
    public async Task Push_WithTheWrongPassKey_IsWrongCredentials()
    {
        await using var rig = await DarajaTestRig.StartAsync(null, ("PASSKEY", "not-the-passkey"));

        var act = () => rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);

        (await act.Should().ThrowAsync<DarajaException>()).Which.Kind.Should().Be(DarajaErrorKind.WrongCredentials);
    }

    [Fact]
    public async Task Push_WithAnUnknownShortCode_IsMerchantDoesNotExist()
    {
        await using var rig = await DarajaTestRig.StartAsync(null, ("SHORTCODE", "600000"));

        var act = () => rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);

        (await act.Should().ThrowAsync<DarajaException>()).Which.Kind.Should().Be(DarajaErrorKind.MerchantDoesNotExist);
    }

    [Fact]
    public async Task Push_AsTill_SendsBuyGoodsWithTheTillAsPartyB()
    {
        await using var rig = await DarajaTestRig.StartAsync(
            o => o.Merchants = [new SimulatedMerchant { ShortCode = "174379", PassKey = DarajaSimulatorOptions.SandboxPassKey, TillNumbers = ["5678901"] }],
            ("Daraja:TransactionType", "Till"), ("Daraja:TillNumber", "5678901"));

        var accepted = await rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(3));

        var seen = rig.Simulator.State.FindTransaction(accepted.CheckoutRequestId)!;
        seen.TransactionType.Should().Be("CustomerBuyGoodsOnline");
        seen.PartyB.Should().Be("5678901");
        seen.ResultCode.Should().Be("0");
    }

    [Theory]
    [InlineData("0812345678", 10, "https://wifi.example.co.ke/cb", "PhoneNumber")]
    [InlineData("0712345678", 0, "https://wifi.example.co.ke/cb", "Amount")]
    [InlineData("0712345678", 250_001, "https://wifi.example.co.ke/cb", "Amount")]
    [InlineData("0712345678", 10, "https://wifi.example.co.ke/mpesa/cb", "mpesa")]
    [InlineData("0712345678", 10, "https://wifi.example.co.ke/api?query=1", "query")]
    public async Task Push_WithBadInput_FailsBeforeAnythingIsSent(string phone, long amount, string callbackUrl, string complaint)
    {
        await using var rig = await DarajaTestRig.StartAsync();

        var act = () => rig.Client.StkPushAsync(new StkPushRequest(phone, amount, "REF", "desc", new Uri(callbackUrl)), CancellationToken.None);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(complaint);
        rig.Requests(SimulatedOperation.StkPush).Should().Be(0);
    }

    [Fact]
    public async Task Push_WhenDarajaIsUnreachable_IsUnreachableAndNotSent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var rig = await DarajaTestRig.StartAsync(null, ("Daraja:BaseUrlOverride", $"http://127.0.0.1:{closedPort}/"),
            ("Daraja:TokenRetryCount", "0"));

        var act = () => rig.Client.StkPushAsync(rig.Push(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<DarajaException>()).Which;
        error.Kind.Should().Be(DarajaErrorKind.Unreachable);
        error.Operation.Should().Be(DarajaOperation.AccessToken);
        error.IsOutcomeUnknown.Should().BeFalse();
    }

    [Fact]
    public async Task RegisterC2BUrls_ReturnsTheRegistration()
    {
        await using var rig = await DarajaTestRig.StartAsync();

        var registration = await rig.Client.RegisterC2BUrlsAsync(
            rig.Receiver.Url("/api/payments/c2b/confirmation"), rig.Receiver.Url("/api/payments/c2b/validation"),
            C2BDefaultAction.Completed, CancellationToken.None);

        registration.ResponseCode.Should().Be("0");
        registration.OriginatorConversationId.Should().NotBeNullOrEmpty();
        var stored = rig.Simulator.State.FindRegistration("174379")!;
        stored.ResponseType.Should().Be("Completed");
        stored.ApiVersion.Should().Be(2);
    }

    [Fact]
    public async Task AddDarajaClient_ResolvesTheInterfaceToTheTypedClient()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(DarajaOptionsTests.Configured()).Build();
        await using var provider = new ServiceCollection().AddLogging().AddDarajaClient(configuration).BuildServiceProvider();

        provider.GetRequiredService<IDarajaClient>().Should().BeOfType<DarajaClient>();
        provider.GetRequiredService<DarajaTokenCache>().Should().BeSameAs(provider.GetRequiredService<DarajaTokenCache>());
    }

    [Fact]
    public async Task Client_WithoutCredentials_RefusesToCallDaraja()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([]).Build();
        await using var provider = new ServiceCollection().AddLogging().AddDarajaClient(configuration).BuildServiceProvider();

        var act = () => provider.GetRequiredService<IDarajaClient>().QueryStkAsync("ws_CO_1", CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("MPESA_CONSUMER_KEY");
    }
}
