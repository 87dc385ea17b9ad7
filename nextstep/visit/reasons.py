"""Classification reasons in the staff's language, at display time.

The classifier (:mod:`nextstep.understanding.classify`) and the session record reasons as
short English data ("phrase 'CGRA' -> asylum"), kept as they are in outcomes and the JSON of
``nextstep understand``. The review screen shows them to staff through :func:`reason_text`,
which maps each known shape to a ``staff`` msgid; an unknown reason is shown unchanged.
"""

from __future__ import annotations

import re

from nextstep import i18n
from nextstep.i18n import NS_, staff_text

_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"institution '(?P<label>.*)' -> (?P<category>[a-z_]+)"),
        NS_("institution '{label}' -> {category}"),
    ),
    (
        re.compile(r"phrase '(?P<label>.*)' -> (?P<category>[a-z_]+)"),
        NS_("phrase '{label}' -> {category}"),
    ),
    (
        re.compile(r"words (?P<words>.*) -> (?P<category>[a-z_]+) \(model\)"),
        NS_("words {words} -> {category} (model)"),
    ),
    (
        re.compile(r"none of the ten topics' signals: other"),
        NS_("none of the ten topics' signals: other"),
    ),
    (re.compile(r"no readable text: needs review"), NS_("no readable text: needs review")),
    (
        re.compile(r"only (?P<n>\d+) words: the rules decide"),
        NS_("only {n} words: the rules decide"),
    ),
    (
        re.compile(r"confidence (?P<conf>[0-9.]+) below (?P<threshold>[0-9.]+): needs review"),
        NS_("confidence {conf} below {threshold}: needs review"),
    ),
    (
        re.compile(r"too little evidence for any category: needs review"),
        NS_("too little evidence for any category: needs review"),
    ),
    (re.compile(r"set by staff"), NS_("set by staff")),
)


def reason_text(reason: str, language: str) -> str:
    """``reason`` in the staff ``language``; category slugs become category names."""
    for pattern, msgid in _REASONS:
        found = pattern.fullmatch(reason)
        if found:
            fields = dict(found.groupdict())
            if "category" in fields and i18n.lang2(language) != "en":
                fields["category"] = i18n.category(language, fields["category"])
            return staff_text(language, msgid).format(**fields)
    return reason
