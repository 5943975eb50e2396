using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Server;

/// <summary>
/// Decides an Access-Request. Return a reply built with <see cref="RadiusRequestContext.CreateResponse"/>
/// (Access-Accept, Access-Reject or Access-Challenge), or null to send nothing. The server then adds the
/// Message-Authenticator, copies Proxy-State and computes the Response Authenticator. The handler may await I/O or
/// a deliberate delay; other requests keep flowing meanwhile.
/// </summary>
public interface IAccessRequestHandler
{
    ValueTask<RadiusPacket?> HandleAccessRequestAsync(RadiusRequestContext context, CancellationToken cancellationToken);
}
