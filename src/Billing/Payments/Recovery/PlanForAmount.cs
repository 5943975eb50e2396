using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Payments.Recovery;

/// <summary>
/// The plan a direct (C2B) payment buys: the dearest active plan whose price is at most the amount paid, preferring
/// plans sold on every hotspot (the payment names no router), then the longest. Paying more than a plan costs buys
/// that plan; the difference is not refunded or carried over.
/// </summary>
public static class PlanForAmount
{
    public static Plan? Choose(IEnumerable<Plan> activePlans, long amountKes)
    {
        var affordable = activePlans.Where(p => p.Active && p.PriceKes <= amountKes).ToList();
        var everywhere = affordable.Where(p => p.AllowedRouterIds.Count == 0).ToList();
        return (everywhere.Count > 0 ? everywhere : affordable)
            .OrderByDescending(p => p.PriceKes)
            .ThenByDescending(p => p.Duration)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
