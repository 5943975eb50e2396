using MongoDB.Driver;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

/// <summary>Voucher writes shared by the voucher, payment and session stores.</summary>
internal static class MongoVoucherWrites
{
    private const int MaxCodeAttempts = 16;

    public static Task<Voucher?> FindAsync(MongoContext context, string code, CancellationToken cancellationToken) =>
        FindOneAsync(context, Builders<VoucherDocument>.Filter.Eq(d => d.Code, code), cancellationToken);

    public static Task<Voucher?> FindByPaymentIdAsync(MongoContext context, string paymentId, CancellationToken cancellationToken) =>
        FindOneAsync(context, Builders<VoucherDocument>.Filter.Eq(d => d.PaymentId, paymentId), cancellationToken);

    /// <summary>
    /// Inserts a new voucher with a fresh code (the _id is the code, so a collision is a duplicate key and we draw
    /// again). With a <paramref name="paymentId"/>, the unique index on payment_id makes minting exactly-once: if
    /// another caller inserted that payment's voucher first, its voucher is returned instead.
    /// </summary>
    public static async Task<Voucher> InsertNewAsync(
        MongoContext context,
        IVoucherCodeGenerator codes,
        VoucherIssue issue,
        DateTimeOffset now,
        string? paymentId,
        MacAddress? initialMac,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var voucher = Voucher.Create(codes.Next(), issue, now, paymentId, initialMac);
            try
            {
                await context.Vouchers.InsertOneAsync(MongoMapping.ToDocument(voucher), cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                return voucher;
            }
            catch (MongoWriteException ex) when (MongoCas.IsDuplicateKey(ex))
            {
                if (paymentId is not null
                    && await FindByPaymentIdAsync(context, paymentId, cancellationToken).ConfigureAwait(false) is { } winner)
                {
                    return winner;
                }

                // Otherwise the code was taken: draw another.
            }
        }

        throw new InvalidOperationException($"No unused voucher code after {MaxCodeAttempts} attempts; the code generator is not random enough.");
    }

    public static Task<Voucher?> MutateAsync(MongoContext context, string code, Action<Voucher> change, CancellationToken cancellationToken) =>
        MongoCas.MutateAsync(
            context.Vouchers,
            Builders<VoucherDocument>.Filter.Eq(d => d.Code, code),
            MongoMapping.ToDomain,
            v => v.Version,
            (stored, voucher) => MongoMapping.ToDocument(voucher, stored),
            d => d.Code,
            change,
            cancellationToken);

    private static async Task<Voucher?> FindOneAsync(MongoContext context, FilterDefinition<VoucherDocument> filter, CancellationToken cancellationToken)
    {
        var document = await context.Vouchers.Find(filter).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : MongoMapping.ToDomain(document);
    }
}
