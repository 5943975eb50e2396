namespace WifiBilling.Billing.Tests.Daraja;

/// <summary>Payloads quoted in shared/reference/daraja.md (source in each comment), kept as Daraja sent them.</summary>
internal static class DarajaSamples
{
    /// <summary>§3 official success sample [OFF-STK].</summary>
    public const string OfficialSuccessCallback = """
        {
            "Body": {
                "stkCallback": {
                    "MerchantRequestID": "29115-34620561-1",
                    "CheckoutRequestID": "ws_CO_191220191020363925",
                    "ResultCode": 0,
                    "ResultDesc": "The service request is processed successfully.",
                    "CallbackMetadata": {
                        "Item": [
                            { "Name": "Amount", "Value": 1.00 },
                            { "Name": "MpesaReceiptNumber", "Value": "NLJ7RT61SV" },
                            { "Name": "TransactionDate", "Value": 20191219102115 },
                            { "Name": "PhoneNumber", "Value": 254708374149 }
                        ]
                    }
                }
            }
        }
        """;

    /// <summary>§3 real 2023 callback with a Balance item that has no Value (paidtag.com).</summary>
    public const string BalanceWithoutValueCallback = """
        {
        "Body": {
        "stkCallback": {
        "MerchantRequestID": "96657-188398728-1",
        "CheckoutRequestID": "ws_CO_10122023133400273768130105",
        "ResultCode": 0,
        "ResultDesc": "The service request is processed successfully.",
        "CallbackMetadata": {
        "Item": [
        { "Name": "Amount", "Value": 1 },
        { "Name": "MpesaReceiptNumber", "Value": "RLA0R69NXM" },
        { "Name": "Balance" },
        { "Name": "TransactionDate", "Value": 20231210133416 },
        { "Name": "PhoneNumber", "Value": 254768130105 }
        ]
        }
        }
        }
        }
        """;

    /// <summary>§3 2022 README sample: the author masked PhoneNumber as a bare 2547484581XX, so it is not valid JSON.</summary>
    public const string MaskedPhoneInvalidJsonCallback = """
        {
          "Body": {
            "stkCallback": {
              "MerchantRequestID": "68444-143235050-2",
              "CheckoutRequestID": "ws_CO_22112022152650652748458100",
              "ResultCode": 0,
              "ResultDesc": "The service request is processed successfully.",
              "CallbackMetadata": {
                "Item": [
                  { "Name": "Amount", "Value": 1 },
                  { "Name": "MpesaReceiptNumber", "Value": "QKM0FXE6RK" },
                  { "Name": "TransactionDate", "Value": 20221122152706 },
                  { "Name": "PhoneNumber", "Value": 2547484581XX }
                ]
              }
            }
          }
        }
        """;

    /// <summary>§3 official failure sample (1032).</summary>
    public const string Cancelled1032Callback = """
        {
            "Body": {
                "stkCallback": {
                    "MerchantRequestID": "f1e2-4b95-a71d-b30d3cdbb7a7942864",
                    "CheckoutRequestID": "ws_CO_21072024125243250722943992",
                    "ResultCode": 1032,
                    "ResultDesc": "Request cancelled by user"
                }
            }
        }
        """;

    /// <summary>§3 sandbox 1019 (mpesa-php-sdk #51), written as JSON.</summary>
    public const string Expired1019Callback = """
        {"Body":{"stkCallback":{"MerchantRequestID":"53785-65856915-1","CheckoutRequestID":"ws_CO_23052022122137653708374149","ResultCode":1019,"ResultDesc":"Transaction has expired"}}}
        """;

    /// <summary>§3 sandbox 1037 [NKAP].</summary>
    public const string NoResponse1037Callback = """
        {"Body":{"stkCallback":{"MerchantRequestID":"5dbd-4f93-a478-41cdaf2b9acd86873","CheckoutRequestID":"ws_CO_220920261335362708374149","ResultCode":1037,"ResultDesc":"No response from user."}}}
        """;

