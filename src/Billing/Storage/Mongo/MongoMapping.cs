using System.Net;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

/// <summary>Domain ↔ persistence documents; BSON concerns never reach the domain types.</summary>
internal static class MongoMapping
{
    public static DateTime Utc(DateTimeOffset time) => time.UtcDateTime;

    public static DateTime? Utc(DateTimeOffset? time) => time?.UtcDateTime;

    public static DateTimeOffset Time(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static DateTimeOffset? Time(DateTime? time) => time is { } t ? Time(t) : null;

    public static PlanSnapshotDocument ToDocument(PlanSnapshot plan) => new()
    {
        PlanId = plan.PlanId,
        Name = plan.Name,
        PriceKes = plan.PriceKes,
        DurationSeconds = (long)plan.Duration.TotalSeconds,
        Mode = plan.Mode.ToString(),
        RateLimit = plan.RateLimit?.Value,
        DataCapBytes = plan.DataCapBytes,
        DeviceLimit = plan.DeviceLimit,
        AllowedRouterIds = [.. plan.AllowedRouterIds],
    };

    public static PlanSnapshot ToDomain(PlanSnapshotDocument d) =>
        new(
            d.PlanId,
            d.Name,
            d.PriceKes,
            TimeSpan.FromSeconds(d.DurationSeconds),
            Enum.Parse<PlanMode>(d.Mode),
            d.RateLimit is null ? null : RateLimit.TryParse(d.RateLimit, out var r, out _) ? r : null,
            d.DataCapBytes,
            d.DeviceLimit,
            d.AllowedRouterIds);

    public static PlanDocument ToDocument(Plan plan) => new()
    {
        Id = plan.Id,
        Terms = ToDocument(plan.Snapshot()),
        Active = plan.Active,
        SortOrder = plan.SortOrder,
        CreatedAt = Utc(plan.CreatedAt),
        UpdatedAt = Utc(plan.UpdatedAt),
        Version = plan.Version,
    };

    public static Plan ToDomain(PlanDocument d)
    {
        var terms = ToDomain(d.Terms);
        return Plan.Rehydrate(
            d.Id,
            new PlanDefinition(
                terms.Name,
                terms.PriceKes,
                terms.Duration,
                terms.Mode,
                terms.RateLimit?.Value,
                terms.DataCapBytes,
                terms.DeviceLimit,
                d.Active,
                d.SortOrder,
                terms.AllowedRouterIds),
            Time(d.CreatedAt),
            Time(d.UpdatedAt),
            d.Version);
    }

    public static RouterDocument ToDocument(Router router, string protectedSecret) => new()
    {
        Id = router.Id,
        Name = router.Name,
        NasIdentifier = router.NasIdentifier,
        Address = router.Address?.Value,
        ProtectedSecret = protectedSecret,
        CoaPort = router.CoaPort,
        RequireMessageAuthenticator = router.RequireMessageAuthenticator,
        Site = router.Site,
        Enabled = router.Enabled,
        CreatedAt = Utc(router.CreatedAt),
        UpdatedAt = Utc(router.UpdatedAt),
        Version = router.Version,
    };

    public static Router ToDomain(RouterDocument d) =>
        Router.Rehydrate(
            d.Id,
            new RouterDefinition(d.Name, d.NasIdentifier, d.Address, d.CoaPort, d.RequireMessageAuthenticator, d.Site, d.Enabled),
            hasSecret: d.ProtectedSecret.Length > 0,
            Time(d.CreatedAt),
            Time(d.UpdatedAt),
            d.Version);

    /// <summary>
    /// The document for a voucher. <paramref name="stored"/> (the document it was read from) carries the per-session
    /// usage, which only accounting changes; anything else the domain added to usage goes to other_*.
    /// </summary>
    public static VoucherDocument ToDocument(Voucher voucher, VoucherDocument? stored = null)
    {
        var sessions = stored?.SessionUsage ?? [];
        var sessionSeconds = sessions.Values.Sum(u => u.Seconds);
        var sessionBytes = sessions.Values.Sum(u => u.Bytes);
        return new VoucherDocument
        {
            Code = voucher.Code.Value,
            Plan = ToDocument(voucher.Plan),
            Source = voucher.Source.ToString(),
            Status = voucher.Status.ToString(),
            CreatedAt = Utc(voucher.CreatedAt),
            ActivatedAt = Utc(voucher.ActivatedAt),
            ExpiresAt = Utc(voucher.ExpiresAt),
            RevokedAt = Utc(voucher.RevokedAt),
            ExtraSeconds = (long)voucher.ExtraTime.TotalSeconds,
            OtherSeconds = Math.Max(0, voucher.UsedSeconds - sessionSeconds),
            OtherBytes = Math.Max(0, voucher.UsedBytes - sessionBytes),
            SessionUsage = sessions,
            BoundMacs = voucher.BoundMacs.Select(m => m.Value).ToList(),
            BatchId = voucher.BatchId,
            PaymentId = voucher.PaymentId,
            Phone = voucher.Phone?.Value,
            Note = voucher.Note,
            Version = voucher.Version,
        };
    }

    public static Voucher ToDomain(VoucherDocument d) =>
        Voucher.Rehydrate(
            VoucherCode.Parse(d.Code),
            ToDomain(d.Plan),
            Enum.Parse<VoucherSource>(d.Source),
            Enum.Parse<VoucherStatus>(d.Status),
            Time(d.CreatedAt),
            Time(d.ActivatedAt),
            Time(d.ExpiresAt),
            Time(d.RevokedAt),
            TimeSpan.FromSeconds(d.ExtraSeconds),
            d.OtherSeconds + d.SessionUsage.Values.Sum(u => u.Seconds),
            d.OtherBytes + d.SessionUsage.Values.Sum(u => u.Bytes),
            d.BoundMacs.Select(m => MacAddress.Parse(m)),
            d.BatchId,
            d.PaymentId,
            PhoneNumber.TryParse(d.Phone, out var phone) ? phone : null,
            d.Note,
            d.Version);

    public static PaymentDocument ToDocument(Payment p) => new()
    {
        Id = p.Id,
        Plan = ToDocument(p.Plan),
        AmountKes = p.AmountKes,
        Phone = p.Phone.Value,
        RouterId = p.RouterId,
        Mac = p.Mac?.Value,
        ClientIp = p.ClientIp,
        CheckoutRequestId = p.CheckoutRequestId,
        MerchantRequestId = p.MerchantRequestId,
        Status = p.Status.ToString(),
        ResultCode = p.ResultCode,
        ResultDesc = p.ResultDesc,
        MpesaReceipt = p.MpesaReceipt,
        PaidAmountKes = p.PaidAmountKes,
        VoucherCode = p.VoucherCode,
        CreatedAt = Utc(p.CreatedAt),
        UpdatedAt = Utc(p.UpdatedAt),
        PaidAt = Utc(p.PaidAt),
        NextQueryAt = Utc(p.NextQueryAt),
        QueryAttempts = p.QueryAttempts,
        LeaseOwner = p.LeaseOwner,
        LeaseUntil = Utc(p.LeaseUntil),
        Version = p.Version,
    };

    public static Payment ToDomain(PaymentDocument d) =>
        Payment.Rehydrate(
            d.Id,
            ToDomain(d.Plan),
            d.AmountKes,
            PhoneNumber.Parse(d.Phone),
            d.RouterId,
            MacAddress.TryParse(d.Mac, out var mac) ? mac : null,
            d.ClientIp,
            d.CheckoutRequestId,
            d.MerchantRequestId,
            Enum.Parse<PaymentStatus>(d.Status),
            d.ResultCode,
            d.ResultDesc,
            d.MpesaReceipt,
            d.PaidAmountKes,
            d.VoucherCode,
            Time(d.CreatedAt),
            Time(d.UpdatedAt),
            Time(d.PaidAt),
            Time(d.NextQueryAt),
            d.QueryAttempts,
            d.LeaseOwner,
            Time(d.LeaseUntil),
            d.Version);

    public static C2BPaymentDocument ToDocument(C2BPayment p) => new()
    {
        TransId = p.TransId,
        AmountKes = p.AmountKes,
        BillRefNumber = p.BillRefNumber,
        Msisdn = p.Msisdn,
        BusinessShortCode = p.BusinessShortCode,
        TransTime = Utc(p.TransTime),
        RawPayload = p.RawPayload,
        ReceivedAt = Utc(p.ReceivedAt),
        VoucherCode = p.VoucherCode,
        PlanId = p.PlanId,
    };

    public static C2BPayment ToDomain(C2BPaymentDocument d) =>
        C2BPayment.Rehydrate(
            d.TransId,
            d.AmountKes,
            d.BillRefNumber,
            d.Msisdn,
            d.BusinessShortCode,
            Time(d.TransTime),
            d.RawPayload,
            Time(d.ReceivedAt),
            d.VoucherCode,
            d.PlanId);

    public static SessionDocument ToDocument(AccountingSession s) => new()
    {
        Id = s.Id,
        RouterId = s.RouterId,
        AcctSessionId = s.AcctSessionId,
        VoucherCode = s.VoucherCode,
        UserName = s.UserName,
        Mac = s.Mac?.Value,
        FramedIp = s.FramedIpAddress?.ToString(),
        NasIp = s.NasIpAddress?.ToString(),
        NasIdentifier = s.NasIdentifier,
        Class = s.Class,
        StartedAt = Utc(s.StartedAt),
        UpdatedAt = Utc(s.UpdatedAt),
        StoppedAt = Utc(s.StoppedAt),
        SessionSeconds = s.SessionSeconds,
        InputBytes = s.InputBytes,
        OutputBytes = s.OutputBytes,
        TerminateCause = s.TerminateCause,
        DisconnectState = s.DisconnectState.ToString(),
        DisconnectErrorCause = s.DisconnectErrorCause,
        DisconnectAttempts = s.DisconnectAttempts,
        DisconnectOwner = s.DisconnectOwner,
        DisconnectLeaseUntil = Utc(s.DisconnectLeaseUntil),
        Version = s.Version,
    };

    public static AccountingSession ToDomain(SessionDocument d) =>
        AccountingSession.Rehydrate(
            d.RouterId,
            d.AcctSessionId,
            d.VoucherCode,
            d.UserName,
            MacAddress.TryParse(d.Mac, out var mac) ? mac : null,
            IPAddress.TryParse(d.FramedIp, out var framed) ? framed : null,
            IPAddress.TryParse(d.NasIp, out var nas) ? nas : null,
            d.NasIdentifier,
            d.Class,
            Time(d.StartedAt),
            Time(d.UpdatedAt),
            Time(d.StoppedAt),
            d.SessionSeconds,
            d.InputBytes,
            d.OutputBytes,
            d.TerminateCause,
            Enum.Parse<DisconnectState>(d.DisconnectState),
            d.DisconnectErrorCause is { } cause ? (uint)cause : null,
            d.DisconnectAttempts,
            d.DisconnectOwner,
            Time(d.DisconnectLeaseUntil),
            d.Version);
}
