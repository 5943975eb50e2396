using System.ComponentModel.DataAnnotations;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Storage;

/// <summary>
/// Configuration section <c>Plans:Seed</c>: the plans created on the first start with an empty store (the seed's
/// 1 Hour, 4 Hours and 24 Hours, validity mode). Prices in whole KES.
/// </summary>
public sealed class PlanSeedOptions
{
    public const string SectionName = "Plans:Seed";

    public bool Enabled { get; set; } = true;

    [Range(1, PlanDefinition.MaxPriceKes)]
    public long OneHourPriceKes { get; set; } = 20;

    [Range(1, PlanDefinition.MaxPriceKes)]
    public long FourHoursPriceKes { get; set; } = 50;

    [Range(1, PlanDefinition.MaxPriceKes)]
    public long TwentyFourHoursPriceKes { get; set; } = 80;

    public IReadOnlyList<PlanDefinition> ToDefinitions() =>
        Enabled
            ?
            [
                new("1 Hour", OneHourPriceKes, TimeSpan.FromHours(1), SortOrder: 1),
                new("4 Hours", FourHoursPriceKes, TimeSpan.FromHours(4), SortOrder: 2),
                new("24 Hours", TwentyFourHoursPriceKes, TimeSpan.FromHours(24), SortOrder: 3),
            ]
            : [];
}
