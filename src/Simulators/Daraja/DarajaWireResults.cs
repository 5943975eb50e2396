using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace WifiBilling.Simulators.Daraja;

/// <summary>Daraja-shaped answers: the usual error object, and the odd shapes its gateway produces (daraja.md §2).</summary>
internal static class DarajaWireResults
{
    public static IResult Json(object body, int status = StatusCodes.Status200OK) =>
        Results.Json(body, SimulatorJson.Wire, "application/json", status);

    public static IResult Error(int status, string errorCode, string errorMessage, string? requestId = null) =>
        Json(new Dictionary<string, string>
        {
            ["requestId"] = requestId ?? NewRequestId(),
            ["errorCode"] = errorCode,
            ["errorMessage"] = errorMessage,
        }, status);

    /// <summary>400 / 400.002.02 "Bad Request - Invalid X", X being Daraja's field name.</summary>
    public static IResult BadRequest(string field) =>
        Error(StatusCodes.Status400BadRequest, "400.002.02", $"Bad Request - Invalid {field}");

    public static IResult InvalidToken() =>
        Error(StatusCodes.Status404NotFound, "404.001.03", "Invalid Access Token");

    public static IResult Business1001(string message, string? requestId = null) =>
        Error(StatusCodes.Status500InternalServerError, "500.001.1001", message, requestId);

    public static IResult FromFault(ResponseFault fault) => fault.Shape switch
    {
        ResponseShape.JsonError => Error(fault.StatusCode, fault.ErrorCode ?? "500.003.1001", fault.ErrorMessage ?? "Internal Server Error"),
        ResponseShape.SoapFault => Json(SoapFault(fault.ErrorMessage
            ?? "Execution of ServiceCallout SCO-AddURLVault failed. Reason: ResponseCode 409 is treated as error"), fault.StatusCode),
        ResponseShape.Html => Results.Content(
            "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>" + (fault.ErrorMessage ?? "Service Unavailable")
            + "</h1><p>Apigee SPA Proxy</p></body></html>", "text/html", Encoding.UTF8, fault.StatusCode),
        ResponseShape.Empty => Results.StatusCode(fault.StatusCode),
        ResponseShape.InvalidJson => Results.Content("{\"requestId\":\"" + NewRequestId() + "\",\"errorCode\":", "application/json",
            Encoding.UTF8, fault.StatusCode),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault.Shape, "slow responses are not a body shape"),
    };

    public static string NewRequestId() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{RandomNumberGenerator.GetInt32(1000, 99999)}-{RandomNumberGenerator.GetInt32(1_000_000, 99_999_999)}-1");

    private static Dictionary<string, object> SoapFault(string faultString) => new()
    {
        ["Envelope"] = new Dictionary<string, object>
        {
            ["encodingStyle"] = "http://schemas.xmlsoap.org/soap/encoding/",
            ["Body"] = new Dictionary<string, object>
            {
                ["Fault"] = new Dictionary<string, object>
                {
                    ["faultcode"] = "soap:Server",
                    ["faultstring"] = faultString,
                    ["faultactor"] = new Dictionary<string, object>(),
                    ["detail"] = new Dictionary<string, object>
                    {
                        ["source"] = new Dictionary<string, string> { ["errorcode"] = "steps.servicecallout.ExecutionFailed" },
                    },
                },
            },
        },
    };
}
