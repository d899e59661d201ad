"""Helpers for make_blind.py: headers, encodings and the expected-field sidecars."""
import base64
import hashlib
import json
import os
import quopri
from email.header import Header
from email.utils import formataddr

HERE = os.path.dirname(os.path.abspath(__file__))
TO = "Duebook Trading <accounts@duebook-trading.example>"
TO_ADDR = "accounts@duebook-trading.example"

FIELDS = ["provider", "kind", "trusted", "amount", "currency", "payer_name",
          "payer_email", "reference", "transaction_id", "date"]


def ar_pass(domain, mailfrom, ip="198.51.100.24"):
    return ("Authentication-Results: mx.google.com;\n"
            f"       dkim=pass header.i=@{domain} header.s=s1 header.b=Qm9vS2x5;\n"
            f"       spf=pass (google.com: domain of {mailfrom} designates {ip} as permitted sender) smtp.mailfrom={mailfrom};\n"
            f"       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from={domain}")


def ar_fail(domain, mailfrom, ip="203.0.113.66"):
    return ("Authentication-Results: mx.google.com;\n"
            f"       dkim=fail header.i=@{domain} header.s=s1 header.b=ZmFrZQ;\n"
            f"       spf=softfail (google.com: domain of transitioning {mailfrom} does not designate {ip} as permitted sender) smtp.mailfrom={mailfrom};\n"
            f"       dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from={domain}")


def received(relay, ip, date):
    return (f"Received: from {relay} ({relay}. [{ip}])\n"
            f"        by mx.google.com with ESMTPS id a640c23a62f3a-9f1e2c0b7d5si2210466b.412.2026.{date[5:7]}\n"
            f"        for <{TO_ADDR}>\n"
            f"        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\n"
            f"        {date}")


def enc_header(text, charset):
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, charset if charset != "windows-1252" else "windows-1252").encode()


def enc_addr(name, addr, charset):
    try:
        name.encode("ascii")
        return formataddr((name, addr))
    except UnicodeEncodeError:
        return f"{Header(name, charset).encode()} <{addr}>"


def encode_body(text, charset, cte):
    raw = text.encode(charset)
    if cte == "base64":
        b = base64.b64encode(raw).decode()
        return "\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + "\n"
    if cte == "quoted-printable":
        return quopri.encodestring(raw.replace(b"\n", b"\r\n")).decode("ascii").replace("\r\n", "\n")
    return text


def part(ctype, body, charset, cte):
    body = body.replace('content="text/html; charset=utf-8"', f'content="text/html; charset={charset}"')
    if cte == "7bit" and not body.isascii():
        cte = "quoted-printable"
    return (f"Content-Type: {ctype}; charset=\"{charset}\"\n"
            f"Content-Transfer-Encoding: {cte}\n\n" + encode_body(body, charset, cte))


def html_table(rows):
    out = ['<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="font-size:14px">']
    for k, v in rows:
        out.append(f'<tr><td style="color:#687173;padding:4px 0">{k}</td>'
                   f'<td style="text-align:right;padding:4px 0"><strong>{v}</strong></td></tr>')
    out.append("</table>")
    return "\n".join(out)


def html_doc(title, inner, lang="en"):
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta http-equiv="Content-Type" '
            f'content="text/html; charset=utf-8"><title>{title}</title>\n'
            '<style>body{font-family:Helvetica,Arial,sans-serif;color:#2c2e2f}</style></head>\n'
            '<body style="margin:0;padding:0;background:#f5f7fa">\n'
            '<div style="display:none;max-height:0;overflow:hidden">&nbsp;</div>\n'
            '<table width="600" align="center" cellpadding="0" cellspacing="0"><tr><td style="padding:24px">\n'
            f"{inner}\n</td></tr></table>\n</body></html>\n")


MESSAGES = []


