using System.Text;

namespace WifiBilling.Radius.Tests.Support;

/// <summary>
/// Packets as hex: the worked examples of RFC 2865 §7 and RFC 5997 §6 (secret "xyzzy5461"), and packets captured from
/// FreeRADIUS radclient 3.2.1 sending to a plain UDP listener (secret "testing123"; inputs noted per vector).
/// </summary>
public static class RadiusTestVectors
{
    public const string RfcSecret = "xyzzy5461";
    public const string RadclientSecret = "testing123";

    /// <summary>RFC 2865 §7.1: User-Name "nemo", User-Password "arctangent", NAS-IP-Address 192.168.1.16, NAS-Port 3.</summary>
    public const string Rfc2865AccessRequest =
        "010000380f403f9473978057bd83d5cb98f4227a01066e656d6f02120dbe708d93d413ce3196e43f782a0aee0406c0a80110050600000003";

    /// <summary>RFC 2865 §7.1 reply: Service-Type Login, Login-Service Telnet, Login-IP-Host 192.168.1.3.</summary>
    public const string Rfc2865AccessAccept =
        "0200002686fe220e7624ba2a1005f6bf9b55e0b20606000000010f06000000000e06c0a80103";

    /// <summary>RFC 2865 §7.2: CHAP request of "flopsy", NAS-Port 20, Service-Type Framed, Framed-Protocol PPP.</summary>
    public const string Rfc2865ChapRequest =
        "01 01 00 47 2a ee 86 f0 8d 0d 55 96 9c a5 97 8e 0d 33 67 a2 01 08 66 6c 6f 70 73 79 03 13 16 e9 75 57 c3 16 18 58 " +
        "95 f2 93 ff 63 44 07 72 75 04 06 c0 a8 01 10 05 06 00 00 00 14 06 06 00 00 00 02 07 06 00 00 00 01";

    /// <summary>RFC 2865 §7.3: Access-Challenge with Reply-Message and State.</summary>
    public const string Rfc2865AccessChallenge =
        "0b 02 00 4e 36 f3 c8 76 4a e8 c7 11 57 40 3c 0c 71 ff 9c 45 12 30 43 68 61 6c 6c 65 6e 67 65 20 33 32 37 36 39 34 " +
        "33 30 2e 20 20 45 6e 74 65 72 20 72 65 73 70 6f 6e 73 65 20 61 74 20 70 72 6f 6d 70 74 2e 18 0a 33 32 37 36 39 34 33 30";

    /// <summary>RFC 5997 §6.1: Status-Server (Id 218) to the authentication port, with Message-Authenticator.</summary>
    public const string Rfc5997StatusServerAuth =
        "0cda00268a54f4686fb394c52866e302185d062350125a665e2e1e8411f3e243822097c84fa3";

    /// <summary>RFC 5997 §6.1 reply: Access-Accept without attributes.</summary>
    public const string Rfc5997StatusServerAuthReply = "02da0014ef0d552a4bf2d693ec2b6fe8b5411d66";

    /// <summary>RFC 5997 §6.2: Status-Server (Id 179) to the accounting port.</summary>
    public const string Rfc5997StatusServerAcct =
        "0cb30026925f6b66dd5fed571fcb1db7ad3882605012e8d6eabda910875cd91fdade26367858";

    /// <summary>RFC 5997 §6.2 reply: Accounting-Response without attributes.</summary>
    public const string Rfc5997StatusServerAcctReply = "05b300140f6f92145f107e2f504e860a4860669c";

    /// <summary>
    /// radclient auth, MikroTik PAP shape (mikrotik.md §1.2 a): User-Name/User-Password "kostas2", NAS-IP-Address
    /// 192.168.40.102, NAS-Port 2163212291, NAS-Identifier "MikroTik", Calling-Station-Id, Called-Station-Id "hotspot1",
    /// Mikrotik-Host-IP 10.5.50.253, WISPr-Logoff-URL, Service-Type Login-User. No Message-Authenticator.
    /// </summary>
    public const string RadclientPapRequest =
        "011e0093a20dcff906f45c2d9f9761710ef6fb2b01096b6f7374617332021276e59c890d1943c5fbf33fdb6b4e9e5c0406c0a82866050680f00003200a4d696b726f54696b1f1333303a33393a32363a38363a43433a45411e0a686f7473706f74311a0c00003a8c0a060a0532fd1a1f0000372a0319687474703a2f2f31302e352e35302e312f6c6f676f7574060600000001";

