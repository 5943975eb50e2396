using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>
/// The session after an accounting record, the usage it added to the voucher, and the voucher after that usage
/// (null when the session has no known voucher), so the caller can see an uptime or data cap run out.
/// <see cref="Archived"/> is the closed session moved aside because the router reused its Acct-Session-Id
/// (<see cref="AccountingSession.IsReusedBy"/>), null otherwise.
/// </summary>
public sealed record AccountingResult(AccountingSession Session, UsageDelta Added, Voucher? Voucher, AccountingSession? Archived = null);
