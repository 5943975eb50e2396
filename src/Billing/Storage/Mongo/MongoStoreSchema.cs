using MongoDB.Bson;
using MongoDB.Driver;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

/// <summary>
/// Creates the indexes at start (idempotent). The unique ones do the deduplication: voucher code (_id), the voucher
/// of a payment (exactly-once minting), CheckoutRequestID, M-Pesa receipt, router + Acct-Session-Id, NAS-Identifier
/// and address. Optional keys use partial indexes on "is a string", so documents without one never collide.
/// </summary>
public sealed class MongoStoreSchema(MongoContext context) : IBillingStoreSchema
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await context.Vouchers.Indexes.CreateManyAsync(
            [
                Unique<VoucherDocument>("payment_id", "ux_vouchers_payment_id", partial: true),
                Index<VoucherDocument>(new BsonDocument { { "status", 1 }, { "created_at", -1 } }, "ix_vouchers_status"),
                Index<VoucherDocument>(new BsonDocument { { "plan.plan_id", 1 }, { "created_at", -1 } }, "ix_vouchers_plan"),
                Index<VoucherDocument>(new BsonDocument("batch_id", 1), "ix_vouchers_batch"),
                Index<VoucherDocument>(new BsonDocument("bound_macs", 1), "ix_vouchers_bound_macs"),
                Index<VoucherDocument>(new BsonDocument("created_at", -1), "ix_vouchers_created"),
            ],
            cancellationToken).ConfigureAwait(false);

        await context.Payments.Indexes.CreateManyAsync(
            [
                Unique<PaymentDocument>("checkout_request_id", "ux_payments_checkout_request_id", partial: true),
                Unique<PaymentDocument>("mpesa_receipt", "ux_payments_mpesa_receipt", partial: true),
                Index<PaymentDocument>(new BsonDocument("created_at", -1), "ix_payments_created"),
                Index<PaymentDocument>(new BsonDocument { { "phone", 1 }, { "created_at", -1 } }, "ix_payments_phone"),
                Index<PaymentDocument>(new BsonDocument { { "mac", 1 }, { "created_at", -1 } }, "ix_payments_mac"),
                Index<PaymentDocument>(new BsonDocument { { "client_ip", 1 }, { "created_at", -1 } }, "ix_payments_client_ip"),
                Index<PaymentDocument>(new BsonDocument { { "status", 1 }, { "next_query_at", 1 } }, "ix_payments_next_query"),
                Index<PaymentDocument>(new BsonDocument("paid_at", 1), "ix_payments_paid"),
            ],
            cancellationToken).ConfigureAwait(false);

        await context.PaymentPayloads.Indexes.CreateOneAsync(
            Index<PaymentPayloadDocument>(new BsonDocument { { "payment_id", 1 }, { "_id", 1 } }, "ix_payment_payloads_payment"),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        await context.C2BPayments.Indexes.CreateOneAsync(
            Index<C2BPaymentDocument>(new BsonDocument("received_at", 1), "ix_c2b_payments_received"),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        await context.Sessions.Indexes.CreateManyAsync(
            [
                new CreateIndexModel<SessionDocument>(
                    new BsonDocument { { "router_id", 1 }, { "acct_session_id", 1 } },
                    new CreateIndexOptions { Unique = true, Name = "ux_sessions_router_acct_session_id" }),
                Index<SessionDocument>(new BsonDocument { { "router_id", 1 }, { "stopped_at", 1 } }, "ix_sessions_router_open"),
                Index<SessionDocument>(new BsonDocument { { "voucher_code", 1 }, { "stopped_at", 1 } }, "ix_sessions_voucher_open"),
                Index<SessionDocument>(new BsonDocument { { "stopped_at", 1 }, { "updated_at", 1 } }, "ix_sessions_open_updated"),
            ],
            cancellationToken).ConfigureAwait(false);

        await context.Routers.Indexes.CreateManyAsync(
            [
                Unique<RouterDocument>("nas_identifier", "ux_routers_nas_identifier", partial: true),
                Unique<RouterDocument>("address", "ux_routers_address", partial: true),
            ],
            cancellationToken).ConfigureAwait(false);

        await context.Plans.Indexes.CreateOneAsync(
            Index<PlanDocument>(new BsonDocument { { "sort_order", 1 }, { "terms.price_kes", 1 } }, "ix_plans_order"),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static CreateIndexModel<T> Index<T>(BsonDocument keys, string name) =>
        new(keys, new CreateIndexOptions { Name = name });

    private static CreateIndexModel<T> Unique<T>(string field, string name, bool partial) =>
        new(
            new BsonDocument(field, 1),
            new CreateIndexOptions<T>
            {
                Unique = true,
                Name = name,
                PartialFilterExpression = partial
                    ? new BsonDocument(field, new BsonDocument("$type", "string"))
                    : null,
            });
}
