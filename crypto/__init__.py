"""Leaf library holding all of NextStep's cryptography.

Only vetted primitives (``cryptography``, pikepdf's AES-256 R6, age through pyrage) and
well-kept formats (minisign, age, C2SP signed notes and checkpoints, RFC 9162 Merkle trees).
Never imports :mod:`nextstep` or :mod:`kiosk`.
"""
