namespace WifiBilling.Simulators.Daraja;

/// <summary>Body shapes Daraja and its Apigee gateway really answer with (daraja.md §2, §8.8), for client robustness tests.</summary>
public enum ResponseShape
{
    /// <summary><c>{"requestId","errorCode","errorMessage"}</c>.</summary>
    JsonError,

    /// <summary><c>{"Envelope":{"Body":{"Fault":{"faultstring":…}}}}</c> from the gateway.</summary>
    SoapFault,

    /// <summary>An HTML page with <c>Content-Type: text/html</c> (Apigee SPA proxy).</summary>
    Html,

    /// <summary>No body at all.</summary>
    Empty,

    /// <summary>Truncated JSON.</summary>
    InvalidJson,

    /// <summary>The request is processed normally but the answer is held back (to make a client time out).</summary>
    SlowResponse,
}
