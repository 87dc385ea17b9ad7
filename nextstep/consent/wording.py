"""What receipts, withdrawal receipts and access letters say, looked up by a short key.

Why keys over gettext msgids: the person reads these words (in their language, then French,
the language of the association and of Belgian administrations), and receipts and letters
pick them by role ("receipt_title"). Each key names an English msgid of the ``documents``
gettext domain, translated in ``nextstep/locale/<lang>/LC_MESSAGES/documents.po``.
fr, nl, de, en and ar are complete (a test checks every key); the languages whose notice is
still a draft (fa, ps, ti, es, tr, sq) fall back to French, which an interpreter reads with
the person. No English jargon: the French text says "responsable du traitement" once, with
the plain words beside it.
"""

from __future__ import annotations

from nextstep import i18n
from nextstep.i18n import N_

FALLBACK = "fr"
#: Languages whose catalogues translate every key (en is the msgid itself).
COMPLETE: tuple[str, ...] = ("fr", "nl", "de", "en", "ar")

# Belgian supervisory authority (Art. 77 GDPR): one address, the same in every language.
APD_CONTACT = (
    "Autorité de protection des données / Gegevensbeschermingsautoriteit, "
    "rue de la Presse 35, 1000 Bruxelles, contact@apd-gba.be, www.autoriteprotectiondonnees.be"
)

MSGIDS: dict[str, str] = {
    "receipt_title": N_("NextStep - receipt of your agreement"),
    "withdrawal_title": N_("NextStep - receipt of the withdrawal of your agreement"),
    "your_choices": N_("Your choices"),
    "you_withdrew": N_("You withdrew your agreement for"),
    "not_given": N_("You had not agreed to"),
    "yes": N_("YES"),
    "no": N_("NO"),
    "withdrawn": N_("WITHDRAWN"),
    "record": N_("Record number"),
    "time": N_("Date and time (universal time)"),
    "notice": N_("Information text read"),
    "version": N_("version"),
    "informed": N_("How you were informed"),
    "via_on_screen": N_("on the screen"),
    "via_printed": N_("on paper"),
    "via_interpreter": N_("by an interpreter"),
    "interpreter_language": N_("interpreter's language"),
    "audit": N_("Number in the control log"),
    "pseudonym": N_("Your anonymous number (it does not say your name)"),
    "controller": N_("Who looks after your data"),
    "contact": N_("Contact"),
    "dpo": N_("Data protection officer"),
    "basis_consent": N_("your agreement"),
    "basis_public_task": N_("a task in the public interest given by law"),
    "basis": N_("legal reason"),
    "how": N_(
        "To withdraw your agreement or see your data: come back with your USB drive and your "
        "card, or ask a staff member. Withdrawing takes one step, like agreeing."
    ),
    "removed": N_("Files erased from your USB drive"),
    "nothing_removed": N_("There was no file to erase on your USB drive."),
    "kept": N_(
        "Your documents stay on your USB drive: they are yours. You can erase them yourself "
        "whenever you want."
    ),
    "stopped": N_("From now on the service no longer uses your data for these choices."),
    "letter_title": N_("NextStep - your data with us"),
    "letter_intro": N_(
        "You asked what we know about you. Here is the answer (Article 15 of the European "
        "data protection regulation)."
    ),
    "purposes_h": N_("Why we use your data"),
    "categories_h": N_("Which data"),
    "categories_text": N_(
        "The kinds of your documents (for example asylum, health), the language you chose, "
        "your choices, the dates of your visits. Never the text or images of your documents: "
        "they are only on your USB drive, encrypted."
    ),
    "categories_seen": N_("Kinds of documents recorded for you"),
    "categories_none": N_("none (or already erased)"),
    "recipients_h": N_("Who receives your data"),
    "recipients_text": N_(
        "Nobody, except the person or service you chose for a sending. Auditors see only "
        "anonymous numbers and totals."
    ),
    "retention_h": N_("How long"),
    "retention_text": N_(
        "Five years after your last visit; then the key that protects your information is "
        "destroyed."
    ),
    "rights_h": N_("Your rights"),
    "rights_text": N_(
        "See your data, have it corrected or erased, limit its use, withdraw your agreement "
        "at any time, receive your data (it is on your USB drive). You can complain to the "
        "Data Protection Authority"
    ),
    "source_h": N_("Where this data comes from"),
    "source_text": N_("From you and the documents you brought."),
    "automated_h": N_("Automatic decision"),
    "automated_text": N_(
        "No decision about you is taken by a machine. A staff member checks how the documents"
        " are sorted."
    ),
    "entries_h": N_("What our log holds about you"),
    "entries_none": N_("Nothing."),
    "erased_text": N_("The details were erased (the key is destroyed)."),
    "language": N_("chosen language"),
    "event_session_start": N_("visit started"),
    "event_session_end": N_("visit ended"),
    "event_consent_given": N_("agreement recorded"),
    "event_consent_withdrawn": N_("agreement withdrawn"),
    "event_page_captured": N_("page scanned"),
    "event_page_refused": N_("page refused (unreadable)"),
    "event_document_classified": N_("document sorted"),
    "event_category_changed": N_("kind of document corrected"),
    "event_deadline_confirmed": N_("deadline confirmed"),
    "event_bundle_built": N_("encrypted file prepared"),
    "event_bundle_written": N_("file written to your USB drive"),
    "event_bundle_verified": N_("file checked on your USB drive"),
    "event_bundle_write_failed": N_("writing to the USB drive failed"),
    "event_keycard_printed": N_("card printed"),
    "event_recovery_escrowed": N_("sealed copy of your key kept"),
    "event_share": N_("documents sent to the person you chose"),
    "event_recovery": N_("your key recovered from the sealed copy"),
    "event_access_request": N_("request to see your data"),
    "event_erasure": N_("erasure"),
    "event_other": N_("other step"),
}


def language_for(language: str) -> str:
    """The language used for ``language``: its own if complete, else French."""
    short = language.split("-")[0].lower()
    return short if short in COMPLETE else FALLBACK


def t(key: str, language: str) -> str:
    """One sentence in ``language`` (French where that language is not complete yet)."""
    return i18n.tr(language_for(language), MSGIDS[key])


def both(language: str) -> tuple[str, ...]:
    """The languages a person's text is given in: theirs (if complete) and French."""
    own = language_for(language)
    return (own,) if own == FALLBACK else (own, FALLBACK)
