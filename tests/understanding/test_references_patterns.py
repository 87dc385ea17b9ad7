"""Reference patterns the independent evaluation showed missing (issue 4): numbers split over
two lines by the layout, the ***...*** form and lost delimiters, and OE/CGRA file numbers
behind generic labels. Numbers are computed from the published check rules here."""

from __future__ import annotations

from nextstep.understanding.references import find_references, iban_valid, structured_valid


def ogm(first10: str) -> str:
    return first10 + f"{int(first10) % 97 or 97:02d}"


def refs(text: str) -> set[tuple[str, str]]:
    return {(r.kind, r.value) for r in find_references(text)}


def test_iban_split_over_two_lines() -> None:
    iban = "BE68539007547034"  # the ECBS example
    assert iban_valid(iban)
    text = "Rekeningnummer: BE68\n5390 0754 7034\nMet vriendelijke groeten"
    assert ("iban", iban) in refs(text)


def test_structured_communication_on_the_next_line_split_or_starred() -> None:
    d = ogm("4401234567")
    assert structured_valid(d)
    printed = f"{d[:3]}/{d[3:7]}/{d[7:]}"
    assert ("structured_communication", d) in refs(f"Mededeling:\n+++{printed}+++")
    split = f"met de mededeling +++{d[:3]}/{d[3:7]}/\n{d[7:]}+++ te vermelden"
    assert ("structured_communication", d) in refs(split)
    assert ("structured_communication", d) in refs(f"Communication : ***{printed}***")
    # OCR lost the delimiters: still found because the check digits hold
    assert ("structured_communication", d) in refs(f"Communication : {printed}")
    bad = f"{d[:3]}/{d[3:7]}/{d[7:10]}{(int(d[10:]) + 1) % 100:02d}"
    assert not any(k == "structured_communication" for k, _ in refs(f"Code {bad}"))


def test_file_numbers_behind_generic_labels_take_the_senders_kind() -> None:
    oe = "Dienst Vreemdelingenzaken\nAntwerpsesteenweg 59\n\nOns kenmerk: 9.123.456\n"
    assert ("oe_file", "9.123.456") in refs(oe)
    oe_en = "Immigration Office\nBrussels\nOur reference: 7.001.234\n"
    assert ("oe_file", "7.001.234") in refs(oe_en)
    cg = "Generalkommissariat für Flüchtlinge und Staatenlose (GKFS)\nAkte: 2711450\n"
    assert ("cgra_file", "2711450") in refs(cg)
    # the same label in a landlord's letter stays a plain file number
    other = "Immo Meuse sprl\nNotre réf. : 2023/4411\n"
    assert ("file", "2023/4411") in refs(other)
