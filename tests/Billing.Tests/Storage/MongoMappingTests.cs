using System.Net;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Mongo;
using WifiBilling.Billing.Storage.Mongo.Documents;
using WifiBilling.Billing.Tests.Domain;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>
/// The MongoDB documents through the real BSON serializer (no server needed): what is written reads back as the
/// same domain object, with the field names the indexes and queries rely on.
/// </summary>
public sealed class MongoMappingTests
{
    [Fact]
    public void Voucher_RoundTripsThroughBson_WithSessionUsageSummed()
    {
        var voucher = Voucher.Create(
            VoucherCode.Parse("7K3M9P2QXZ"),
            new VoucherIssue(TestPlans.Validity(dataCapBytes: 5_000_000_000, allowedRouterIds: ["rtr_a"]), VoucherSource.Payment, Phone: PhoneNumber.Parse("0712345678")),
            TestPlans.Start,
            paymentId: "pay_1",
            initialMac: MacAddress.Parse("BC:24:11:EB:56:4D"));
        voucher.Admit(MacAddress.Parse("BC:24:11:EB:56:4D"), "rtr_a", TestPlans.Start.AddMinutes(1));
        var document = MongoMapping.ToDocument(voucher);
        document.SessionUsage["ses_a"] = new SessionUsageDocument { Seconds = 120, Bytes = 4_294_967_396 };

        var bson = document.ToBsonDocument();
        var back = MongoMapping.ToDomain(BsonSerializer.Deserialize<VoucherDocument>(bson));

        bson["_id"].AsString.Should().Be("7K3M9P2QXZ");
        bson["payment_id"].AsString.Should().Be("pay_1");
        bson.Contains("batch_id").Should().BeFalse("null optional keys are omitted so partial unique indexes ignore them");
        bson["session_usage"]["ses_a"]["b"].AsInt64.Should().Be(4_294_967_396);
        back.Code.Should().Be(voucher.Code);
        back.Plan.Should().Be(voucher.Plan);
        back.Status.Should().Be(VoucherStatus.Active);
        back.ExpiresAt.Should().Be(voucher.ExpiresAt);
        back.BoundMacs.Should().Equal(voucher.BoundMacs);
        back.UsedBytes.Should().Be(4_294_967_396);
        back.UsedSeconds.Should().Be(120);
        back.Phone.Should().Be(voucher.Phone);
    }

    [Fact]
    public void Plan_RoundTripsThroughBson_WithItsTermsEmbedded()
    {
        var plan = Plan.Create(
            "pln_campus",
            new PlanDefinition("Campus day", 60, TimeSpan.FromDays(1), PlanMode.Uptime, "1M/4M", 2_000_000_000, 2, Active: false, SortOrder: 4, AllowedRouterIds: ["rtr_campus"]),
            TestPlans.Start);

        var bson = MongoMapping.ToDocument(plan).ToBsonDocument();
        var back = MongoMapping.ToDomain(BsonSerializer.Deserialize<PlanDocument>(bson));

        bson["terms"]["price_kes"].AsInt64.Should().Be(60);
        bson["sort_order"].AsInt32.Should().Be(4);
        back.Should().BeEquivalentTo(plan);
    }

    [Fact]
    public void Payment_RoundTripsThroughBson()
    {
        var plan = Plan.Create("pln_1h", new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), RateLimit: "2M/5M"), TestPlans.Start);
        var payment = Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse("0712345678"), "rtr_a", MacAddress.Parse("BC:24:11:EB:56:4D"), "10.5.50.2"), TestPlans.Start);
        payment.AttachCheckout("ws_CO_1", "m-1", TestPlans.Start.AddSeconds(45), TestPlans.Start);
        payment.Apply(PaymentOutcome.Paid("0", "ok", "NLJ7RT61SV", 20), TestPlans.Start.AddSeconds(10));

        var bson = MongoMapping.ToDocument(payment).ToBsonDocument();
        var back = MongoMapping.ToDomain(BsonSerializer.Deserialize<PaymentDocument>(bson));

        bson["checkout_request_id"].AsString.Should().Be("ws_CO_1");
        bson["mpesa_receipt"].AsString.Should().Be("NLJ7RT61SV");
        bson["plan"]["plan_id"].AsString.Should().Be("pln_1h");
        back.Should().BeEquivalentTo(payment, o => o.Excluding(p => p.Plan));
        back.Plan.Should().Be(payment.Plan);
    }

    [Fact]
    public void Session_RoundTripsThroughBson()
    {
        var (session, _) = AccountingSession.Open(
            new AccountingRecord("rtr_a", "80100014", AccountingEvent.Stop, "7K3M9P2QXZ", "7K3M9P2QXZ", MacAddress.Parse("BC:24:11:EB:56:4D"),
                IPAddress.Parse("10.5.88.2"), IPAddress.Parse("10.0.0.1"), "KhwanrichaiHome", "c", 300, 56, OctetCounter.Combine(1, 1), "User-Request"),
            TestPlans.Start);

        var bson = MongoMapping.ToDocument(session).ToBsonDocument();
        var back = MongoMapping.ToDomain(BsonSerializer.Deserialize<SessionDocument>(bson));

        bson["router_id"].AsString.Should().Be("rtr_a");
        bson["acct_session_id"].AsString.Should().Be("80100014");
        back.Should().BeEquivalentTo(session);
    }
}
