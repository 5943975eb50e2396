namespace WifiBilling.Simulators.Daraja;

/// <summary>How STK Query answers while a push is still waiting for the customer (daraja.md §4 "Pending / in-flight").</summary>
public enum PendingQueryStyle
{
    /// <summary>Classic: HTTP 500 <c>500.001.1001 "The transaction is being processed"</c>.</summary>
    Http500,

    /// <summary>Daraja 3.0: HTTP 200 with ResultCode "4999" "The transaction is still under processing".</summary>
    ResultCode4999,
}
