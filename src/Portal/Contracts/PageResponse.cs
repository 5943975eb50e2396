namespace WifiBilling.Portal.Contracts;

/// <summary>One page of a list: <c>total</c> counts every match; <c>offset</c>/<c>limit</c> echo the request.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit);
