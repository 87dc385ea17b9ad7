"""The directory file: the shipped sample, strict validation, matching order."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from nextstep.model import CATEGORIES, DEADLINE_KINDS
from nextstep.referral import ReferralError, load_directory, parse_directory, sample_path
from nextstep.referral.directory import default_path


def sample_data() -> dict:
    return tomllib.loads(sample_path().read_text(encoding="utf-8"))


def test_sample_is_marked_and_covers_every_category() -> None:
    d = load_directory(sample_path())
    assert d.sample and "SAMPLE" in d.notice and "SAMPLE" in sample_path().read_text()[:200]
    assert d.region == "Liège" and d.version
    for slug in CATEGORIES:
        assert d.services_for([slug]), f"no service for {slug}"
    used_kinds = {k for s in d.services for k in s.deadline_kinds}
    assert used_kinds == set(DEADLINE_KINDS)
    # nothing in a sample may pass as verified
    assert all(not s.verified for s in d.services)
    assert any("sample" in line for line in d.to_check())


def test_matching_puts_who_can_act_on_the_deadline_first() -> None:
    d = load_directory(sample_path())
    appeal = d.services_for(["asylum"], ["appeal"])
    assert appeal[0].id == "baj-liege"
    assert all("asylum" in s.categories for s in appeal)
    kinds_first = [("appeal" in s.deadline_kinds) for s in appeal]
    assert kinds_first == sorted(kinds_first, reverse=True)
    rent = [s.id for s in d.services_for(["housing"], ["payment"])]
    assert {"cpas-liege", "cpas-liege-dettes"} <= set(rent[:3])
    assert [s.id for s in d.services_for(["nonexistent"])] == ["monde-des-possibles"]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["service"][0].update(categories=["asylum", "housng"]), "housng"),
        (lambda d: d["service"][1].update(id=d["service"][0]["id"]), "appears twice"),
        (lambda d: d["service"][2]["help"].pop("fr"), "French"),
        (lambda d: d["service"][3].update(deadline_kinds=["apeal"]), "apeal"),
        (lambda d: d["service"][0].update(appointment="yes"), "true or false"),
        (lambda d: d["directory"].update(format=2), "format"),
        (lambda d: d["service"][0].update(categories=[]), "never be proposed"),
        (lambda d: d["service"][0].update(id="CPAS Liège"), "lower-case"),
    ],
)
def test_mistakes_name_the_entry_and_field(mutate, expected: str) -> None:  # noqa: ANN001
    data = sample_data()
    mutate(data)
    with pytest.raises(ReferralError) as err:
        parse_directory(data)
    assert expected in err.value.message


def test_syntax_error_and_json(tmp_path: Path) -> None:
    bad = tmp_path / "dir.toml"
    bad.write_text('[directory]\nversion = "1\n', encoding="utf-8")
    with pytest.raises(ReferralError, match="syntax error"):
        load_directory(bad)
    as_json = tmp_path / "dir.json"
    as_json.write_text(json.dumps(sample_data(), default=str), encoding="utf-8")
    assert len(load_directory(as_json).services) == len(load_directory(sample_path()).services)
    with pytest.raises(ReferralError, match="cannot be read"):
        load_directory(tmp_path / "absent.toml")


def test_the_organisation_copy_wins_over_the_sample(tmp_path: Path) -> None:
    assert default_path(tmp_path) == sample_path()
    own = tmp_path / "referral" / "directory.toml"
    own.parent.mkdir()
    text = sample_path().read_text(encoding="utf-8").replace("sample = true", "sample = false")
    own.write_text(text, encoding="utf-8")
    assert default_path(tmp_path) == own
    assert not load_directory(data_dir=tmp_path).sample
