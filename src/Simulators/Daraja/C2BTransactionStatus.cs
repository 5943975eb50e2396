namespace WifiBilling.Simulators.Daraja;

public enum C2BTransactionStatus
{
    /// <summary>Validation or confirmation not finished yet.</summary>
    InProgress,

    /// <summary>Confirmation posted: the money moved.</summary>
    Confirmed,

    /// <summary>The validation URL rejected it: no money moved, no confirmation.</summary>
    Rejected,

    /// <summary>Validation did not answer in time and ResponseType was Cancelled.</summary>
    Cancelled,
}
