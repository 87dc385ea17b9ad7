"""The purposes a person can consent to, as data, with their legal basis and DPV terms.

Why as data: the consent screen, the receipt, the audit verifier (which processing event needs
which purpose, see nextstep.audit.events) and the Art. 30 record are all generated from this
one table, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from nextstep.errors import NextStepError

DPV = "https://w3id.org/dpv#"
PD = "https://w3id.org/dpv/pd#"  # personal-data categories live in the PD extension

DIGITIZE = "digitize_store"
KEYCARD = "print_keycard"
RECOVERY = "recovery_escrow"
SHARE = "share_recipient"


@dataclass(frozen=True)
class LegalBasis:
    id: str  # "consent" or "public_task"
    articles: str
    dpv: tuple[str, ...]


CONSENT_BASIS = LegalBasis(
    "consent",
    "GDPR Art. 6(1)(a) consent and Art. 9(2)(a) explicit consent",
    (DPV + "Consent", DPV + "ExplicitlyExpressedConsent"),
)
PUBLIC_TASK_BASIS = LegalBasis(
    "public_task",
    "GDPR Art. 6(1)(e) public task with Art. 9(2)(g) substantial public interest "
    "(only where national law gives the operator that task)",
    (DPV + "OfficialAuthorityOfController",),
)
BASES = {b.id: b for b in (CONSENT_BASIS, PUBLIC_TASK_BASIS)}


@dataclass(frozen=True)
class Purpose:
    id: str
    title: dict[str, str]
    dpv: tuple[str, ...]
    data: tuple[str, ...]  # DPV personal-data categories concerned
    always_consent: bool = False  # true where no other basis can apply (sharing, escrow)


PURPOSES: dict[str, Purpose] = {
    p.id: p
    for p in (
        Purpose(
            "digitize_store",
            {
                "fr": "Numériser mes documents et les enregistrer, chiffrés, sur ma propre "
                "clé USB.",
                "nl": "Mijn documenten digitaliseren en versleuteld op mijn eigen USB-stick "
                "bewaren.",
                "de": "Meine Dokumente digitalisieren und verschlüsselt auf meinem eigenen "
                "USB-Stick speichern.",
                "en": "Digitise my documents and store them, encrypted, on my own USB drive.",
                "ar": "رقمنة مستنداتي وحفظها مشفّرة على ذاكرة USB الخاصة بي.",
                "fa": "اسناد من دیجیتال شوند و رمزگذاری\u200cشده روی فلش USB خودم ذخیره شوند.",
                "ps": "زما اسناد ډیجیټل کړئ او کوډ شوي زما په خپل USB کې یې وساتئ.",
                "ti": "ሰነዳተይ ዲጂታል ተገይሮም ብምስጢር ኣብ ናተይ USB ይቐመጡ።",
                "es": "Digitalizar mis documentos y guardarlos, cifrados, en mi propia "
                "memoria USB.",
                "tr": "Belgelerimi dijitalleştir ve şifreli olarak kendi USB belleğime kaydet.",
                "sq": "Digjitalizoni dokumentet e mia dhe ruajini, të enkriptuara, në USB-në time.",
            },
            (DPV + "ServiceProvision", DPV + "RecordManagement"),
            (
                PD + "OfficialID",
                PD + "HealthRecord",
                PD + "EthnicOrigin",
                PD + "Criminal",  # the justice category: Art. 10 data
                DPV + "SpecialCategoryPersonalData",
            ),
        ),
        Purpose(
            "print_keycard",
            {
                "fr": "Imprimer une carte-clé avec la phrase secrète qui ouvre mes documents.",
                "nl": "Een sleutelkaart afdrukken met de wachtwoordzin die mijn documenten opent.",
                "de": "Eine Schlüsselkarte mit der Passphrase drucken, die meine Dokumente öffnet.",
                "en": "Print a key card with the passphrase that opens my documents.",
                "ar": "طباعة بطاقة تحمل كلمة المرور التي تفتح مستنداتي.",
                "fa": "یک کارت با رمزی که اسنادم را باز می\u200cکند چاپ شود.",
                "ps": "یو کارت چاپ کړئ چې هغه پټنوم ولري چې زما اسناد پرانیزي.",
                "ti": "ሰነዳተይ ዝኸፍት መሕለፊ ቃል ዘለዎ ካርድ ይሕተም።",
                "es": "Imprimir una tarjeta con la contraseña que abre mis documentos.",
                "tr": "Belgelerimi açan parolayı içeren bir anahtar kartı yazdır.",
                "sq": "Shtypni një kartë me fjalëkalimin që hap dokumentet e mia.",
            },
            (DPV + "ServiceProvision",),
            (PD + "Authenticating",),
        ),
        Purpose(
            "recovery_escrow",
            {
                "fr": "L'association garde une copie scellée de ma phrase secrète, pour "
                "m'aider si je perds ma carte-clé.",
                "nl": "De vereniging bewaart een verzegelde kopie van mijn wachtwoordzin, om "
                "mij te helpen als ik mijn sleutelkaart verlies.",
                "de": "Der Verein bewahrt eine versiegelte Kopie meiner Passphrase auf, um "
                "mir zu helfen, wenn ich meine Schlüsselkarte verliere.",
                "en": "Let the organisation keep a sealed copy of my passphrase, to help me "
                "if I lose my key card.",
                "ar": "تحتفظ الجمعية بنسخة مختومة من كلمة المرور الخاصة بي لمساعدتي إذا فقدت "
                "بطاقتي.",
                "fa": "انجمن یک نسخهٔ مهرشده از رمز من را نگه دارد تا اگر کارتم را گم کردم "
                "کمکم کند.",
                "ps": "ټولنه زما د پټنوم یوه مهر شوې کاپي وساتي، څو که مې کارت ورک شو مرسته "
                "راسره وکړي.",
                "ti": "ማሕበር ካርደይ እንተ ጠፊኡኒ ንምሕጋዘይ ዝተሓትመ ቅዳሕ ናይ መሕለፊ ቃለይ ይሓዝ።",
                "es": "La asociación guarda una copia sellada de mi contraseña, para "
                "ayudarme si pierdo mi tarjeta.",
                "tr": "Dernek, anahtar kartımı kaybedersem bana yardım etmek için parolamın "
                "mühürlü bir kopyasını saklasın.",
                "sq": "Shoqata ruan një kopje të vulosur të fjalëkalimit tim, për të më "
                "ndihmuar nëse humbas kartën.",
            },
            (DPV + "ServiceProvision", DPV + "IdentityAuthentication"),
            (PD + "Authenticating",),
            always_consent=True,
        ),
        Purpose(
            "share_recipient",
            {
                "fr": "Envoyer mes documents à une personne ou un service que je désigne.",
                "nl": "Mijn documenten sturen naar een persoon of dienst die ik aanwijs.",
                "de": "Meine Dokumente an eine Person oder Stelle senden, die ich nenne.",
                "en": "Send my documents to a person or service I name.",
                "ar": "إرسال مستنداتي إلى شخص أو جهة أحددها.",
                "fa": "اسنادم به شخص یا نهادی که نام می\u200cبرم فرستاده شود.",
                "ps": "زما اسناد هغه کس یا خدمت ته واستوئ چې زه یې نوموم.",
                "ti": "ሰነዳተይ ናብ ዝሰመዮ ሰብ ወይ ኣገልግሎት ይለኣኹ።",
                "es": "Enviar mis documentos a una persona o servicio que yo indique.",
                "tr": "Belgelerimi belirttiğim bir kişiye veya kuruma gönder.",
                "sq": "Dërgoni dokumentet e mia te një person ose shërbim që unë caktoj.",
            },
            (DPV + "ServiceProvision", DPV + "CommunicationManagement"),
            (PD + "OfficialID", PD + "HealthRecord"),
            always_consent=True,
        ),
    )
}


PURPOSE_IDS: tuple[str, ...] = tuple(PURPOSES)


def legal_basis(purpose_id: str, configured: str = "consent") -> LegalBasis:
    """The basis for a purpose under the operator's setting (Settings.legal_basis)."""
    purpose = get(purpose_id)
    if configured not in BASES:
        raise NextStepError(
            f"Unknown legal basis {configured!r}.", hint="Use consent or public_task."
        )
    if purpose.always_consent:
        return CONSENT_BASIS
    return BASES[configured]


def title(purpose_id: str, language: str) -> str:
    """The purpose's wording in ``language``: the same words the consent screen shows and the
    receipt records (French where the language has none yet)."""
    titles = get(purpose_id).title
    return titles.get(language.split("-")[0].lower(), titles["fr"])


def get(purpose_id: str) -> Purpose:
    try:
        return PURPOSES[purpose_id]
    except KeyError:
        raise NextStepError(
            f"Unknown consent purpose {purpose_id!r}.",
            hint="Use one of: " + ", ".join(PURPOSES) + ".",
        ) from None
