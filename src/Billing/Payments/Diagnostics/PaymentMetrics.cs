using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Billing.Payments.Diagnostics;

/// <summary>
/// Payment counters on the <c>WifiBilling.Billing</c> meter (exported at /metrics): status changes, STK pushes,
/// callbacks by result, STK queries by result, vouchers minted, refusals by the abuse limits, recoveries, and the time
/// from receiving a callback to its voucher being durable.
/// </summary>
public sealed class PaymentMetrics
{
    public const string MeterName = "WifiBilling.Billing";

    private readonly Counter<long> _statusChanges;
    private readonly Counter<long> _pushes;
    private readonly Counter<long> _callbacks;
    private readonly Counter<long> _queries;
    private readonly Counter<long> _vouchersMinted;
    private readonly Counter<long> _pushesRefused;
    private readonly Counter<long> _recoveries;
    private readonly Histogram<double> _callbackDuration;

    public PaymentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _statusChanges = meter.CreateCounter<long>("payments.status_changes", "{payment}", "Payments entering a status");
        _pushes = meter.CreateCounter<long>("payments.stk_pushes", "{push}", "STK pushes by result: accepted, refused, unknown");
        _callbacks = meter.CreateCounter<long>("payments.callbacks", "{callback}", "STK callbacks by result");
        _queries = meter.CreateCounter<long>("payments.stk_queries", "{query}", "STK queries by result");
        _vouchersMinted = meter.CreateCounter<long>("payments.vouchers_minted", "{voucher}", "Vouchers minted from payments");
        _pushesRefused = meter.CreateCounter<long>("payments.pushes_limited", "{request}", "Pay requests refused by an abuse limit, by key");
        _recoveries = meter.CreateCounter<long>("payments.recoveries", "{request}", "Recovery requests by result");
        _callbackDuration = meter.CreateHistogram<double>(
            "payments.callback_duration", "ms", "Time from receiving an STK callback to its record (and voucher) being durable");
    }

    /// <summary>Tagged with the status as the API spells it (<c>paid</c>, <c>timed-out</c>).</summary>
    public void StatusChanged(PaymentStatus status) =>
        _statusChanges.Add(1, Tag("status", JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString())));

    public void Push(string result) => _pushes.Add(1, Tag("result", result));

    public void Callback(string result) => _callbacks.Add(1, Tag("result", result));

    public void Query(string result) => _queries.Add(1, Tag("result", result));

    public void VoucherMinted(string source) => _vouchersMinted.Add(1, Tag("source", source));

    public void PushLimited(string key) => _pushesRefused.Add(1, Tag("key", key));

    public void Recovery(string result) => _recoveries.Add(1, Tag("result", result));

    public void CallbackHandled(TimeSpan elapsed) => _callbackDuration.Record(elapsed.TotalMilliseconds);

    private static TagList Tag(string name, string value) => new() { { name, value } };
}
