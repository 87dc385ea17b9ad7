"""Passphrases: entropy, check digits (Damm, published vector), normalisation, group errors."""

from __future__ import annotations

import math

import pytest

from crypto import passphrase as pp


def test_damm_published_vector() -> None:
    # Damm's worked example: the check digit of 572 is 4, and 5724 checks to 0.
    assert pp.damm("572") == 4
    assert pp.damm("5724") == 0


def test_generate_shape_entropy_and_validity() -> None:
    phrases = {pp.generate() for _ in range(200)}
    assert len(phrases) == 200
    for phrase in phrases:
        groups = phrase.split("-")
        assert len(groups) == pp.GROUPS and all(len(g) == 10 and g.isdigit() for g in groups)
        assert pp.validate(phrase)
        # poppler's command-line tools keep 32 characters: the printed form must fit.
        assert len(phrase) <= pp.MAX_PASSWORD_CHARS == 32
        assert len(pp.digits_only(phrase)) <= 32
    assert pp.ENTROPY_BITS >= 80
    assert math.isclose(pp.ENTROPY_BITS, 27 * math.log2(10))


def test_digits_are_uniform_enough() -> None:
    # 200 phrases x 27 random digits: each digit value should appear ~540 times.
    counts = [0] * 10
    for _ in range(200):
        for group in pp.generate().split("-"):
            for ch in group[:9]:
                counts[int(ch)] += 1
    assert min(counts) > 410 and max(counts) < 670


def test_normalize_accepts_spaces_no_separators_and_arabic_digits() -> None:
    phrase = pp.generate()
    digits = phrase.replace("-", "")
    arabic = digits.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert pp.normalize(digits) == phrase
    assert pp.normalize(phrase.replace("-", " ")) == phrase
    assert pp.normalize(arabic) == phrase
    assert pp.check(" " + phrase.replace("-", " - ") + " ") == phrase


def test_single_digit_error_and_adjacent_swap_name_the_group() -> None:
    phrase = pp.generate()
    for group in range(pp.GROUPS):
        for pos in range(10):
            i = group * 11 + pos
            wrong = str((int(phrase[i]) + 1) % 10)
            typo = phrase[:i] + wrong + phrase[i + 1 :]
            with pytest.raises(pp.PassphraseError) as err:
                pp.check(typo)
            assert err.value.group == group + 1
            assert f"Group {group + 1}" in err.value.message
        a, b = group * 11, group * 11 + 1
        if phrase[a] != phrase[b]:
            swapped = phrase[:a] + phrase[b] + phrase[a] + phrase[b + 1 :]
            assert not pp.validate(swapped)


def test_swapped_groups_are_caught() -> None:
    phrase = pp.generate()
    g = phrase.split("-")
    if g[0] != g[1]:
        assert not pp.validate("-".join([g[1], g[0], *g[2:]]))


def test_wrong_length_and_letters_have_their_own_messages() -> None:
    with pytest.raises(pp.PassphraseError, match="has 5 digits"):
        pp.normalize("12345")
    with pytest.raises(pp.PassphraseError, match="not a digit"):
        pp.normalize("12345a")


def _legacy_phrase() -> str:
    # The first layout: five groups of five random digits, each closed by its check digit.
    groups = []
    for i in range(5):
        body = "".join(str((i * 7 + k * 3) % 10) for k in range(5))
        groups.append(body + str(pp.damm(str(i + 1) + body)))
    return "-".join(groups)


def test_first_layout_bundles_still_open() -> None:
    legacy = _legacy_phrase()
    assert len(legacy) == 34
    assert pp.check(legacy) == legacy
    assert pp.check(legacy.replace("-", "")) == legacy
    assert legacy in pp.candidates(legacy.replace("-", " "))


def test_candidates_offer_the_printed_form_and_bare_digits() -> None:
    phrase = pp.generate()
    digits = phrase.replace("-", "")
    arabic = digits.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    for typed in (phrase, digits, phrase.replace("-", " "), arabic):
        got = pp.candidates(typed)
        assert got[:2] == [phrase, digits]
    assert pp.candidates("") == []
    assert pp.candidates("not digits") == ["not digits"]
