using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Domain.Payments;

/// <summary>
/// What <see cref="IPaymentStore.RecordCallbackAndMintAsync"/> did: the recorded outcome, and the paid payment's voucher
/// (null when it is not paid, or when minting failed — <see cref="MintFailure"/> says why; the callback stays recorded).
/// </summary>
public sealed record RecordedCallback(OutcomeResult Outcome, Voucher? Voucher, Exception? MintFailure = null);
