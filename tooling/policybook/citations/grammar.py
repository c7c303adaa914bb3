"""Regular expressions for the pieces of a citation, over the original text.

Numerals may be arabic, full-width or kanji; the report's OCR puts spaces inside them
(「第 40 条」), so optional blanks are allowed between every piece. Offsets always refer to
the text as written.
"""

from __future__ import annotations

import re

from .. import numbering
from ..numbering import NUM, NUM_CHARS

SP = r"[ \t\u3000]*(?:\n[ \t\u3000]*)?"   # blanks, at most one line break

ARTICLE = numbering.article(SP)
PARAGRAPH = rf"第{SP}(?P<para>{NUM}){SP}項"
ITEM = rf"第{SP}(?P<item>{NUM}){SP}号"
PART = r"(?P<part>ただし書き?|本文|前段|後段|柱書き?|各号列記以外の部分)"
SUPPL = numbering.suppl(SP)
APPENDIX = numbering.appendix(SP)
# 要綱 numbering 第3 2 (第3 の 2): only after a 要綱-like document
YOKO = rf"第{SP}(?P<yoko>{NUM})(?![{NUM_CHARS}]|{SP}(?:条|項|号|章|節|款|目|次|回|期|編|種|類|位|者|部|段))(?:[ \t\u3000]+(?P<yokosub>[0-9０-９]+)(?![0-9０-９.(（]))?"
SECTION = r"[ \t\u3000]*(?P<section>[0-9０-９]+)(?=[ \t\u3000])"

RELATIVE = r"(?P<rel>同|前|次|本)(?P<relunit>条|項|号)(?!例|約|文|件|目)"
# 同条例, 同規程 … : the most recent document whose name ends so
DOC_SUFFIXES = ("管理基準", "対策基準", "実施基準", "利用基準", "基準", "条例", "規程", "規則", "要綱", "要領",
                "手引", "通知", "ガイドライン", "仕様書", "解説書", "方針", "法")
DOC_ANAPHORA = r"(?:同|当該)(?P<anaph>" + "|".join(DOC_SUFFIXES) + r")"
THIS_DOC = r"(?:この|本)(?P<this>条例|規程|規則|要綱|要領|基準|管理基準|法律|手引)"

CONNECTOR = re.compile(rf"{SP}(?:、|，|,|・|及び|並びに|又は|若しくは|と){SP}")
RANGE = re.compile(rf"{SP}(?:から|～|〜){SP}")
RANGE_END = re.compile(rf"{SP}まで")

# Things that look like citations but are not
LAW_NUMBER = re.compile(rf"(?:明治|大正|昭和|平成|令和)\s*(?:{NUM}|元)\s*年\s*(?:法律|政令|条例|規則|省令|府令|告示|訓令|通知)\s*第\s*{NUM}\s*号")
FORM_NUMBER = re.compile(rf"様式\s*第\s*{NUM}\s*号")
ALIAS_DEFINITION = re.compile(r"[（(]以下[「『](?P<alias>[^」』]{1,60})[」』]という。?[）)]")

# An unknown document: a run of kanji/katakana (with の between runs) ending in a suffix,
# directly followed by an article.
_NAME_CHARS = r"[\u4e00-\u9fff\u30a0-\u30ffー々・]"
UNKNOWN_DOC = re.compile(
    rf"(?P<name>{_NAME_CHARS}(?:{_NAME_CHARS}|の(?={_NAME_CHARS}))*?(?:法律|法|条例|規則|規程|基準|準則|要綱|要領|規約|細則))"
    rf"(?={SP}[（(]?{SP}第{SP}{NUM}{SP}条)")

ARTICLE_RE = re.compile(ARTICLE)
PARAGRAPH_RE = re.compile(PARAGRAPH)
ITEM_RE = re.compile(ITEM)
PART_RE = re.compile(PART)
SUPPL_RE = re.compile(SUPPL)
APPENDIX_RE = re.compile(APPENDIX)
YOKO_RE = re.compile(YOKO)
SECTION_RE = re.compile(SECTION)
RELATIVE_RE = re.compile(RELATIVE)
DOC_ANAPHORA_RE = re.compile(DOC_ANAPHORA)
THIS_DOC_RE = re.compile(THIS_DOC)
OPEN_PAREN_RE = re.compile(rf"{SP}[（(]{SP}")
