"""The short multilingual text file that tells the person how to open the bundle.

It is written next to the bundle on every write, in the languages staff and most people at
Le Monde des Possibles read, in plain UTF-8 text with a BOM and CRLF line ends so that
Notepad on an old Windows shows the accents correctly.
"""

from __future__ import annotations

README_NAME = "LISEZ-MOI_README.txt"

_TEXT = """\
NextStep - Le Monde des Possibles

FRANÇAIS
Ce dossier contient vos documents dans un fichier PDF protégé.
Ouvrez le fichier .pdf avec un lecteur PDF (Adobe Reader, Firefox, Chrome, Edge).
Tapez le mot de passe écrit sur la carte qu'on vous a remise. Sans lui, personne ne peut
lire vos documents. Gardez la carte à part de cette clé. Faites une copie de la clé.

NEDERLANDS
Deze map bevat uw documenten in een beveiligd PDF-bestand.
Open het .pdf-bestand met een PDF-lezer (Adobe Reader, Firefox, Chrome, Edge).
Typ het wachtwoord dat op de kaart staat die u kreeg. Zonder wachtwoord kan niemand uw
documenten lezen. Bewaar de kaart apart van deze stick. Maak een kopie van de stick.

ENGLISH
This folder holds your documents in one protected PDF file.
Open the .pdf file with a PDF reader (Adobe Reader, Firefox, Chrome, Edge).
Type the password printed on the card you were given. Without it nobody can read your
documents. Keep the card apart from this drive. Make a copy of the drive.

DEUTSCH
Dieser Ordner enthält Ihre Dokumente in einer geschützten PDF-Datei.
Öffnen Sie die .pdf-Datei mit einem PDF-Leser (Adobe Reader, Firefox, Chrome, Edge).
Geben Sie das Passwort von der Karte ein, die Sie erhalten haben. Ohne es kann niemand
Ihre Dokumente lesen. Bewahren Sie die Karte getrennt von diesem Stick auf.

العربية
يحتوي هذا المجلد على مستنداتك في ملف PDF محمي. افتح ملف ‎.pdf‎ بقارئ PDF
واكتب كلمة المرور المكتوبة على البطاقة التي أُعطيت لك.
"""


def readme_bytes() -> bytes:
    """The README file's exact bytes (UTF-8 with BOM, CRLF)."""
    return "\ufeff".encode() + _TEXT.replace("\n", "\r\n").encode("utf-8")
