namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>The Safaricom Daraja calls the payment code makes. Failures throw <see cref="DarajaException"/>.</summary>
public interface IDarajaClient
{
    /// <summary>A valid OAuth token (cached; single-flight refresh).</summary>
    Task<DarajaAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends one STK push. Never retried automatically: a <see cref="DarajaException"/> with
    /// <see cref="DarajaException.IsOutcomeUnknown"/> means the prompt may have gone out; settle it by STK Query.
    /// </summary>
    Task<StkPushAccepted> StkPushAsync(StkPushRequest request, CancellationToken cancellationToken);

    /// <summary>Asks Daraja for the state of a push.</summary>
    Task<StkQueryResult> QueryStkAsync(string checkoutRequestId, CancellationToken cancellationToken);

    /// <summary>Registers the C2B confirmation (and optional validation) URLs for the configured shortcode (v2 API).</summary>
    Task<C2BRegistration> RegisterC2BUrlsAsync(
        Uri confirmationUrl, Uri? validationUrl, C2BDefaultAction defaultAction, CancellationToken cancellationToken);
}
