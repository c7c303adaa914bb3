"""A small in-memory rule corpus for citation tests, written in the real source format."""

from __future__ import annotations

from policybook.citations import CorpusIndex
from policybook.corpus import load_rule_text

RULES = {
    "jorei": ("京都市個人情報保護条例", "条例", "aliases: [個人情報保護条例]", """
## 第2条

定義。

- 一　個人情報
- 三　実施機関

４　電子計算機処理。

## 第6条

収集。

２　本人外収集。

３　センシティブ情報。

## 第7条

届出。

## 第8条

目的外利用。

## 第8条の2

提供。

## 第9条

九条。

## 第10条

電子計算機処理。

２　新たな処理。

## 第12条

適正管理。

２　個人情報管理責任者。

## 第13条　削除

## 第40条

統計法。

３　職員の情報。

４　四項。
"""),
    "kitei": ("京都市高度情報化推進のための情報システムの適正な利用等に関する規程", "規程",
              "aliases: [情報システムの適正な利用等に関する規程]", """
## 第2条

定義。

- 五　情報セキュリティ

## 第5条

３　統括責任者。
"""),
    "kobunsho": ("京都市公文書取扱規程", "規程", "aliases: [公文書取扱規程]", """
## 第3条

４　ただし書の要旨。

## 第40条

未処理の公文書。

## 第48条

持出し。
"""),
    "kijun": ("京都市情報セキュリティ対策基準", "基準", "aliases: [情報セキュリティ対策基準]", "## 第1条\n\n総則。\n"),
    "network": ("ネットワーク管理基準", "管理基準", "parent: kijun\nnumber: 5", "## 第17条\n\n許可。\n\n## 第18条\n\n設定。\n"),
    "denshi": ("電子情報等の保護に関する管理基準", "管理基準", "parent: kijun\nnumber: 1",
               "## 第4条\n\n重要性。\n\n## 第7条\n\n持出し。\n\n## 第8条\n\n送信。\n"),
    "yoko": ("京都市個人情報の保護に関する事務取扱要綱", "要綱", "aliases: [個人情報保護事務取扱要綱]",
             "## 第3\n\n1　充てる。\n\n2　指揮監督。\n"),
    "jichi": ("地方自治法", "法律", "", "## 第199条\n\n２　監査。\n"),
    "old": ("旧規程", "規程", "", "## 第1条\n\n廃止済み。\n"),
    "tebiki": ("個人情報保護事務の手引", "手引", "aliases: [個人情報保護条例の趣旨及び運用]",
               "## 3　京都市個人情報保護条例の趣旨及び運用\n\n趣旨。\n"),
}


def build_rules():
    rules = []
    for rule_id, (title, kind, extra, body) in RULES.items():
        status = "repealed" if rule_id == "old" else "in-force"
        text = (f"---\nid: {rule_id}\ntitle: {title}\nkind: {kind}\nstatus: {status}\ntext_status: 要旨\n"
                f"{extra + chr(10) if extra else ''}---\n\n# {title}\n{body}")
        loaded = load_rule_text(text, f"policies/{rule_id}.md")
        assert not [d for d in loaded.diagnostics if d.code not in ("PB112",)], loaded.diagnostics
        rules.append(loaded.rule)
    return rules


def build_index() -> CorpusIndex:
    return CorpusIndex.build(build_rules())
