"""Dates as Japanese readers expect them: 2010年4月（平成22年4月）."""

from __future__ import annotations

import datetime as _dt

from ..metadata import parse_date

# (era, first day) newest first
_ERAS = (("令和", _dt.date(2019, 5, 1)), ("平成", _dt.date(1989, 1, 8)),
         ("昭和", _dt.date(1926, 12, 25)), ("大正", _dt.date(1912, 7, 30)))


def japanese(value: str) -> str:
    parts = parse_date(value)
    year = parts[0]
    western = f"{year}年" + (f"{parts[1]}月" if len(parts) > 1 else "") + (f"{parts[2]}日" if len(parts) > 2 else "")
    # compare at the precision given; a month that straddles an era change keeps the later era
    probe = _dt.date(year, parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
    for era, start in _ERAS:
        if probe >= start:
            n = year - start.year + 1
            era_year = "元" if n == 1 else str(n)
            rest = western[len(f"{year}年"):]
            return f"{western}（{era}{era_year}年{rest}）"
    return western
