"""The cover page's "where to get help" block: each coming deadline with who can act on it.

Why deadlines first: an appeal deadline missed by a day cannot be recovered, while general
addresses can be looked up later. Each deadline is paired with the services of its document's
category that handle that kind of deadline, so the person sees "15/12 appeal -> legal aid
office" rather than a list of addresses to sort through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from nextstep.bundle.cover import HelpSection
from nextstep.model import Deadline, Document
from nextstep.referral.directory import Directory, Service
from nextstep.referral.texts import both, is_rtl, t

DeadlineInput = Deadline | tuple[Deadline, str]
KNOWN_KINDS = frozenset({"appeal", "payment", "appointment", "expiry", "response"})
MAX_DEADLINES = 5
SERVICES_PER_DEADLINE = 2
MAX_OTHER_SERVICES = 4


def date_text(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def deadlines_from_documents(documents: Iterable[Document]) -> list[tuple[Deadline, str]]:
    """Each deadline with the category of the document it came from (what matching needs)."""
    return [(d, doc.classification.category) for doc in documents for d in doc.deadlines]


def _pairs(
    deadlines: Iterable[DeadlineInput], categories: Sequence[str]
) -> list[tuple[Deadline, tuple[str, ...]]]:
    out: list[tuple[Deadline, tuple[str, ...]]] = []
    for item in deadlines:
        if isinstance(item, tuple):
            out.append((item[0], (item[1],)))
        else:
            out.append((item, tuple(categories)))
    return out


def upcoming(
    deadlines: Iterable[DeadlineInput], categories: Sequence[str], today: dt.date
) -> list[tuple[Deadline, tuple[str, ...]]]:
    """Deadlines from today on, earliest first (past ones are on the cover already)."""
    pairs = [p for p in _pairs(deadlines, categories) if p[0].date >= today]
    return sorted(pairs, key=lambda p: (p[0].date, p[0].kind))


def when_text(day: dt.date, today: dt.date, language: str) -> str:
    days = (day - today).days
    if days < 0:
        return both("past", language)
    if days == 0:
        return both("today", language)
    return both("days_left", language, n=days)


def kind_text(kind: str, language: str) -> str:
    return both(kind if kind in KNOWN_KINDS else "other", language)


def pair_lines(key: str, language: str, **kw: object) -> list[str]:
    """One "own (French)" line, or two lines when the person's language is right-to-left
    (mixing scripts on one line scrambles the reading order in many renderers)."""
    own, fr = t(key, language, **kw), t(key, "fr", **kw)
    if own == fr:
        return [own]
    return [own, fr] if is_rtl(language) else [f"{own} ({fr})"]


def service_lines(service: Service, language: str, *, indent: str = "") -> list[str]:
    """Name, what for (person's language and French), address, hours, phone, appointment."""
    # no brackets around the mark on right-to-left lines: extractors mirror them
    mark = f" · {t('to_check', language)}" if is_rtl(language) else f" ({t('to_check', language)})"
    lines = [f"{indent}{service.name}"]
    own, fr = service.help_text(language), service.help_text("fr")
    lines.append(f"{indent}  {own}")
    if own != fr:
        lines.append(f"{indent}  {fr}")
    address = service.address + (mark if service.unverified("address") else "")
    lines.append(f"{indent}  {both('address', language)}: {address}")
    details = []
    if service.opening_hours:
        hours = service.opening_hours + (mark if service.unverified("opening_hours") else "")
        details.append(f"{both('hours', language)}: {hours}")
    if service.phone:
        phone = service.phone + (mark if service.unverified("phone") else "")
        details.append(f"{both('phone', language)}: {phone}")
    details.append(both("appointment_yes" if service.appointment else "appointment_no", language))
    if service.languages:
        details.append(f"{both('languages', language)}: {', '.join(service.languages)}")
    lines.append(f"{indent}  " + " - ".join(details))
    return lines


def contact_lines(service: Service, language: str) -> list[str]:
    """The short form for the key card: name, address, phone (marks where unverified)."""
    lines = [service.name, service.address]
    if service.phone:
        lines.append(f"{both('phone', language)}: {service.phone}")
    return lines


def help_sections(
    directory: Directory,
    categories: Iterable[str],
    deadline_kinds: Iterable[str],
    deadlines: Iterable[DeadlineInput],
    language: str,
    *,
    today: dt.date | None = None,
) -> list[HelpSection]:
    """One section per coming deadline (with its services), then the other useful services.

    ``deadlines`` are ``(Deadline, category)`` pairs (see :func:`deadlines_from_documents`) or
    bare deadlines, which are then matched against all ``categories``.
    """
    today = today or dt.date.today()
    cats = [c for c in dict.fromkeys(categories) if c]
    kinds = list(dict.fromkeys(deadline_kinds))
    sections: list[HelpSection] = []
    shown: set[str] = set()
    for deadline, dcats in upcoming(deadlines, cats, today)[:MAX_DEADLINES]:
        services = directory.services_for(dcats, [deadline.kind])
        services = [s for s in services if deadline.kind in s.deadline_kinds] or services
        when = when_text(deadline.date, today, language)
        lines: list[str] = []
        if is_rtl(language):
            kind = deadline.kind if deadline.kind in KNOWN_KINDS else "other"
            title = f"{date_text(deadline.date)} - {t(kind, 'fr')} - {when}"
            lines.append(t(kind, language))
        else:
            title = f"{date_text(deadline.date)} - {kind_text(deadline.kind, language)} - {when}"
        lines += [f"{line}:" for line in pair_lines("who", language)]
        for service in services[:SERVICES_PER_DEADLINE]:
            lines += service_lines(service, language, indent="  ")
            shown.add(service.id)
        contact = contact_lines(services[0], language) if services else []
        sections.append(HelpSection(title, lines, kind="deadline", contact=contact))
    others = [s for s in directory.services_for(cats, kinds) if s.id not in shown]
    for service in others[:MAX_OTHER_SERVICES]:
        lines = service_lines(service, language)
        sections.append(
            HelpSection(
                lines[0], lines[1:], kind="service", contact=contact_lines(service, language)
            )
        )
    if directory.sample and sections:
        title, *rest = pair_lines("sample", language)
        sections.append(HelpSection(title, [*rest, directory.version], kind="notice"))
    return sections


def help_section(
    directory: Directory,
    categories: Iterable[str],
    deadline_kinds: Iterable[str],
    deadlines: Iterable[DeadlineInput],
    language: str,
    *,
    today: dt.date | None = None,
) -> HelpSection:
    """The same content as :func:`help_sections`, flattened into one titled section."""
    parts = help_sections(directory, categories, deadline_kinds, deadlines, language, today=today)
    lines: list[str] = []
    for part in parts:
        lines.append(part.title)
        lines.extend(part.lines)
    return HelpSection(title=both("help_title", language), lines=lines)
