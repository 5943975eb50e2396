namespace WifiBilling.Radius.Server;

/// <summary>
/// Records an Accounting-Request. Return true only once the record is durable: the server then sends the
/// Accounting-Response (RFC 2866 §2: "upon successfully recording"). False or an exception sends nothing, so the
/// router retransmits and nothing is lost.
/// </summary>
public interface IAccountingRequestHandler
{
    ValueTask<bool> HandleAccountingRequestAsync(RadiusRequestContext context, CancellationToken cancellationToken);
}
