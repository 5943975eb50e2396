namespace WifiBilling.Billing.Payments.Daraja.Wire;

/// <summary>One HTTP answer from Daraja, read fully as text so every body shape (JSON, SOAP JSON, HTML, empty) can be judged.</summary>
internal sealed record DarajaReply(int Status, string? MediaType, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool LooksLikeHtml =>
        (MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false)
        || Body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);
}
