"""Every outcome of putting a bundle on a person's drive, with one sentence staff can act on.

The kiosk shows exactly one of these sentences, in the staff's language (fr, nl, en, de), so
that whoever stands at the kiosk knows what to do next without reading a log. The enum is
exhaustive on purpose: any failure that escapes it would surface as a traceback, which the
project forbids.
"""

from __future__ import annotations

import enum

from nextstep.errors import NextStepError

LANGUAGES: tuple[str, ...] = ("fr", "nl", "en", "de")


class DriveStatus(enum.Enum):
    """What happened to the drive; ``ok`` tells success from failure."""

    NO_DEVICE = "no_device"
    SEVERAL_DEVICES = "several_devices"
    UNSUPPORTED = "unsupported"
    READ_ONLY = "read_only"
    FULL = "full"
    TOO_LARGE = "too_large"
    BAD_NAME = "bad_name"
    REMOVED = "removed"
    IO_ERROR = "io_error"
    VERIFY_FAILED = "verify_failed"
    MOUNT_ERROR = "mount_error"
    BUSY = "busy"
    LOOP_POLICY = "loop_policy"
    TOOL_MISSING = "tool_missing"
    NOT_A_FILE = "not_a_file"
    FILE_TOO_LARGE = "file_too_large"
    READY = "ready"
    WRITTEN = "written"
    VERIFIED = "verified"
    EJECTED = "ejected"

    @property
    def ok(self) -> bool:
        return self in _SUCCESS

    def sentence(self, lang: str = "fr") -> str:
        return sentence(self, lang)


_SUCCESS = frozenset(
    {DriveStatus.READY, DriveStatus.WRITTEN, DriveStatus.VERIFIED, DriveStatus.EJECTED}
)

