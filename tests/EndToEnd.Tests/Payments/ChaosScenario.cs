using WifiBilling.Simulators.Daraja;

namespace WifiBilling.EndToEnd.Tests.Payments;

/// <summary>One customer of the chaos test: their phone, device, plan, and how Daraja will treat their push.</summary>
public sealed record ChaosScenario(string Phone, string Msisdn, string PlanId, string Mac, string Ip, StkOutcomePlan Outcome)
{
    private static readonly string[] s_planIds = ["pln_seed_1", "pln_seed_2", "pln_seed_3"];

    /// <summary>
    /// Random outcome (60 % paid, the rest cancelled, insufficient funds, unreachable, wrong PIN, expired), callback
    /// delay 0–20 s (0 = before the push is answered), callback fate (normal, lost, duplicated, late) and pending query
    /// style. <paramref name="pushAnswerLost"/>: the push itself will time out on our side, and its callback is
    /// never lost — a push with no answer and no callback leaves no trace to recover money by (see docs/payments.md).
    /// </summary>
    public static ChaosScenario Create(int index, Random random, bool pushAnswerLost)
    {
        ArgumentNullException.ThrowIfNull(random);
        var local = $"0711{index:D6}";
        var roll = random.NextDouble();
        var resultCode = roll switch
        {
            < 0.60 => "0",
            < 0.75 => "1032",
            < 0.83 => "1",
            < 0.90 => "1037",
            < 0.95 => "2001",
            _ => "1019",
        };
        var callback = pushAnswerLost
            ? (random.Next(2) == 0 ? CallbackFault.None : CallbackFault.Duplicate)
            : (CallbackFault)random.Next(4);
        var delay = random.Next(10) == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(random.Next(500, 20_000));
        var pendingQuery = random.Next(2) == 0 ? PendingQueryStyle.Http500 : PendingQueryStyle.ResultCode4999;
        return new ChaosScenario(
            local,
            "254" + local[1..],
            s_planIds[random.Next(s_planIds.Length)],
            $"02:00:00:{index / 65536 % 256:X2}:{index / 256 % 256:X2}:{index % 256:X2}",
            $"10.{index / 65536 % 256}.{index / 256 % 256}.{index % 256}",
            new StkOutcomePlan(resultCode, CallbackDelay: delay, Callback: callback, PendingQuery: pendingQuery));
    }
}
