#!/usr/bin/env python3
"""Writes the blind held-out set (issue 13): NAME.eml plus NAME.eml.json.

Written by an independent author without reading the parser (app/inbox/*.go) or its
corpus (app/inbox/testdata/corpus). The layouts follow the providers' public mails as
described in their help pages and public samples; names, amounts and ids are invented.

Sidecar fields are what a careful human reads in the mail. A field set to null is not
scored (e.g. the counterparty of a payment you sent, or anything but trust in a spoof).
Run from this directory: python3 make_blind.py
"""
import json
import os
import sys

sys.dont_write_bytecode = True

from blind_mail import MESSAGES, HERE, render, lang_of
import msgs_more
import msgs_transfers
import msgs_wallets


def main():
    msgs_wallets.paypal()
    msgs_wallets.stripe()
    msgs_wallets.square()
    msgs_transfers.wise()
    msgs_transfers.interac()
    msgs_transfers.zelle()
    msgs_transfers.venmo()
    msgs_transfers.banks()
    msgs_more.batch2()
    msgs_more.batch3()
    msgs_more.plain_customer()
    msgs_more.spoofs()
    for f in os.listdir(HERE):
        if f.endswith(".eml") or f.endswith(".eml.json"):
            os.remove(os.path.join(HERE, f))
    names = set()
    for i, m in enumerate(MESSAGES, 1):
        assert m["name"] not in names, m["name"]
        names.add(m["name"])
        eml = render(m, i)
        with open(os.path.join(HERE, m["name"] + ".eml"), "w", encoding="ascii", newline="\n") as fh:
            fh.write(eml if eml.endswith("\n") else eml + "\n")
        e = dict(m["expect"])
        e.setdefault("spoof", False)
        e["lang"] = m["lang"] or lang_of(m["name"])
        with open(os.path.join(HERE, m["name"] + ".eml.json"), "w", encoding="utf-8") as fh:
            json.dump(e, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
    print(len(MESSAGES), "messages")


if __name__ == "__main__":
    main()
