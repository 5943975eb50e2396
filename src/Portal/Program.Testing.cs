namespace WifiBilling.Portal;

/// <summary>Lets WebApplicationFactory&lt;Program&gt; find the entry point in tests.</summary>
public partial class Program;
