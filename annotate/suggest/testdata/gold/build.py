#!/usr/bin/env python3
"""Builds a gold JSONL file (canonical spaCy shape, FORMATS.md "Attributes and
relations") from a hand-annotated .mark file.

Markup: articles are separated by a line "=====". Each starts with "# Title"; a line
"!crlf" after it makes the article's line breaks CRLF. Spans are written inline:
  ⟦S m1=Name|mention text⟧     a SOURCE mention with id m1 naming source "Name"
  ⟦Q m1|“quoted words”⟧         QUOTE (C CLAIM, D DEMAND) whose source mention is m1
  ⟦K 14;at least;killed;civilians|text⟧  CASUALTY: count (or min-max, or -),
                                           qualifier, kind, group ("" for none)
Spans nest. Usage: build.py FILE.mark > FILE.jsonl
"""
import json
import sys

LABELS = {"Q": "QUOTE", "C": "CLAIM", "D": "DEMAND", "K": "CASUALTY", "S": "SOURCE"}


def parse_article(raw):
    lines = raw.strip("\n").split("\n")
    title = lines[0].lstrip("# ").strip()
    crlf = len(lines) > 1 and lines[1] == "!crlf"
    body = "\n".join(lines[2 if crlf else 1:])
    raw_text = title + "\n\n" + body.strip("\n") + "\n"
    if crlf:
        raw_text = raw_text.replace("\n", "\r\n")
    out = []
    stack = []  # (start, header)
    spans = []
    i = 0
    while i < len(raw_text):
        ch = raw_text[i]
        if ch == "⟦":
            bar = raw_text.index("|", i)
            stack.append((len(out), raw_text[i + 1:bar]))
            i = bar + 1
        elif ch == "⟧":
            start, header = stack.pop()
            spans.append((start, len(out), header))
            i += 1
        else:
            out.append(ch)
            i += 1
    assert not stack, title
    text = "".join(out)
    mentions = {}
    result = []
    for start, end, header in spans:
        code, _, rest = header.partition(" ")
        label = LABELS[code]
        while text[end - 1] in ", ":
            end -= 1
        span = {"start": start, "end": end, "label": label, "text": text[start:end]}
        if code == "S":
            mid, _, name = rest.partition("=")
            assert mid not in mentions, (title, mid)
            mentions[mid] = (span, name)
        elif code == "K":
            count, qualifier, kind, group = rest.split(";")
            attrs = {}
            if "-" in count and count != "-":
                lo, hi = count.split("-")
                attrs["min"], attrs["max"] = int(lo), int(hi)
            elif count != "-":
                attrs["count"] = int(count)
            attrs["qualifier"] = qualifier
            attrs["kind"] = kind
            if group:
                attrs["group"] = group
            span["attrs"] = attrs
        else:
            span["_mention"] = rest
        result.append(span)
    relations = []
    for span in result:
        mid = span.pop("_mention", None)
        if mid is None:
            continue
        mention, name = mentions[mid]
        span["attrs"] = {"source": name}
        relations.append({
            "head_span": {"start": span["start"], "end": span["end"], "label": span["label"]},
            "child_span": {"start": mention["start"], "end": mention["end"], "label": "SOURCE"},
            "label": "SOURCE_OF"})
    result.sort(key=lambda s: (s["start"], -s["end"], s["label"]))
    for s in result:
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["text"] == s["text"].strip(), s
    return {"text": text, "spans": result, "relations": relations, "meta": {"title": title}}


def main():
    raw = open(sys.argv[1], encoding="utf-8").read()
    for article in raw.split("\n=====\n"):
        print(json.dumps(parse_article(article), ensure_ascii=False))


main()
