"""Compare the scanner on the seed report with the hand-resolved citations in tests/data."""
import collections, glob, sys
from pathlib import Path
import yaml
from policybook.citations import CorpusIndex, Context, scan
from policybook.corpus import load_corpus

root = Path(__file__).resolve().parents[2]
seed = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else root / "tests" / "data" / "seed-report.txt"
corpus = load_corpus(root)
index = CorpusIndex.build(corpus.rules)
text = seed.read_text(encoding="utf-8")
found = scan(text, index, Context())
def key(e):
    return (e["line"], e["document"], None if e.get("article") is None else str(e["article"]), e.get("paragraph"), e.get("item"))
expected = []
for f in sorted(glob.glob(str(root / "tests/data/seed_citations/*.yaml"))):
    expected += yaml.safe_load(open(f, encoding="utf-8"))
exp = collections.Counter(key(e) for e in expected)
got = collections.Counter((c.line, c.rule_id, c.article, c.paragraph, c.item) for c in found)
tp = sum((exp & got).values())
print(f"expected {sum(exp.values())} found {sum(got.values())} matched {tp}")
print(f"recall {tp/sum(exp.values()):.1%} precision {tp/max(1,sum(got.values())):.1%}")
if "-v" in sys.argv:
    for k in sorted((exp - got).elements(), key=lambda k: k[0]): print("MISSED", k, text.splitlines()[k[0]-1][:90])
    for k in sorted((got - exp).elements(), key=lambda k: k[0]): print("EXTRA ", k, text.splitlines()[k[0]-1][:90])
    print(collections.Counter(c.status for c in found))
