using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Billing.Payments.Callbacks;

/// <summary>The result of handling one callback; every write it made is durable when this is returned.</summary>
public sealed record StkCallbackHandling(StkCallbackResult Result, Payment? Payment = null, string? Error = null)
{
    /// <summary>Daraja gets <c>{"ResultCode":0,"ResultDesc":"Accepted"}</c> unless the body could not be read.</summary>
    public bool Acknowledge => Result != StkCallbackResult.Malformed;
}
