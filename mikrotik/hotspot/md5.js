/*
 * MD5 (RFC 1321) for HTTP-CHAP hotspot logins, written for WifiBilling.
 * One source for two places: the router serves it from the hotspot folder, the portal serves it as /md5.js.
 *
 * hexMD5(s): lower-case hex MD5 of a "binary string". Characters up to U+00FF are taken as one byte each,
 * which is what the router's JavaScript literals '$(chap-id)' and '$(chap-challenge)' decode to (octal escapes,
 * one character per byte); anything above U+00FF is encoded as UTF-8. CHAP password for the router:
 * hexMD5(chapId + password + chapChallenge) (RFC 1994 order: identifier, secret, challenge).
 * binaryToHex / hexToBinary carry chap-id and chap-challenge through a URL without losing bytes.
 *
 * Plain ES3 (no let, arrow functions or typed arrays) so the oldest phone browsers run it.
 */
var hexMD5, binaryToHex, hexToBinary;

(function () {
  var K = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
  ];
  // Left-rotation amounts: four per round, repeated for the round's 16 steps (RFC 1321 section 3.4).
  var S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  var HEX = '0123456789abcdef';

  function toBytes(s) {
    var bytes = [], i, c, d;
    for (i = 0; i < s.length; i++) {
      c = s.charCodeAt(i);
      if (c < 0x100) {
        bytes.push(c);
      } else if (c < 0x800) {
        bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length &&
          (d = s.charCodeAt(i + 1)) >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      } else {
        bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      }
    }
    return bytes;
  }

  function wordToHex(w) {
    var out = '', i, b;
    for (i = 0; i < 4; i++) {
      b = (w >>> (8 * i)) & 255; // little-endian byte order (RFC 1321 section 3.5)
      out += HEX.charAt(b >> 4) + HEX.charAt(b & 15);
    }
    return out;
  }

  hexMD5 = function (s) {
    var bytes = toBytes(String(s)), length = bytes.length, i, j, off;
    // Padding: one 0x80 byte, zeros up to 56 mod 64, then the bit length as 64-bit little-endian.
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) {
      bytes.push(0);
    }
    var bitsLow = (length * 8) >>> 0, bitsHigh = Math.floor(length / 0x20000000);
    for (i = 0; i < 4; i++) {
      bytes.push((bitsLow >>> (8 * i)) & 255);
    }
    for (i = 0; i < 4; i++) {
      bytes.push((bitsHigh >>> (8 * i)) & 255);
    }

    var h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476;
    var x = [], a, b, c, d, f, g, t, r, sum;
    for (off = 0; off < bytes.length; off += 64) {
      for (j = 0; j < 16; j++) {
        i = off + 4 * j;
        x[j] = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
      }
      a = h0; b = h1; c = h2; d = h3;
      for (i = 0; i < 64; i++) {
        if (i < 16) {
          f = (b & c) | (~b & d); g = i;
        } else if (i < 32) {
          f = (d & b) | (~d & c); g = (5 * i + 1) & 15;
        } else if (i < 48) {
          f = b ^ c ^ d; g = (3 * i + 5) & 15;
        } else {
          f = c ^ (b | ~d); g = (7 * i) & 15;
        }
        r = S[((i >> 4) << 2) | (i & 3)];
        sum = (a + f + K[i] + x[g]) | 0;
        t = d; d = c; c = b;
        b = (b + ((sum << r) | (sum >>> (32 - r)))) | 0;
        a = t;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    }
    return wordToHex(h0) + wordToHex(h1) + wordToHex(h2) + wordToHex(h3);
  };

  binaryToHex = function (s) {
    var out = '', i, c;
    for (i = 0; i < s.length; i++) {
      c = s.charCodeAt(i) & 255;
      out += HEX.charAt(c >> 4) + HEX.charAt(c & 15);
    }
    return out;
  };

  hexToBinary = function (h) {
    var out = '', i;
    h = String(h);
    for (i = 0; i + 1 < h.length; i += 2) {
      out += String.fromCharCode(parseInt(h.substr(i, 2), 16));
    }
    return out;
  };
})();
