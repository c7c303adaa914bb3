"""Write a synthetic policybook project that looks like a real one.

Rules with articles, paragraphs and items; guidance pages that cite them the way staff
write (full names, short names, 同X, 同条, enumerations); the same front matter and layout
as the real site. Deterministic for a given size.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from ..numerals import to_fullwidth

_WORDS_A = ["情報", "文書", "電子", "個人", "機器", "庁舎", "契約", "会計", "人事", "福祉", "税務", "教育",
            "環境", "防災", "統計", "広報", "施設", "通信", "記録", "監査"]
_WORDS_B = ["管理", "保護", "利用", "運用", "保存", "公開", "点検", "調達", "整備", "処理", "取扱", "監視",
            "交換", "開発", "保守", "連携", "審査", "承認", "提供", "収集"]
_WORDS_C = ["基本", "事務", "業務", "安全", "適正", "共通", "特別", "標準", "臨時", "総合", "地域", "全庁",
            "内部", "外部", "緊急", "定期", "個別", "広域", "重要", "一般"]
_KINDS = ["規程", "要綱", "管理基準", "条例", "基準"]


def rule_name(n: int) -> tuple[str, str, str]:
    a, b, c = _WORDS_A[n % 20], _WORDS_B[(n // 20) % 20], _WORDS_C[(n // 400) % 20]
    kind = _KINDS[(n // 8000) % len(_KINDS)] if n >= 8000 else _KINDS[n % len(_KINDS)]
    title = f"京都市{c}{a}{b}に関する{kind}{'' if n < 8000 else n}"
    short = f"{c}{a}{b}{kind}"
    return title, short, kind


def write_rule(folder: Path, n: int, rng: random.Random) -> tuple[str, str, str, int]:
    title, short, kind = rule_name(n)
    rule_id = f"rule-{n:05d}"
    articles = rng.randint(8, 30)
    lines = ["---", f"id: {rule_id}", f"title: {title}", f"kind: {kind}", f"aliases: [{short}]",
             "status: in-force", "text_status: 全文", f"summary: {short}の合成データ。", "---", "", f"# {title}", ""]
    for a in range(1, articles + 1):
        if kind == "要綱":
            lines += [f"## 第{a}", ""]
            for p in range(1, rng.randint(1, 3) + 1):
                lines += [f"{p}　{short}の第{a}の{p}に定める事項。", ""]
            continue
        lines += [f"## 第{a}条（{_WORDS_B[a % 20]}）", "", f"{_WORDS_A[a % 20]}の{_WORDS_B[(a + n) % 20]}について定める。", ""]
        if a % 3 == 0:
            for i, kanji in enumerate(["一", "二", "三"], 1):
                lines.append(f"- {kanji}　第{i}号の定め")
            lines.append("")
        for p in range(2, rng.randint(2, 4) + 1):
            tail = "前項の規定にかかわらず、別に定める。" if a % 4 == 0 else "必要な事項は、別に定める。"
            lines += [f"{to_fullwidth(p)}　第{p}項の本文。{tail}", ""]
    (folder / f"{rule_id}.md").write_text("\n".join(lines), encoding="utf-8")
    return rule_id, title, short, articles


def write_bank(folder: Path, n: int, catalogue: list, rng: random.Random, questions: int = 5) -> str:
    """A quizdown bank whose questions cite generated rules, in the site's bank format."""
    bank_id = f"bank-{n:05d}"
    lines = ["---", f"id: {bank_id}", f"title: 確認クイズ{n}", f"topic: テーマ{n % 12}", "audience: [職員]",
             "passingGrade: 80", "---", ""]
    for q in range(1, questions + 1):
        rule_id, title, short, articles = catalogue[rng.randrange(len(catalogue))]
        kind = rule_name(int(rule_id[5:]))[2]
        where = f"{short}第{rng.randint(1, articles)}" + ("" if kind == "要綱" else "条")
        lines += [f"# {where}で定められている手続はどれですか。", "", f"<!-- id: {bank_id}-{q:02d} -->", "",
                  "1. [x] 定められた手続に従って届け出る。", "   > そのとおりです。",
                  "1. [ ] 届け出なくてよい。", f"   > {where}に反します。",
                  "1. [ ] 口頭で済ませる。", "   > 記録が残りません。", "",
                  f"<!-- explanation: {where}の定めによります。 -->", f"<!-- cites: {where} -->",
                  f"<!-- tags: テーマ{n % 12} -->", ""]
    (folder / f"{bank_id}.md").write_text("\n".join(lines), encoding="utf-8")
    return bank_id


