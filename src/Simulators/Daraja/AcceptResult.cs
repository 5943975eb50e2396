namespace WifiBilling.Simulators.Daraja;

internal enum AcceptResult
{
    Accepted,
    SubscriberLocked,
    DuplicateId,
}
