namespace WifiBilling.Simulators.Daraja;

/// <summary>A shortcode the simulator accepts, with its passkey and (for Buy Goods) the till numbers under it.</summary>
public sealed class SimulatedMerchant
{
    public string ShortCode { get; set; } = string.Empty;

    public string PassKey { get; set; } = string.Empty;

    /// <summary>Tills that may be PartyB of a CustomerBuyGoodsOnline push; empty accepts any till.</summary>
    public List<string> TillNumbers { get; set; } = [];
}
