namespace WifiBilling.Radius.Coa;

/// <summary>Sends RFC 5176 Disconnect-Request / CoA-Request to a NAS and reports Ack, Nak (with Error-Cause) or Timeout.</summary>
public interface IRadiusCoaClient
{
    Task<CoaResult> SendAsync(CoaRequest request, CancellationToken cancellationToken = default);
}
