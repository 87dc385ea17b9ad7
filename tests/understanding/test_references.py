"""Checksums against published or hand-computed vectors, and extraction from letter text."""

from __future__ import annotations

import pytest

from nextstep.understanding.references import (
    find_references,
    iban_valid,
    nrn_valid,
    structured_valid,
)


@pytest.mark.parametrize(
    "number, ok",
    [
        ("85073003328", True),  # born 1985: 97 - 850730033 % 97 = 28
        ("85073003329", False),
        ("17073003384", True),  # born 2017: 97 - 2170730033 % 97 = 84
        ("17073003383", False),
        ("1707300338", False),  # too short
    ],
)
def test_national_register_checksum(number: str, ok: bool) -> None:
    assert nrn_valid(number) is ok


def test_national_register_century_rule_is_computed_not_listed() -> None:
    base = "170730033"
    assert 97 - int(base) % 97 != 97 - int("2" + base) % 97  # the two rules differ here
    assert nrn_valid(base + f"{97 - int('2' + base) % 97:02d}")


@pytest.mark.parametrize(
    "iban, ok",
    [
        ("BE68 5390 0754 7034", True),  # ECBS/SWIFT published example
        ("NL91ABNA0417164300", True),
        ("DE89 3704 0044 0532 0130 00", True),
        ("FR14 2004 1010 0505 0001 3M02 606", True),
        ("BE68 5390 0754 7035", False),
        ("BE68 5390 0754 703", False),  # wrong length for Belgium
        ("NL91ABNA0417164301", False),
    ],
)
def test_iban_checksum(iban: str, ok: bool) -> None:
    assert iban_valid(iban) is ok


@pytest.mark.parametrize(
    "digits, ok",
    [
        ("012345678939", True),  # 0123456789 % 97 = 39
        ("012345678940", False),
        ("000000009797", True),  # remainder 0 is written 97
        ("000000009700", False),
    ],
)
def test_structured_communication_checksum(digits: str, ok: bool) -> None:
    assert structured_valid(digits) is ok


def test_finds_and_validates_all_kinds_in_french_text() -> None:
    text = (
        "Madame, numéro de registre national : 85.07.30-033.28\n"
        "Merci de verser 120,00 EUR sur le compte BE68 5390 0754 7034 avec la communication "
        "+++012/3456/78939+++ avant le 15 mars 2027.\n"
        "Votre dossier CGRA : 26/10452 - OE : 8.123.456\n"
    )
    refs = {(r.kind, r.value): r.valid for r in find_references(text)}
    assert refs[("national_register", "85073003328")] is True
    assert refs[("iban", "BE68539007547034")] is True
    assert refs[("structured_communication", "012345678939")] is True
    assert ("cgra_file", "26/10452") in refs
    assert ("oe_file", "8.123.456") in refs


def test_invalid_numbers_are_reported_invalid_not_dropped() -> None:
    text = (
        "Rijksregisternummer: 85.07.30-033.29\nRekening BE68 5390 0754 7035, "
        "mededeling +++012/3456/78940+++"
    )
    refs = {r.kind: r.valid for r in find_references(text)}
    assert refs == {
        "national_register": False,
        "iban": False,
        "structured_communication": False,
    }


def test_dutch_and_german_labels() -> None:
    nl = "Ons kenmerk: OCMW/2026/4471\nDossiernummer DVZ 7.654.321\nCGVS 2612345"
    kinds = {r.kind for r in find_references(nl)}
    assert {"file", "oe_file", "cgra_file"} <= kinds
    de = "Aktenzeichen: 3 K 1234/26\nIBAN DE89 3704 0044 0532 0130 00"
    refs = find_references(de)
    assert any(r.kind == "iban" and r.valid for r in refs)


def test_unlabelled_invalid_eleven_digits_are_not_a_national_number() -> None:
    assert not [r for r in find_references("Total 12345678901 points") if r.kind != "file"]
