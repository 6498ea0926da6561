"""Checks factmark's spaCy/Prodigy export with real spaCy (not run by CI; needs `pip install spacy`,
no model).

    factmark export sample-docs --format spacy | python tests/spacy_check.py
    python tests/spacy_check.py --stress target/debug/factmark     # Unicode/whitespace stress docs

For every line: Doc(vocab, words=[t.text], spaces=[t.ws]).text must equal the text, every
token's start/end/id must be spaCy's idx/idx+len/i, and every span must come back from
doc.char_span(start, end) (strict alignment) with its text and token_start/token_end.
Exits 1 if anything fails. tests/spacy_alignment.rs runs the same checks in Rust.
"""

import json
import os
import random
import subprocess
import sys
import tempfile

import spacy
from spacy.tokens import Doc

PIECES = ["a", "Bc", "word", "3.7", "1,200", "don't", "-", ".", ",", '"', "«", "é", "e\u0301",
          "陈", "静", "📉", "👨\u200d👩\u200d👧", "🇫🇷", " ", " ", " ", "  ", "   ", "\n", "\n\n",
          "\r\n", "\r\n\r\n", "\r", "\t", "\u00a0", "\u2028", "\u2029", "\u0085", "\u001c",
          "\u001f", "\u3000", "\u200b", "\u202f", "\u2009"]


def stress_export(binary):
    """20 stress documents (CRLF, BOM, NBSP, tabs, Python-only whitespace, emoji, CJK), each
    with its whole text and 12 random spans annotated through the CLI; returns the export."""
    rng = random.Random(7)
    d = tempfile.mkdtemp()
    for k in range(20):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(5, 120)))
        if k == 0:
            text = ("\ufeff  \tLead\u00a0ing  (x)\r\n\r\nLe\u00a0ministre : «\u00a03\u00a0%\u00a0» "
                    "📉 陈静\u3000说.\n\n \n")
        name = f"doc{k:02}.txt"
        with open(os.path.join(d, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        n = len(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
        starts = [rng.randrange(n) for _ in range(12)]
        spans = {(0, n)} | {(s, min(n, s + rng.randint(1, 15))) for s in starts}
        for s, e in sorted(spans):
            tag = rng.choice(["claim", "quote", "date", "entity"])
            subprocess.run([binary, "add", name, "--tag", tag, "--span", f"{s}:{e}",
                            "--author", "stress"], cwd=d, check=True, capture_output=True)
    out = subprocess.run([binary, "export", ".", "--format", "spacy"], cwd=d, check=True,
                         capture_output=True, text=True)
    return out.stdout.split("\n")  # not splitlines(): that also splits at U+2028, U+0085…


def check(lines):
    vocab = spacy.blank("en").vocab
    docs = text_ok = tokens = token_ok = spans = span_ok = 0
    failures = []
    for line in lines:
        if not line.strip():
            continue
        d = json.loads(line)
        docs += 1
        name = d["meta"]["document"]
        words = [t["text"] for t in d["tokens"]]
        spaces = [t["ws"] for t in d["tokens"]]
        try:
            doc = Doc(vocab, words=words, spaces=spaces)
        except ValueError as e:
            failures.append(f"{name}: Doc() raised {e}")
            spans += len(d["spans"])
            continue
        if doc.text == d["text"]:
            text_ok += 1
        else:
            failures.append(f"{name}: Doc(words, spaces).text != text")
        for tok, t in zip(doc, d["tokens"]):
            tokens += 1
            token_ok += (tok.idx, tok.idx + len(tok), tok.i) == (t["start"], t["end"], t["id"])
        for s in d["spans"]:
            spans += 1
            sp = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
            if (sp is not None and sp.text == d["text"][s["start"]:s["end"]]
                    and (sp.start, sp.end) == (s["token_start"], s["token_end"] + 1)):
                span_ok += 1
            else:
                failures.append(f"{name}: char_span({s['start']}, {s['end']}) -> {sp!r}")
    print(f"spaCy {spacy.__version__}: {docs} documents; Doc(words, spaces).text == text: "
          f"{text_ok}/{docs}; token start/end/id == idx/idx+len/i: {token_ok}/{tokens}; "
          f"strict char_span gives the span: {span_ok}/{spans}")
    for f in failures[:10]:
        print("  ", f)
    return text_ok == docs and token_ok == tokens and span_ok == spans


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--stress":
        ok = check(stress_export(os.path.abspath(sys.argv[2])))
    else:
        ok = check(sys.stdin)
    sys.exit(0 if ok else 1)