    /// <summary>§3 string ResultCode (osen-wc-mpesa #48, SmoDav/mpesa #50).</summary>
    public const string OperatorDoesNotExistCallback = """
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925","ResultCode":"SFC_IC0003","ResultDesc":"The operator does not exist."}}}
        """;

    /// <summary>§4 official query response, trailing comma included.</summary>
    public const string OfficialQueryResponse = """
        {
        "ResponseCode":"0",
        "ResponseDescription": "The service request has been accepted successfully",
        "MerchantRequestID":"22205-34066-1",
        "CheckoutRequestID": "ws_CO_13012021093521236557",
        "ResultCode":"0",
        "ResultDesc":"The service request is processed successfully.",
        }
        """;

    /// <summary>§4 real cancelled query with Safaricom's "successsfully" typo (paidtag.com).</summary>
    public const string CancelledQueryWithTypo = """
        {
        "ResponseCode": "0",
        "ResponseDescription": "The service request has been accepted successsfully",
        "MerchantRequestID": "27379-162309945-1",
        "CheckoutRequestID": "ws_CO_03122023123123361110156957",
        "ResultCode": "1032",
        "ResultDesc": "Request cancelled by user"
        }
        """;

    /// <summary>§4 pending, classic (LNMOnlineAndroidSample #13): HTTP 500.</summary>
    public const string BeingProcessedQueryError = """
        {
          "requestId": "ws_CO_20022018230142206",
          "errorCode": "500.001.1001",
          "errorMessage": "The transaction is being processed"
        }
        """;

    /// <summary>§5 official v2 "masked version" confirmation.</summary>
    public const string C2BMaskedV2 = """
        {
          "TransactionType": "Pay Bill",
          "TransID": "RKL51ZDR4F",
          "TransTime": "20231121121325",
          "TransAmount": "5.00",
          "BusinessShortCode": "600966",
          "BillRefNumber": "Sample Transaction",
          "InvoiceNumber": "",
          "OrgAccountBalance": "25.00",
          "ThirdPartyTransID": "",
          "MSISDN": "2547 ***** 126",
          "FirstName": "NICHOLAS",
          "MiddleName": "",
          "LastName": ""
        }
        """;

    /// <summary>§5 v1 sample as published, with three commas missing.</summary>
    public const string C2BV1MissingCommas = """
        {
        "TransactionType": "Pay Bill",
        "TransID":"RKTQDM7W6S",
        "TransTime":"20191122063845",
        "TransAmount":"10"
        "BusinessShortCode": "600638",
        "BillRefNumber":"invoice008",
        "InvoiceNumber":"",
        "OrgAccountBalance":""
        "ThirdPartyTransID": "",
        "MSISDN":"25470****149",
        "FirstName":"John",
        "MiddleName":""
        "LastName":"Doe"
        }
        """;

    /// <summary>§5 older docs sample, one line.</summary>
    public const string C2BOlderDocs = """
        {"TransactionType":"Pay Bill","TransID":"RKTQDM7W6S","TransTime":"20191122063845","TransAmount":"10","BusinessShortCode":"600638","BillRefNumber":"254708374149","InvoiceNumber":"","OrgAccountBalance":"49197.00","ThirdPartyTransID":"","MSISDN":"254708374149","FirstName":"John","MiddleName":"","LastName":"Doe"}
        """;

    /// <summary>§5 production-style sample with a (truncated) hashed MSISDN and no MiddleName/LastName at all.</summary>
    public const string C2BHashedProduction = """
        {"TransactionType":"Pay Bill","TransID":"TCP04M1HHO","TransTime":"20250325235409","TransAmount":"10.00","BusinessShortCode":"4141247","BillRefNumber":"58000244879","InvoiceNumber":"","OrgAccountBalance":"0","ThirdPartyTransID":"","MSISDN":"697611420...","FirstName":"JOHN"}
        """;
}
