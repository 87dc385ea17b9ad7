"""Per-person bundles: one encrypted, signed, searchable PDF (issue 5).

Public entry points: :func:`nextstep.bundle.build.build_bundle`,
:func:`nextstep.bundle.verify.verify_bundle`, :class:`nextstep.bundle.cover.HelpSection`.
"""
