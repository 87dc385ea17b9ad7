"""The word lists and rule tables of the understanding rules are data files in the package
(``nextstep/understanding/data``): every list has words, none of them empty (an empty
alternative matches everywhere), and every pattern built from them compiles."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from nextstep.model import CATEGORIES
from nextstep.understanding import classify, dates

DATA = resources.files("nextstep.understanding").joinpath("data")


def _lists(table: dict[str, Any], path: str = "") -> Iterator[tuple[str, Any]]:
    """Every list and every word-to-number table below ``table``, with its dotted name."""
    for key, value in table.items():
        name = f"{path}.{key}" if path else key
        if isinstance(value, dict) and not all(isinstance(v, int) for v in value.values()):
            yield from _lists(value, name)
        else:
            yield name, value


WORDS = tomllib.loads(DATA.joinpath("dates.toml").read_text("utf-8"))
LISTS = dict(_lists(WORDS))


def test_the_module_reads_the_shipped_file() -> None:
    assert dates.WORDS == WORDS
    assert len(LISTS) > 60


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_list_has_words_and_compiles(name: str) -> None:
    words = LISTS[name]
    assert words, f"{name} is empty"
    for word in words:
        assert isinstance(word, str) and word.strip(), f"{name} holds an empty word: {word!r}"
    if isinstance(words, dict):  # words for numbers
        assert all(isinstance(n, int) and n > 0 for n in words.values()), name
    else:
        re.compile("|".join(words), re.I)


def test_months_name_twelve_months_in_each_language() -> None:
    months = WORDS["calendar"]["months"]
    assert sorted(months) == ["de", "en", "fr", "nl"]
    assert all(len(names) == 12 for names in months.values())
    assert set(WORDS["calendar"]["month_variants"].values()) <= set(range(1, 13))


def test_every_pattern_built_from_the_lists_compiles() -> None:
    built = {name: v for name, v in vars(dates).items() if isinstance(v, re.Pattern)}
    built |= {f"KIND_CUES[{k}]": v for k, v in dates.KIND_CUES.items()}
    assert len(built) > 40
    fragments = [v for v in vars(dates).values() if isinstance(v, str) and "|" in v]
    fragments += list(dates._EVENT_WORDS.values())
    assert len(fragments) > 10
    for fragment in fragments:
        re.compile(fragment, re.I)
    # an empty alternative would match anywhere, also in an empty text
    for name, rx in built.items():
        assert rx.search("") is None or rx.pattern.startswith("^") or "$" in rx.pattern, name


def test_the_category_rule_table_is_read_from_its_file() -> None:
    text = DATA.joinpath("category_rules.txt").read_text("utf-8")
    assert text == classify.RULES
    rules = classify._parse_rules(text)
    assert {cat for cat, _w, _alts in rules} <= set(CATEGORIES)
    for cat, _weight, alts in rules:
        assert alts and all(a.strip() for a in alts), cat
        for alt in alts:
            re.compile(alt.lstrip("="))
    assert len(classify.SIGNALS) == sum(len(alts) for _c, _w, alts in rules)
