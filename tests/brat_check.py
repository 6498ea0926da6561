"""Reads a brat folder exported by factmark with brat's own parser (server/src/annotation.py of
https://github.com/nlplab/brat, used on its own: it needs nothing else of brat) and prints what
brat sees, one JSON object per line, for tests/brat_parser.rs to compare with factmark's import.

    python3 tests/brat_check.py PATH/TO/annotation.py FOLDER

For every NAME.ann: {"document": NAME, "relations": [[TYPE, [[s, e], ...], TEXT1, [[s, e], ...],
TEXT2], ...], "notes": [[TARGET_SPANS, TEXT], ...], "errors": [...]} with each relation's
arguments as the spans and text of the text-bound annotations they name. brat's TextAnnotations
checks every span's text against NAME.txt while parsing; a mismatch or a syntax error is an
error here and the script exits 1.
"""

import importlib.util
import json
import os
import sys


def load(parser_path):
    spec = importlib.util.spec_from_file_location("brat_annotation", parser_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    brat = load(sys.argv[1])
    folder = sys.argv[2]
    failed = False
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ann"):
            continue
        base = os.path.join(folder, name[: -len(".ann")])
        with open(base + ".txt", encoding="utf-8") as f:
            text = f.read()
        with open(base + ".ann", encoding="utf-8") as f:
            source = f.read()
        errors = []
        try:
            anns = brat.TextAnnotations(text=text, read_only=True, source=source)
        except Exception as e:  # a syntax error or a span that does not hold its text
            print(json.dumps({"document": name, "errors": [repr(e)]}))
            failed = True
            continue
        # In programmatic use brat collects its messages in anns.messages.messages.
        collector = getattr(anns, "messages", None)
        messages = getattr(collector, "messages", collector)
        if messages is not None and not getattr(messages, "ok", True):
            errors.extend(messages.errors)
        if getattr(anns, "failed_lines", None):
            errors.extend("failed line %d" % n for n in anns.failed_lines)
        by_id = {t.id: t for t in anns.get_textbounds()}

        def arg(ident):
            t = by_id[ident]
            spans = [list(s) for s in t.spans]
            return spans, " ".join(text[s:e] for s, e in t.spans)

        relations = []
        for r in anns.get_relations():
            s1, t1 = arg(r.arg1)
            s2, t2 = arg(r.arg2)
            relations.append([r.type, s1, t1, s2, t2])
        notes = []
        for c in anns.get_oneline_comments():
            if c.type == "AnnotatorNotes" and c.target in by_id:
                notes.append([arg(c.target)[0], c.tail.strip()])
        failed = failed or bool(errors)
        print(json.dumps({"document": name, "relations": relations, "notes": notes,
                          "errors": errors}, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
