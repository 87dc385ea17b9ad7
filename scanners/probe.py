"""The one probe record: whether a tool or device the kiosk needs is usable, and the fix.

Modelled on OCRmyPDF's ``ToolProbe``. It lives in ``scanners/`` (a leaf) so that the scanner
backends, the domain's probes (Tesseract, par2, fonts, mount helpers) and the preflight
screen all speak the same type without breaking the layer rule (``crypto/`` has no probes
that feed preflight directly).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ToolProbe:
    """One line of preflight: ``detail`` says what was found in one sentence; ``fix`` is what
    to do when not ``ok`` (an apt package, a cable), empty when nothing is needed. A probe
    that is not ``required`` is a warning, never a refusal to start."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True
    version: str = ""