# One actionable sentence per status and language. Keep each to a single sentence.
_SENTENCES: dict[DriveStatus, dict[str, str]] = {
    DriveStatus.NO_DEVICE: {
        "fr": "Aucune clé USB détectée : branchez la clé de la personne puis réessayez.",
        "nl": "Geen USB-stick gevonden: steek de stick van de persoon in en probeer opnieuw.",
        "en": "No USB drive found: plug in the person's drive and try again.",
        "de": "Kein USB-Stick gefunden: Stecken Sie den Stick der Person ein und versuchen "
        "Sie es erneut.",
    },
    DriveStatus.SEVERAL_DEVICES: {
        "fr": "Plusieurs clés USB sont branchées : retirez-les toutes sauf celle de la personne.",
        "nl": "Er zijn meerdere USB-sticks ingestoken: verwijder alle behalve die van de persoon.",
        "en": "Several USB drives are plugged in: remove all but the person's drive.",
        "de": "Mehrere USB-Sticks sind eingesteckt: Entfernen Sie alle außer dem der Person.",
    },
    DriveStatus.UNSUPPORTED: {
        "fr": "Cette clé n'est pas au format FAT32 ou exFAT : utilisez une autre clé ou "
        "formatez-la en exFAT après accord de la personne.",
        "nl": "Deze stick is niet in FAT32 of exFAT: gebruik een andere stick of formatteer "
        "hem in exFAT met akkoord van de persoon.",
        "en": "This drive is not FAT32 or exFAT: use another drive or format it as exFAT "
        "with the person's agreement.",
        "de": "Dieser Stick ist nicht FAT32 oder exFAT: Verwenden Sie einen anderen Stick "
        "oder formatieren Sie ihn mit Zustimmung der Person als exFAT.",
    },
    DriveStatus.READ_ONLY: {
        "fr": "La clé est protégée en écriture : poussez le petit verrou sur le côté de la clé "
        "puis rebranchez-la.",
        "nl": "De stick is tegen schrijven beveiligd: schuif het schuifje aan de zijkant om "
        "en steek hem opnieuw in.",
        "en": "The drive is write-protected: slide the lock switch on its side and plug it "
        "in again.",
        "de": "Der Stick ist schreibgeschützt: Schieben Sie den Sperrschalter an der Seite um "
        "und stecken Sie ihn erneut ein.",
    },
    DriveStatus.FULL: {
        "fr": "La clé est pleine : libérez de la place avec la personne ou utilisez une autre clé.",
        "nl": "De stick is vol: maak samen met de persoon ruimte vrij of gebruik een andere stick.",
        "en": "The drive is full: free some space with the person or use another drive.",
        "de": "Der Stick ist voll: Schaffen Sie mit der Person Platz oder verwenden Sie "
        "einen anderen Stick.",
    },
    DriveStatus.TOO_LARGE: {
        "fr": "Le dossier dépasse 4 Go, la limite du format FAT32 : utilisez une clé exFAT.",
        "nl": "Het bestand is groter dan 4 GB, de grens van FAT32: gebruik een exFAT-stick.",
        "en": "The bundle exceeds 4 GB, the FAT32 limit: use an exFAT drive.",
        "de": "Die Datei ist größer als 4 GB, die Grenze von FAT32: Verwenden Sie einen "
        "exFAT-Stick.",
    },
    DriveStatus.BAD_NAME: {
        "fr": "Un nom de fichier n'est pas accepté par la clé : signalez-le à l'équipe technique.",
        "nl": "Een bestandsnaam wordt niet aanvaard door de stick: meld het aan het "
        "technische team.",
        "en": "A file name is not accepted by the drive: report it to the technical team.",
        "de": "Ein Dateiname wird vom Stick nicht akzeptiert: Melden Sie es dem technischen Team.",
    },
    DriveStatus.REMOVED: {
        "fr": "La clé a été retirée pendant l'écriture : rebranchez-la et relancez "
        "l'écriture, l'ancien dossier est intact.",
        "nl": "De stick werd tijdens het schrijven verwijderd: steek hem opnieuw in en "
        "schrijf opnieuw, de vorige map is intact.",
        "en": "The drive was removed during writing: plug it in again and write again, the "
        "previous bundle is intact.",
        "de": "Der Stick wurde während des Schreibens entfernt: Stecken Sie ihn wieder ein "
        "und schreiben Sie erneut, die vorherige Mappe ist unversehrt.",
    },
    DriveStatus.IO_ERROR: {
        "fr": "La clé a une erreur de lecture ou d'écriture : essayez une autre clé.",
        "nl": "De stick geeft een lees- of schrijffout: probeer een andere stick.",
        "en": "The drive reported a read or write error: try another drive.",
        "de": "Der Stick meldet einen Lese- oder Schreibfehler: Versuchen Sie einen anderen Stick.",
    },
    DriveStatus.VERIFY_FAILED: {
        "fr": "La copie relue ne correspond pas à l'original, elle a été effacée : "
        "essayez une autre clé.",
        "nl": "De teruggelezen kopie komt niet overeen met het origineel en werd gewist: "
        "probeer een andere stick.",
        "en": "The copy read back does not match the original and was removed: try another drive.",
        "de": "Die zurückgelesene Kopie stimmt nicht mit dem Original überein und wurde "
        "gelöscht: Versuchen Sie einen anderen Stick.",
    },
    DriveStatus.MOUNT_ERROR: {
        "fr": "La clé ne peut pas être ouverte : retirez-la, rebranchez-la, et essayez une "
        "autre clé si cela se répète.",
        "nl": "De stick kan niet geopend worden: haal hem eruit, steek hem opnieuw in en "
        "probeer een andere stick als het zich herhaalt.",
        "en": "The drive cannot be opened: unplug it, plug it in again, and try another "
        "drive if this repeats.",
        "de": "Der Stick kann nicht geöffnet werden: Ziehen Sie ihn ab, stecken Sie ihn "
        "erneut ein und versuchen Sie bei Wiederholung einen anderen Stick.",
    },
    DriveStatus.BUSY: {
        "fr": "La clé est encore utilisée : attendez quelques secondes puis appuyez de "
        "nouveau sur Éjecter.",
        "nl": "De stick is nog in gebruik: wacht enkele seconden en druk opnieuw op Uitwerpen.",
        "en": "The drive is still in use: wait a few seconds and press Eject again.",
        "de": "Der Stick wird noch verwendet: Warten Sie einige Sekunden und drücken Sie "
        "erneut auf Auswerfen.",
    },
    DriveStatus.LOOP_POLICY: {
        "fr": "Un lecteur de test (image disque) est refusé hors mode démonstration : "
        "branchez une vraie clé USB.",
        "nl": "Een testschijf (schijfkopie) wordt buiten de demomodus geweigerd: steek een "
        "echte USB-stick in.",
        "en": "A test drive (disk image) is refused outside demo mode: plug in a real USB drive.",
        "de": "Ein Testlaufwerk (Abbilddatei) wird außerhalb des Demomodus abgelehnt: "
        "Stecken Sie einen echten USB-Stick ein.",
    },
    DriveStatus.TOOL_MISSING: {
        "fr": "Un outil système pour les clés manque sur ce kiosque : prévenez l'équipe "
        "technique (nextstep drive list l'indique).",
        "nl": "Een systeemhulpmiddel voor sticks ontbreekt op deze kiosk: verwittig het "
        "technische team (nextstep drive list toont welk).",
        "en": "A system tool for drives is missing on this kiosk: tell the technical team "
        "(nextstep drive list names it).",
        "de": "Ein Systemwerkzeug für Sticks fehlt an diesem Kiosk: Informieren Sie das "
        "technische Team (nextstep drive list nennt es).",
    },
    DriveStatus.NOT_A_FILE: {
        "fr": "Un dossier, lien ou fichier spécial de la clé porte le nom d'un fichier du "
        "kiosque : renommez-le sur un ordinateur ou utilisez une autre clé.",
        "nl": "Een map, koppeling of speciaal bestand op de stick heeft de naam van een "
        "kioskbestand: hernoem het op een computer of gebruik een andere stick.",
        "en": "A folder, link or special file on the drive has a kiosk file's name: rename it "
        "on a computer or use another drive.",
        "de": "Auf dem Stick trägt ein Ordner, Link oder Sondereintrag den Namen einer "
        "Kiosk-Datei: Benennen Sie ihn am Computer um oder nehmen Sie einen anderen Stick.",
    },
    DriveStatus.FILE_TOO_LARGE: {
        "fr": "Un fichier de la clé nommé comme un fichier du kiosque est bien trop grand et "
        "n'a pas été lu : vérifiez la clé sur un ordinateur ou changez de clé.",
        "nl": "Een bestand op de stick met de naam van een kioskbestand is veel te groot en "
        "werd niet gelezen: controleer de stick op een computer of neem een andere.",
        "en": "A file on the drive named like a kiosk file is far too large and was not read: "
        "check the drive on a computer or use another drive.",
        "de": "Eine Datei mit dem Namen einer Kiosk-Datei ist viel zu groß und wurde nicht "
        "gelesen: Prüfen Sie den Stick am Computer oder nehmen Sie einen anderen.",
    },
    DriveStatus.READY: {
        "fr": "La clé est prête : vous pouvez écrire le dossier.",
        "nl": "De stick is klaar: u kunt de map schrijven.",
        "en": "The drive is ready: you can write the bundle.",
        "de": "Der Stick ist bereit: Sie können die Mappe schreiben.",
    },
    DriveStatus.WRITTEN: {
        "fr": "Le dossier est écrit mais pas encore vérifié : ne retirez pas encore la clé.",
        "nl": "De map is geschreven maar nog niet gecontroleerd: haal de stick er nog niet uit.",
        "en": "The bundle is written but not yet verified: do not unplug the drive yet.",
        "de": "Die Mappe ist geschrieben, aber noch nicht geprüft: Ziehen Sie den Stick "
        "noch nicht ab.",
    },
    DriveStatus.VERIFIED: {
        "fr": "Le dossier est écrit et vérifié : appuyez sur Éjecter avant de retirer la clé.",
        "nl": "De map is geschreven en gecontroleerd: druk op Uitwerpen voor u de stick "
        "verwijdert.",
        "en": "The bundle is written and verified: press Eject before unplugging the drive.",
        "de": "Die Mappe ist geschrieben und geprüft: Drücken Sie auf Auswerfen, bevor Sie "
        "den Stick abziehen.",
    },
    DriveStatus.EJECTED: {
        "fr": "La clé peut être retirée et rendue à la personne.",
        "nl": "De stick mag verwijderd en aan de persoon teruggegeven worden.",
        "en": "The drive can be unplugged and handed back to the person.",
        "de": "Der Stick kann abgezogen und der Person zurückgegeben werden.",
    },
}


def sentence(status: DriveStatus, lang: str = "fr") -> str:
    """The one sentence staff read for ``status``; unknown languages fall back to French,
    the kiosk's default staff language."""
    table = _SENTENCES[status]
    return table.get(lang, table["fr"])


class DriveError(NextStepError):
    """A drive operation failed; ``status`` says which way, ``message`` is its sentence."""

    def __init__(
        self, status: DriveStatus, detail: str = "", *, lang: str = "en", hint: str = ""
    ) -> None:
        message = sentence(status, lang)
        super().__init__(message, hint=hint or detail)
        self.status = status
        self.detail = detail
