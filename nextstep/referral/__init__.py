"""Referral: the organisation's directory of services, matched to categories and deadlines.

Public API::

    load_directory(path=None) -> Directory      # the organisation's file, else the sample
    Directory.services_for(categories, deadline_kinds) -> list[Service]
    help_sections(directory, categories, deadline_kinds, deadlines, language) -> list[HelpSection]
    help_section(...) -> HelpSection            # the same, flattened
    deadlines_from_documents(documents) -> list[(Deadline, category)]
    referral_slip_pdf(services, language, ...) -> bytes
    reminder_slip_pdf(deadlines, language, ...) -> bytes
"""

from __future__ import annotations

from nextstep.referral.directory import (
    Directory,
    ReferralError,
    Service,
    load_directory,
    parse_directory,
    sample_path,
)
from nextstep.referral.help import deadlines_from_documents, help_section, help_sections
from nextstep.referral.slips import SlipError, probe_fonts, referral_slip_pdf, reminder_slip_pdf

__all__ = [
    "Directory",
    "ReferralError",
    "Service",
    "SlipError",
    "deadlines_from_documents",
    "help_section",
    "help_sections",
    "load_directory",
    "parse_directory",
    "probe_fonts",
    "referral_slip_pdf",
    "reminder_slip_pdf",
    "sample_path",
]
