namespace WifiBilling.Radius.Dictionary;

/// <summary>One VENDOR line: a name and its SMI Private Enterprise Code.</summary>
public sealed record DictionaryVendor(string Name, uint Id);
