namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>How the merchant receives money; decides TransactionType and PartyB of an STK push (daraja.md §2).</summary>
public enum DarajaTransactionType
{
    /// <summary><c>CustomerPayBillOnline</c>; PartyB is the PayBill shortcode itself.</summary>
    PayBill,

    /// <summary><c>CustomerBuyGoodsOnline</c>; BusinessShortCode is the store number, PartyB the till number.</summary>
    Till,
}
