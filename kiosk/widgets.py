"""Small widgets the screens share: the top bar, the key bar, a half-block page thumbnail
and a big passphrase display.

The key bar replaces Textual's Footer because binding descriptions are fixed at class
definition, while the kiosk changes language per person: labels here are translated when
shown.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widget import Widget
from textual.widgets import RadioButton, Static


class KeyBar(Widget):
    """At most two lines of "KEY label" hints, already translated.

    A hint is never cut: the hints that do not fit whole are left out and the bar ends with
    "F1 more keys" (F1 lists them all, :class:`kiosk.modals.HelpModal`).
    """

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 2; background: $panel;
             color: $foreground; padding: 0 1; }
    """
    LINES = 2

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.keys: list[tuple[str, str]] = []
        self.more = ("F1", "…")

    def show_keys(self, keys: list[tuple[str, str]], more: str = "…") -> None:
        self.keys = list(keys)
        self.more = ("F1", more)
        self.refresh(layout=True)

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return max(1, len(self.layout_lines(width)))

    @staticmethod
    def cells(hint: tuple[str, str]) -> int:
        return cell_len(f" {hint[0]} ") + cell_len(f" {hint[1]}")

    def layout_lines(self, width: int) -> list[list[tuple[str, str]]]:
        """The hints on each line: whole hints only, the last slot kept for "F1 more"
        when some do not fit."""
        gap = 3
        lines: list[list[tuple[str, str]]] = [[]]
        used = 0
        for n, hint in enumerate(self.keys):
            size = self.cells(hint) + (gap if lines[-1] else 0)
            last_line = len(lines) == self.LINES
            rest = self.keys[n + 1 :]
            reserve = (gap + self.cells(self.more)) if (last_line and rest) else 0
            if used + size + reserve <= width:
                lines[-1].append(hint)
                used += size
                continue
            if not last_line and self.cells(hint) <= width:
                lines.append([hint])
                used = self.cells(hint)
                continue
            lines[-1].append(self.more)
            return lines
        return lines if lines[0] else []

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        for row, hints in enumerate(self.layout_lines(self.content_size.width or 80)):
            if row:
                text.append("\n")
            for n, (key, label) in enumerate(hints):
                if n:
                    text.append("   ")
                text.append(f" {key} ", style="bold reverse")
                text.append(f" {label}")
        return text

    @property
    def shown(self) -> list[tuple[str, str]]:
        """The hints on screen now (tests)."""
        return [h for line in self.layout_lines(self.content_size.width or 80) for h in line]


class TopBar(Static):
    DEFAULT_CSS = """
    TopBar { dock: top; height: 1; background: $panel; color: $foreground; padding: 0 1;
             text-style: bold; }
    """


def half_block(pixels: Any, width: int, height: int) -> Text:
    """Render a BGR or grey image into ``width`` x ``height`` cells, two pixels per cell.

    Each cell is an upper half block "▀": its foreground is the upper pixel and its background
    the lower one, so a 40-cell-wide thumbnail shows 40 x 2*height pixels.
    """
    import cv2
    import numpy as np

    img = np.asarray(pixels)
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    h, w = img.shape[:2]
    # Keep the page's aspect ratio: a cell is about twice as tall as wide.
    scale = min(width / w, (2 * height) / h)
    tw, th = max(1, int(w * scale)), max(2, int(h * scale) // 2 * 2)
    small = cv2.resize(img, (tw, th), interpolation=cv2.INTER_AREA)
    text = Text(no_wrap=True, overflow="crop")
    pad = (width - tw) // 2
    for y in range(0, th, 2):
        text.append(" " * pad)
        for x in range(tw):
            b1, g1, r1 = (int(v) for v in small[y, x])
            b2, g2, r2 = (int(v) for v in small[y + 1, x])
            text.append("▀", Style(color=f"rgb({r1},{g1},{b1})", bgcolor=f"rgb({r2},{g2},{b2})"))
        if y + 2 < th:
            text.append("\n")
    return text


class Thumbnail(Widget):
    """The last captured page as a half-block picture (or a placeholder text)."""

    DEFAULT_CSS = """
    Thumbnail { width: 34; height: 22; border: round $foreground; }
    """

    def __init__(self, placeholder: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._pixels: Any = None
        self._placeholder = placeholder

    def set_page(self, pixels: Any) -> None:
        self._pixels = pixels
        self.refresh()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.refresh()

    def render(self) -> Text:
        if self._pixels is None:
            return Text(self._placeholder, justify="center")
        return half_block(self._pixels, self.content_size.width, self.content_size.height)


def passphrase_lines(secret: str, max_chars: int = 22) -> list[str]:
    """Split the digit passphrase into lines of whole groups for Textual's big ``Digits``.

    A big digit is three cells wide, so a line of at most 22 characters (two groups of ten and
    a space) stays inside an 80-column screen with the frame around it."""
    lines: list[str] = []
    for group in (g for g in secret.replace(" ", "").split("-") if g):
        if lines and len(lines[-1]) + 1 + len(group) <= max_chars:
            lines[-1] += " " + group
        else:
            lines.append(group)
    return lines


class Choice(RadioButton):
    """A radio button whose state shows by shape, not only colour: "●" chosen, blank not
    (for monochrome screens and colour-blind staff). ``rtl``: the box goes after the label,
    on the right, where a right-to-left reader looks for it."""

    def __init__(self, label: str = "", value: bool = False, *, rtl: bool = False, **kw: Any):
        super().__init__(label, value, button_first=not rtl, **kw)

    @property
    def _button(self) -> Any:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button
