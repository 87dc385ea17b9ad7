"""A visit as the UI sees it: the session's stages, the commands it accepts, what each
command returns, and the child process a session can run in.

Why a package of its own: :class:`nextstep.session.Session` holds a person's data; these
modules hold only the *shape* of talking to it, which the kiosk, ``nextstep demo`` and the
session's child process (:mod:`nextstep.visit.process`) share. Nothing here keeps personal data.
"""