    /// <summary>radclient auth: User-Name "flopsy", CHAP-Password from "chapsecret" (challenge = Request Authenticator), NAS-Identifier "MikroTik".</summary>
    public const string RadclientChapRequest =
        "015900393c43701be929aaeb05853eb4e3e3d7510108666c6f7073790313094cb402687a9582eaca08b996160decbe200a4d696b726f54696b";

    /// <summary>
    /// radclient auth: User-Name "thepumper", CHAP-Password from "pumpkin42" with CHAP-Challenge
    /// 19a63ce2e283187f977609b470b01368, NAS-Identifier "KhwanrichaiHome", Message-Authenticator.
    /// </summary>
    public const string RadclientChapChallengeRequest =
        "010e00671ea362d93ec447af62f75e57cdd9612a010b74686570756d70657203130e53405b0689dc98cbac717b06c07e82ac3c1219a63ce2e283187f977609b470b0136820114b6877616e726963686169486f6d655012a51308e336953d75bb32e1d68ebbed7c";

    /// <summary>radclient auth: User-Name "longpass", User-Password "this-password-is-longer-than-32-bytes-ok" (3 blocks), Message-Authenticator, NAS-Identifier "MikroTik".</summary>
    public const string RadclientLongPasswordRequest =
        "0138006c1c055b805cbe93a82118facc66757d47010a6c6f6e677061737302324aeeb74f1f8b9eb10428393a63702307e41a2e96c3cd1989e00a155e92cf9bab8318a0323c6845760460941414bc175c50124e597cfa6dc4451d76e79a5f3d49af22200a4d696b726f54696b";

    public const string RadclientLongPassword = "this-password-is-longer-than-32-bytes-ok";

    /// <summary>
    /// radclient acct: Acct-Status-Type Start, User-Name "thepumper", Acct-Session-Id "80100014", NAS-Port 2148532244,
    /// Framed-IP-Address 10.5.88.2, Event-Timestamp 1782750782, NAS-Identifier, Acct-Delay-Time 0, NAS-IP-Address 10.0.0.1.
    /// </summary>
    public const string RadclientAccountingStart =
        "04a6005ebffe7e4814f0b1762f04065d4e81a3b3280600000001010b74686570756d7065722c0a383031303030313405068010001408060a05580237066a429e3e20114b6877616e726963686169486f6d6529060000000004060a000001";

    /// <summary>radclient status: Status-Server with Message-Authenticator.</summary>
    public const string RadclientStatusServer = "0c030026459d9f1968c3d80f3f48ed33b7e146165012d533ce5a202b70dac08ad0bc3a5000fb";

    /// <summary>radclient disconnect: User-Name, Acct-Session-Id, Framed-IP-Address, NAS-IP-Address, Message-Authenticator.</summary>
    public const string RadclientDisconnectRequest =
        "28690047b6c44b92fd2a0e640e1ff9f6087b96e8010b74686570756d7065722c0a383031303030313408060a05580204060a0000015012e8a2d8bdf36c83a41d3b2d46af04b018";

    /// <summary>radclient coa: User-Name, Acct-Session-Id, Session-Timeout 600, Mikrotik-Rate-Limit "1M/2M"; no Message-Authenticator.</summary>
    public const string RadclientCoaRequest =
        "2bea003cd7e8f84fd9b07dd6cdead2e86aa8f3e3010b74686570756d7065722c0a38303130303031341b06000002581a0d00003a8c0807314d2f324d";

    public static byte[] RfcSecretBytes => Encoding.ASCII.GetBytes(RfcSecret);

    public static byte[] RadclientSecretBytes => Encoding.ASCII.GetBytes(RadclientSecret);

    /// <summary>Hex to bytes; spaces are ignored so long vectors can be split for reading.</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