def msg(name, from_name, from_addr, subject, date, body, expect, *, charset="utf-8",
        relay=None, ip="198.51.100.24", auth=None, extra=(), msgid_domain=None,
        from_header=None, list_unsub=False, lang=None):
    """body: list of ("plain"|"html", text, cte); one item => single part, two => alternative."""
    domain = from_addr.split("@", 1)[1]
    MESSAGES.append(dict(name=name, from_name=from_name, from_addr=from_addr, subject=subject,
                         date=date, body=body, expect=expect, charset=charset,
                         relay=relay or ("mail-out." + domain), ip=ip,
                         auth=auth if auth is not None else [ar_pass(domain, "bounce@" + domain, ip)],
                         extra=list(extra), msgid_domain=msgid_domain or domain,
                         from_header=from_header, list_unsub=list_unsub, lang=lang))


def exp(provider, kind, amount, currency, payer_name, payer_email, reference, txid, date,
        trusted=True):
    return dict(provider=provider, kind=kind, trusted=trusted, amount=amount, currency=currency,
                payer_name=payer_name, payer_email=payer_email, reference=reference,
                transaction_id=txid, date=date)


def other(provider, kind, date, trusted=True, **kw):
    """A message that is not money received: counterpart fields are not scored."""
    e = dict(provider=provider, kind=kind, trusted=trusted, amount=None, currency=None,
             payer_name=None, payer_email=None, reference=None, transaction_id=None, date=date)
    e.update(kw)
    return e


def spoof_exp():
    e = {f: None for f in FIELDS}
    e["trusted"] = False
    e["spoof"] = True
    return e


def render(m, seq):
    cs = m["charset"]
    lines = []
    lines.append("Delivered-To: " + TO_ADDR)
    lines.append(f"Received: by 2002:a05:7300:5b12:b0:10a:2f1:4c3 with SMTP id k18csp{seq:04d}dyb;\n        {m['date']}")
    google = [a for a in m["auth"] if a.startswith("Authentication-Results: mx.google.com;")]
    if google:
        # Gmail's ARC copy of its own verdict (RFC 8617), as in real mail.
        lines.append(google[0].replace("Authentication-Results: mx.google.com;",
                                       "ARC-Authentication-Results: i=1; mx.google.com;", 1))
    lines.append(f"Return-Path: <bounce@{m['from_addr'].split('@', 1)[1]}>")
    lines.append(received(m["relay"], m["ip"], m["date"]))
    lines.extend(m["auth"])
    if m["from_header"] is not None:
        lines.extend(m["from_header"])
    else:
        lines.append("From: " + enc_addr(m["from_name"], m["from_addr"], cs))
    lines.append("To: " + TO)
    lines.append("Subject: " + enc_header(m["subject"], cs))
    lines.append("Date: " + m["date"])
    h = hashlib.sha1(m["name"].encode()).hexdigest()
    lines.append(f"Message-ID: <{h[:8]}.{h[8:20]}.{h[20:24]}@{m['msgid_domain']}>")
    for h in m["extra"]:
        lines.append(h)
    if m["list_unsub"]:
        d = m["from_addr"].split("@", 1)[1]
        lines.append(f"List-Unsubscribe: <https://{d}/unsubscribe?u=7f3a9c>, <mailto:unsubscribe@{d}?subject=unsubscribe>")
        lines.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        lines.append("Precedence: bulk")
    lines.append("MIME-Version: 1.0")
    parts = m["body"]
    if len(parts) == 1:
        kind, text, cte = parts[0]
        lines.append(part("text/" + kind, text, cs, cte))
        return "\n".join(lines)
    boundary = f"----=_Part_{seq}_1783302.1772460000"
    lines.append(f'Content-Type: multipart/alternative; boundary="{boundary}"\n')
    for kind, text, cte in parts:
        lines.append("--" + boundary)
        lines.append(part("text/" + kind, text, cs, cte))
    lines.append("--" + boundary + "--\n")
    return "\n".join(lines)



def mini(h):
    """Providers send HTML as one long line; quoted-printable then breaks it anywhere."""
    return "".join(line.strip() for line in h.splitlines()) + "\n"




LANG = {"de": "de", "fr": "fr", "frca": "fr", "es": "es", "sparkasse": "de", "deutschebank": "de",
        "ubs": "de", "n26": "de", "bbva": "es", "santander": "es", "bnp": "fr"}


def lang_of(name):
    for tok in name.split("_"):
        if tok in LANG:
            return LANG[tok]
    return "en"


