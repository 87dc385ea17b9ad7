"""``nextstep notice``: the privacy notice a person is shown, as text or read aloud."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nextstep.consent import notices, speech


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "notice",
        help="print the privacy notice in a language, or speak it to a WAV file (--audio)",
    )
    p.add_argument("--language", required=True, help="notice language, e.g. fr, nl, ar")
    p.add_argument("--audio", type=Path, help="write the notice as speech (espeak-ng) to FILE")
    p.set_defaults(func=cmd_notice)


def cmd_notice(args: argparse.Namespace) -> int:
    if args.audio is None:
        sys.stdout.write(notices.load(args.language).text)
        return 0
    spoken = speech.speak_notice(args.language, args.audio)
    print(f"Spoken notice: {spoken.path} ({spoken.seconds:.0f} s, voice {spoken.voice})")
    return 0
