namespace WifiBilling.Billing.Domain;

/// <summary>One page of a filtered list. <see cref="Total"/> counts every match, not only this page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit);
