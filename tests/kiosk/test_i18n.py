"""The kiosk reads the domain's catalogues, and RTL text is put in visual order."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk import i18n

# Catalogue completeness for every domain (staff, person, documents): tests/test_i18n.py.


def test_translations_are_used_at_run_time() -> None:
    i18n.set_languages(staff="nl", person="tr")
    assert i18n._("Staff sign-in") == "Aanmelden medewerker"
    assert i18n._p("Thank you") == "Teşekkürler"
    i18n.set_languages(staff="de", person="es")
    assert i18n._("Staff sign-in") == "Anmeldung Personal"
    assert i18n._p("Thank you") == "Gracias"


def test_every_language_shows_its_own_name_and_script() -> None:
    names = {lang.code: lang.native for lang in i18n.LANGUAGES}
    assert names["ar"] == "العربية" and names["ti"] == "ትግርኛ" and names["ps"] == "پښتو"
    assert set(i18n.PERSON_LANGUAGES) == {
        "fr",
        "nl",
        "en",
        "de",
        "ar",
        "fa",
        "ps",
        "ti",
        "es",
        "tr",
        "sq",
    }
    assert set(i18n.STAFF_LANGUAGES) == {"fr", "nl", "en", "de"}


def test_rtl_is_reordered_into_visual_order() -> None:
    logical = "نعم 12"
    shown = i18n.display(logical, "ar")
    # Visual order for a right-to-left line: the number (which stays left-to-right) comes
    # first on the left, the Arabic word follows, its letters reversed and joined.
    assert shown.startswith("12 ")
    word = shown[3:]
    assert len(word) == 3
    # Shaping replaced the isolated letters by their presentation (joined) forms.
    assert all(0xFE70 <= ord(ch) <= 0xFEFF for ch in word)
    assert word != "نعم" and word[::-1] != "نعم"
    # Left-to-right languages are untouched.
    assert i18n.display("Merci 12", "fr") == "Merci 12"


def test_rtl_wrap_reorders_each_line_separately() -> None:
    text = "هذه جملة طويلة جدا للتجربة فقط"
    wrapped = i18n.wrap(text, "ar", 12).split("\n")
    assert len(wrapped) > 1
    logical_lines = __import__("textwrap").wrap(text, 12)
    assert [i18n.display(line, "ar") for line in logical_lines] == wrapped
    # The first visual line holds the start of the sentence (its first word is rightmost).
    first_word = i18n.display(text.split()[0], "ar")
    assert wrapped[0].endswith(first_word)


def test_person_text_in_rtl_language_is_displayed_reordered() -> None:
    i18n.set_languages(person="fa")
    raw = i18n.person_raw("Thank you")
    assert raw == "سپاس"
    assert i18n._p("Thank you") == i18n.display(raw, "fa") != raw


def test_staff_can_switch_the_staff_language_on_home(make_kiosk: object) -> None:
    import asyncio

    from kiosk.app import KioskApp
    from kiosk.screens.staff import HomeScreen

    kiosk = make_kiosk()  # type: ignore[operator]
    kiosk.staff = "demo"
    app: Any = KioskApp(kiosk, first="none")
    seen = []

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            app.goto_home()
            await pilot.pause()
            for _ in range(4):
                button: Any = app.screen.query_one("#new")
                seen.append(str(button.label))
                await pilot.press("g")
                await pilot.pause()
            assert isinstance(app.screen, HomeScreen)

    asyncio.run(run())
    assert seen == ["Nouvelle personne", "Nieuwe persoon", "New person", "Neue Person"]


@pytest.mark.parametrize(
    ("word", "shaped"),
    [
        # پ initial + ښ (no forms) + ت medial + و final: the joins on both sides of ښ hold
        ("پښتو", "\ufb58\u069a\ufe98\ufeee"),
        # ک initial before right-joining ړ; ه isolated after it (ړ never joins forward)
        ("کړه", "\ufb90\u0693\ufee9"),
        # و final after dual-joining ټ, ل initial, و final
        ("ټولو", "\u067c\ufeee\ufedf\ufeee"),
    ],
)
def test_pashto_letters_without_presentation_forms_keep_their_neighbours_joined(
    word: str, shaped: str
) -> None:
    import arabic_reshaper

    assert i18n.shape(word) == shaped
    assert arabic_reshaper.reshape(word) != shaped  # the plain reshaper breaks these joins
    # the terminal line is the shaped word in visual order
    assert i18n.display(word, "ps") == shaped[::-1]


def test_shaping_leaves_arabic_and_persian_as_the_reshaper_does() -> None:
    import arabic_reshaper

    for text in ("مستنداتي", "مهلت‌های من", "لا إله"):
        assert i18n.shape(text) == arabic_reshaper.reshape(text)


@pytest.mark.parametrize(
    ("lang", "sentence", "hint"),
    [
        ("fr", "la connexion est bloquée encore 120 secondes", "demandez à un collègue"),
        ("nl", "aanmelden is nog 120 seconden geblokkeerd", "vraag een collega"),
        ("de", "Die Anmeldung ist noch 120 Sekunden gesperrt", "Kollegin oder einen Kollegen"),
        ("en", "sign-in is locked for 120 more seconds", "ask a colleague"),
    ],
)
def test_lock_out_is_shown_in_the_staff_language(lang: str, sentence: str, hint: str) -> None:
    from kiosk.messages import translate
    from nextstep.staff import StaffLocked

    i18n.set_languages(staff=lang)
    try:
        shown = translate(StaffLocked(120))
    finally:
        i18n.set_languages(staff="fr")
    assert shown is not None
    assert sentence in shown[0] and hint in shown[1]


def test_the_big_passphrase_fits_an_80_column_screen() -> None:
    """Three cells a big digit: each line of whole groups stays under 80 columns with its frame."""
    from crypto import passphrase as pp
    from kiosk.widgets import passphrase_lines

    secret = pp.generate()
    lines = passphrase_lines(secret)
    assert "-".join(" ".join(lines).split()) == secret
    assert all(len(line) * 3 + 6 <= 80 for line in lines)
    assert lines[0].count(" ") == 1  # two groups on the first line, not one a line
