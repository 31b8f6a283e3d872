"""Dev script (session 9): the new/dropped findings of the TUNING pairs of tests/gold/yoy, each
with its key rows' statuses, its place (paragraph / sentence / clause), length and text, and the
tuning key rows with the same place features, as JSON lines for reading and counting signals.
Scores tuning pairs only (pairs.csv split == tuning).
Usage: .venv/bin/python benchmarks/rhetoric_findings.py OUT.jsonl [pair names]"""
import csv, json, re, sys
from pathlib import Path

from reportdiff.api import compare
from reportdiff.export import finding_dict
from reportdiff.model import Region
from reportdiff.yoy_eval import _norm, _resolve, _rows

gold = Path("tests/gold/yoy")
out = open(sys.argv[1], "w", encoding="utf-8")
names = sys.argv[2:]


def place(doc, sid):
    m = re.search(r"\.p(\d+)\.s(\d+)$", sid)
    return (int(m.group(1)), int(m.group(2))) if m else (-1, -1)


for p in csv.DictReader(open(gold / "pairs.csv", encoding="utf-8")):
    if p["split"] != "tuning" or (names and p["name"] not in names):
        continue
    a, b = _resolve(p["a"], Path("."), Path("/work/shared/corpus")), _resolve(p["b"], Path("."), Path("/work/shared/corpus"))
    cmp = compare(a, b)
    keys = {"a": _rows(gold / p["name"] / "a_commitments.tsv"), "b": _rows(gold / p["name"] / "b_commitments.tsv")}
    docs = {"a": cmp.a, "b": cmp.b}
    sents = {s: {x.id: x for x in docs[s].sentences} for s in "ab"}
    # first sentence rank in each paragraph / section
    for f in map(finding_dict, cmp.findings):
        if f["type"] not in ("new", "dropped"):
            continue
        side = "b" if f["type"] == "new" else "a"
        text = f[f"{side}_text"]
        sid = f[f"{side}_ids"][0]
        s = sents[side][sid]
        t = _norm(text)
        rows = [r for r in keys[side] if _norm(r["text"]) and _norm(r["text"]) in t]
        st = [r["status"] for r in rows]
        want = f["type"]
        verdict = "unjudged" if not rows else ("right" if want in st else ("rhet" if set(st) == {"rhetoric"} else ("cont" if "rhetoric" not in st else "both")))
        par, k = place(docs[side], sid)
        off = s.text.find(text[:6])
        out.write(json.dumps({"pair": p["name"], "kind": "finding", "type": f["type"], "verdict": verdict, "statuses": st, "rows": [r["text"] for r in rows],
                              "text": text, "sentence": s.text, "sid": sid, "par": par, "sent_in_par": k, "clause_off": off, "len": len(_norm(text)),
                              "section": docs[side].section_path(s.section), "clause": "clause" in f["detail"]}, ensure_ascii=False) + "\n")
    for side in "ab":
        commit = [x for x in docs[side].sentences if x.region == Region.COMMITMENTS]
        for r in keys[side]:
            n = _norm(r["text"])
            if not n:
                continue
            hit = next((x for x in commit if n in _norm(x.text)), None)
            if hit is None:
                out.write(json.dumps({"pair": p["name"], "kind": "row", "side": side, "status": r["status"], "text": r["text"], "sid": None}, ensure_ascii=False) + "\n")
                continue
            par, k = place(docs[side], hit.id)
            out.write(json.dumps({"pair": p["name"], "kind": "row", "side": side, "status": r["status"], "text": r["text"], "sentence": hit.text, "sid": hit.id,
                                  "par": par, "sent_in_par": k, "clause_off": _norm(hit.text).find(n), "len": len(n),
                                  "section": docs[side].section_path(hit.section)}, ensure_ascii=False) + "\n")
    print(p["name"], file=sys.stderr)
