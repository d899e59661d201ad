"""mkmail: writes the corpus messages (.eml, CRLF) and their sidecars (.json).

The message texts are in set_a.py .. set_e.py, written by hand from public samples of
provider and bank notices; this file only does the MIME work (multipart/alternative,
quoted-printable, base64, ISO-8859-1 and Windows-1252 bodies, encoded-word subjects).
Run: python3 mkmail.py (from this directory). The sidecar holds the parse-mail fields
that a bookkeeper reading the message would write down (all but "why").
"""
import base64, email.utils, hashlib, json, os, quopri, re, sys
from email.header import Header

HERE = os.path.dirname(os.path.abspath(__file__))
TO = "Brightside Studio <accounts@brightside-studio.example>"


def ar_pass(dom, serv="mx.google.com"):
    return (f"{serv};\r\n\tdkim=pass header.i=@{dom} header.s=pp1 header.b=Xk3rT0aQ;\r\n"
            f"\tspf=pass ({serv}: domain of bounce@{dom} designates 198.51.100.24 as permitted sender) smtp.mailfrom=bounce@{dom};\r\n"
            f"\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from={dom}")


def ar_fail(dom, serv="mx.google.com"):
    return (f"{serv};\r\n\tdkim=none;\r\n\tspf=softfail ({serv}: domain of transitioning bounce@{dom} does not designate 203.0.113.66 as permitted sender) smtp.mailfrom=bounce@{dom};\r\n"
            f"\tdmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from={dom}")


def table(rows, title=None, intro=None, outro=None, lang="en"):
    """An HTML notice in the usual layout: headline, intro paragraphs, a label/value table."""
    h = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title or ""}</title>'
         '<style>td{font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#2c2e2f}</style></head><body>'
         '<table width="100%" cellpadding="0" cellspacing="0" role="presentation"><tr><td align="center">'
         '<table width="600" cellpadding="0" cellspacing="0">']
    if title:
        h.append(f'<tr><td style="font-size:28px;padding:20px 0"><strong>{title}</strong></td></tr>')
    for p in intro or []:
        h.append(f'<tr><td style="padding:6px 0">{p}</td></tr>')
    if rows:
        h.append('<tr><td><table width="100%" style="border-top:1px solid #ccc">')
        for k, v in rows:
            h.append(f'<tr><td style="padding:4px 0;color:#687173" width="45%">{k}</td>'
                     f'<td style="padding:4px 0" align="right"><span>{v}</span></td></tr>')
        h.append('</table></td></tr>')
    for p in outro or []:
        h.append(f'<tr><td style="padding:6px 0;font-size:12px;color:#687173">{p}</td></tr>')
    h.append('</table></td></tr></table></body></html>')
    return "\n".join(h)


def encode_body(text, cte, charset):
    raw = text.replace("\r\n", "\n").encode(charset)
    if cte == "base64":
        b = base64.encodebytes(raw).decode("ascii")
    elif cte == "quoted-printable":
        b = quopri.encodestring(raw).decode("ascii")
    else:
        b = raw.decode(charset)
        if cte == "7bit" and any(ord(c) > 127 for c in b):
            cte = "8bit"
        return b, cte, raw
    return b, cte, None


def part_headers(ctype, charset, cte):
    return [f'Content-Type: {ctype}; charset="{charset}"', f"Content-Transfer-Encoding: {cte}"]


def subject_header(s, charset):
    if all(ord(c) < 128 for c in s):
        return s
    return Header(s, "utf-8" if charset == "us-ascii" else charset).encode()


def addr_header(v):
    if all(ord(c) < 128 for c in v):
        return v
    name, addr = email.utils.parseaddr(v)
    return Header(name, "utf-8").encode() + " <" + addr + ">"


