using System.Text.Json;
using WifiBilling.Portal.Tests.Deploy;
using WifiBilling.Portal.Tests.Deploy.Hotspot;

namespace WifiBilling.Portal.Tests.Pages;

/// <summary>The buy page's English and Swahili texts (the TEXT table in wwwroot/buy.js), checked with the real node.</summary>
public sealed class BuyPageTranslationTests
{
    // Pulls the TEXT table out of buy.js without running the page, and lists every data-t key of index.html.
    private const string Program = """
        const fs = require('fs');
        const script = fs.readFileSync(process.argv[2], 'utf8');
        const html = fs.readFileSync(process.argv[3], 'utf8');
        const table = script.match(/var TEXT = (\{[\s\S]*?\n  \});/);
        const text = (0, eval)('(' + table[1] + ')');
        const keys = [...html.matchAll(/data-t="(\w+)"/g)].map(m => m[1]);
        console.log(JSON.stringify({ en: text.en, sw: text.sw, used: keys }));
        """;

    [SkippableFact]
    public async Task Every_text_exists_in_English_and_Swahili_and_every_key_the_page_uses_is_defined()
    {
        Skip.IfNot(NodeRunner.IsInstalled, "node is not installed");
        var wwwroot = Path.Combine(RepositoryPaths.Root, "src", "Portal", "wwwroot");

        using var result = JsonDocument.Parse(await NodeRunner.RunAsync(Program, "", Path.Combine(wwwroot, "buy.js"), Path.Combine(wwwroot, "index.html")));

        var english = result.RootElement.GetProperty("en").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var swahili = result.RootElement.GetProperty("sw").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        swahili.Keys.Should().BeEquivalentTo(english.Keys);
        result.RootElement.GetProperty("used").EnumerateArray().Select(k => k.GetString()).Should().OnlyContain(k => english.ContainsKey(k!));
        foreach (var (key, value) in english)
        {
            swahili[key].ToString().Should().NotBeNullOrWhiteSpace(key);
            if (value.ValueKind == JsonValueKind.String && key is not ("other" or "upTo" or "data"))
            {
                swahili[key].GetString().Should().NotBe(value.GetString(), "{0} must be translated", key);
            }
        }
    }
}