def _toctree(entries: list[str], hidden: bool = False) -> str:
    options = ":maxdepth: 1\n" + (":hidden:\n" if hidden else "")
    return "```{toctree}\n" + options + "\n" + "\n".join(entries) + "\n```\n"


def generate(root: Path, rules: int, pages: int, citations_per_page: int, seed: int = 1,
             quiz_banks: int = 0, chapter_size: int = 0, plain: bool = False) -> dict:
    """Write the corpus under ``root``.

    ``chapter_size`` groups guidance pages into folders with their own index (as a real site
    groups them by theme); ``plain`` writes the tree plain Sphinx can build: the rule list
    becomes an ordinary toctree instead of policybook's ``policy-index``.
    """
    rng = random.Random(seed)
    (root / "policies").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    catalogue = [write_rule(root / "policies", n, rng) for n in range(rules)]
    listing = (_toctree([rule_id for rule_id, *_ in catalogue], hidden=True) if plain
               else "```{policy-index}\n```\n")
    (root / "policies" / "index.md").write_text(f"# 規程等の一覧\n\n{listing}", encoding="utf-8")
    total = 0
    guides = []
    for page in range(pages):
        folder = f"docs/ch{page // chapter_size:03d}" if chapter_size else "docs"
        (root / folder).mkdir(parents=True, exist_ok=True)
        out = [f"# ガイド{page}", "", f"この手引は、ガイド{page}の手続について、職員が行うことをまとめたものです。", ""]
        count = 0
        while count < citations_per_page:
            if count and count % 20 == 0:
                out += [f"## 手順{count // 20 + 1}", ""]
            rule_id, title, short, articles = catalogue[rng.randrange(len(catalogue))]
            kind = rule_name(int(rule_id[5:]))[2]
            name = title if rng.random() < 0.3 else short
            a = rng.randint(1, articles)
            if kind == "要綱":
                sentence = f"{name}第{a} 1に従い、届け出ます。"
                count += 1
            else:
                b = min(articles, a + 1)
                sentence = (f"{name}第{a}条第1項により手続を行い、同条第2項及び同{kind}第{b}条も確認します。"
                            f"詳しくは第{a}条、第{b}条を見てください。")
                count += 5
            out += [sentence, ""]
        total += count
        name = f"{folder}/guide-{page:05d}"
        guides.append(name)
        (root / f"{name}.md").write_text("\n".join(out), encoding="utf-8")
    sections = ["policies/index"]
    if chapter_size:
        for start in range(0, pages, chapter_size):
            chapter = f"docs/ch{start // chapter_size:03d}"
            entries = [g[len(chapter) + 1:] for g in guides[start:start + chapter_size]]
            (root / chapter / "index.md").write_text(f"# 第{start // chapter_size + 1}章\n\n{_toctree(entries)}",
                                                     encoding="utf-8")
            sections.append(f"{chapter}/index")
    else:
        sections += guides
    if quiz_banks:
        (root / "quizzes").mkdir(exist_ok=True)
        (root / "docs" / "quizzes").mkdir(exist_ok=True)
        banks = [write_bank(root / "quizzes", n, catalogue, rng) for n in range(quiz_banks)]
        for bank_id in banks:
            (root / "docs" / "quizzes" / f"{bank_id}.md").write_text(
                f"# クイズ：{bank_id}\n\n```{{quiz}} {bank_id}\n```\n", encoding="utf-8")
        (root / "docs" / "quizzes" / "index.md").write_text(f"# クイズ\n\n{_toctree(banks)}", encoding="utf-8")
        sections.append("docs/quizzes/index")
    (root / "index.md").write_text(f"# 合成サイト\n\n{_toctree(sections)}", encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.policybook]\n", encoding="utf-8")
    return {"rules": rules, "pages": pages, "citations": total, "quiz_banks": quiz_banks}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--rules", type=int, default=100)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--citations-per-page", type=int, default=50)
    args = parser.parse_args(argv)
    print(generate(args.root, args.rules, args.pages, args.citations_per_page))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