def build(m):
    frm = m["frm"]
    dom = m.get("dom") or email.utils.parseaddr(frm)[1].split("@")[-1]
    charset = m.get("charset", "utf-8")
    cte = m.get("cte", "quoted-printable")
    mid = m.get("mid") or hashlib.sha1(m["path"].encode()).hexdigest()[:24] + "@" + (m.get("mid_dom") or dom)
    hs = []
    hs.append(f"Return-Path: <bounce@{dom}>")
    if m.get("delivered", "accounts@brightside-studio.example"):
        hs.append("Delivered-To: " + m.get("delivered", "accounts@brightside-studio.example"))
    for a in m.get("ar_top", [ar_pass(dom)]):
        hs.append("Authentication-Results: " + a)
    hs.append(f"Received: from mta{len(m['path']) % 9}.{dom} (mta.{dom} [198.51.100.24])\r\n\tby mx.google.com with ESMTPS id x12si3370181qkb.44\r\n\tfor <accounts@brightside-studio.example>; {m['date']}")
    for a in m.get("ar_below", []):
        hs.append("Authentication-Results: " + a)
    hs.append(f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={dom}; s=pp1;\r\n\th=from:to:subject:date:message-id; bh=frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=;\r\n\tb=VGhpcyBpcyBhIHRlc3QgZml4dHVyZSwgbm90IGEgcmVhbCBzaWduYXR1cmUu")
    hs.append("Date: " + m["date"])
    hs.append("From: " + addr_header(frm))
    hs.append("To: " + addr_header(m.get("to", TO)))
    hs.append("Subject: " + subject_header(m["subject"], charset))
    hs.append(f"Message-ID: <{mid}>")
    hs.extend(m.get("headers", []))
    hs.append("MIME-Version: 1.0")
    text, html = m.get("text"), m.get("html")
    body = []
    if text is not None and html is not None:
        bnd = "----=_Part_" + hashlib.md5(m["path"].encode()).hexdigest()[:16]
        hs.append(f'Content-Type: multipart/alternative; boundary="{bnd}"')
        body.append("")
        body.append("This is a multi-part message in MIME format.")
        body.append("")
        for ctype, t in (("text/plain", text), ("text/html", html)):
            b, c, _ = encode_body(t, cte, charset)
            body.append("--" + bnd)
            body.extend(part_headers(ctype, charset, c))
            body.append("")
            body.append(b.rstrip("\n"))
        body.append("--" + bnd + "--")
    else:
        t = text if text is not None else html
        ctype = "text/plain" if text is not None else "text/html"
        b, c, _ = encode_body(t, cte, charset)
        hs.extend(part_headers(ctype, charset, c))
        body.append("")
        body.append(b.rstrip("\n"))
        body.pop(0)
        body.insert(0, "")
    lines = "\r\n".join(hs) + "\r\n" + "\r\n".join(l for l in "\n".join(body).split("\n")) + "\r\n"
    out = lines.encode(charset if charset != "us-ascii" else "ascii", errors="strict") if cte in ("8bit", "7bit") else lines.encode("ascii")
    return out, mid


FIELDS = ["file", "message_id", "provider", "kind", "trusted", "amount", "currency", "payer_name",
          "payer_email", "reference", "transaction_id", "date"]


def write(msgs, root):
    for m in msgs:
        raw, mid = build(m)
        path = os.path.join(root, m["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(raw)
        want = {"file": os.path.basename(m["path"]), "message_id": mid, "trusted": True}
        for k in FIELDS:
            if k not in want:
                want[k] = ""
        for k, v in m["want"].items():
            if k not in FIELDS:
                sys.exit(f"{m['path']}: unknown field {k}")
            want[k] = v
        with open(path + ".json", "w", encoding="utf-8") as f:
            json.dump({k: want[k] for k in FIELDS}, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    import set_a
    write(set_a.MSGS, HERE)
    import set_b
    write(set_b.MSGS, HERE)
    import set_c
    write(set_c.MSGS, HERE)
    import set_d
    write(set_d.MSGS, HERE)
    import set_e
    write(set_e.MSGS, HERE)
    import set_f
    write(set_f.MSGS, HERE)
