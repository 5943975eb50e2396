using WifiBilling.Billing.Domain;

namespace WifiBilling.Portal.Contracts;

public static class PageResponseMapping
{
    /// <summary>Maps a store page to its HTTP shape, item by item.</summary>
    public static PageResponse<T> ToResponse<TSource, T>(this Page<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Offset, page.Limit);
}
