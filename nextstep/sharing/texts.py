"""The recipient's cover page and slip texts, in French and the languages services read.

A small table like :mod:`nextstep.bundle.i18n` (not gettext): these pages are for the
recipient, rendered into the shared bundle and the printed slip, the same on every kiosk.
French is always present (the working language in Liège); a directory service's other
language (``languages`` in the directory file) is added when the table has it.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "cover_title": "Documents partagés avec vous",
        "recipient": "Destinataire : {name}",
        "consent": (
            "La personne qui vous remet ces documents a consenti explicitement, le {date}, à "
            "ce qu'ils vous soient transmis, à vous seulement. Elle peut retirer ce "
            "consentement à tout moment."
        ),
        "holds": "Ce dossier contient {n} document(s) :",
        "signed": "Signé par le kiosque {kiosk} de {org} (clé minisign {keyid}).",
        "pages_same": (
            "Les pages sont identiques, octet pour octet, à celles du dossier d'origine : leurs "
            "empreintes SHA-256 figurent dans le manifeste signé."
        ),
        "check": "Vérifier la signature :",
        "slip_title": "Fiche pour le destinataire",
        "one_time": "Mot de passe à usage unique (pour ce dossier seulement)",
        "sent_by": "Envoyé par {org}, kiosque {kiosk}, le {date}",
        "file": "Fichier : {path}",
        "keep_apart": "Remettez cette fiche séparément de la clé USB.",
        "pages": "pages",
        "receipt": "Le {date}, copie de {n} document(s) ({categories}) pour : {name}",
    },
    "nl": {
        "cover_title": "Documenten die met u gedeeld worden",
        "recipient": "Ontvanger: {name}",
        "consent": (
            "De persoon die u deze documenten bezorgt, heeft op {date} uitdrukkelijk ingestemd "
            "met het doorgeven ervan, alleen aan u. Die toestemming kan altijd worden "
            "ingetrokken."
        ),
        "holds": "Dit dossier bevat {n} document(en):",
        "signed": "Ondertekend door kiosk {kiosk} van {org} (minisign-sleutel {keyid}).",
        "pages_same": (
            "De pagina's zijn byte voor byte gelijk aan die van het oorspronkelijke dossier: hun "
            "SHA-256-vingerafdrukken staan in het ondertekende manifest."
        ),
        "check": "De handtekening controleren:",
        "receipt": "Op {date}, kopie van {n} document(en) ({categories}) voor: {name}",
    },
    "de": {
        "cover_title": "Mit Ihnen geteilte Dokumente",
        "recipient": "Empfänger: {name}",
        "consent": (
            "Die Person, die Ihnen diese Dokumente übergibt, hat am {date} ausdrücklich "
            "eingewilligt, dass sie nur Ihnen übermittelt werden. Sie kann diese Einwilligung "
            "jederzeit widerrufen."
        ),
        "holds": "Dieses Dossier enthält {n} Dokument(e):",
        "signed": "Signiert vom Kiosk {kiosk} von {org} (minisign-Schlüssel {keyid}).",
        "pages_same": (
            "Die Seiten sind Byte für Byte mit denen des Ursprungsdossiers identisch: ihre "
            "SHA-256-Prüfsummen stehen im signierten Manifest."
        ),
        "check": "Signatur prüfen:",
        "receipt": "Am {date}, Kopie von {n} Dokument(en) ({categories}) für: {name}",
    },
    "en": {
        "cover_title": "Documents shared with you",
        "recipient": "Recipient: {name}",
        "consent": (
            "The person handing you these documents gave explicit consent on {date} for them "
            "to be passed to you, and to you only. They may withdraw this consent at any time."
        ),
        "holds": "This bundle holds {n} document(s):",
        "signed": "Signed by kiosk {kiosk} of {org} (minisign key {keyid}).",
        "pages_same": (
            "The pages are byte for byte those of the source bundle: their SHA-256 hashes are "
            "in the signed manifest."
        ),
        "check": "Check the signature:",
        "receipt": "On {date}, copy of {n} document(s) ({categories}) for: {name}",
    },
}


def t(key: str, language: str, **fields: object) -> str:
    """``key`` in ``language`` (French when the table lacks it), with ``fields`` filled in."""
    text = TEXTS.get(language, {}).get(key) or TEXTS["fr"][key]
    return text.format(**fields) if fields else text


def check_command(stem: str) -> str:
    """The stock minisign command the recipient runs beside the shared files."""
    return f"minisign -Vm {stem}.manifest.json -p nextstep-org.pub"
