#!/usr/bin/env python3
# ruff: noqa: E501  (letter text is kept on long lines so it reads like the letter)
"""Generate the demo sample letters into scanners/demo/samples/ (PNG pages + labels.json).

Four invented but realistic Belgian administrative letters (no real person's data; names,
numbers and addresses are made up, with valid checksums so that extraction can be tested):
an asylum interview convocation (CGRA, French), a two-page lease (Dutch), a health-insurance
letter (French) and a CPAS decision (French). Each carries deadlines and reference numbers,
which labels.json records so that tests and the demo can check what the kiosk understood.

Run: .venv/bin/python tools/make_samples.py [--out DIR]
Pages are A4 at 200 dpi, saved bitonal (1-bit PNG) to keep them small.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus.render import BLANK, RULE, B, P, R, S, T, render  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "scanners" / "demo" / "samples"
DPI = 200

FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
NL_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def fr_date(d: dt.date, weekday: bool = False) -> str:
    s = f"{d.day if d.day != 1 else '1er'} {FR_MONTHS[d.month - 1]} {d.year}"
    return f"{FR_DAYS[d.weekday()]} {s}" if weekday else s


def nl_date(d: dt.date) -> str:
    return f"{d.day} {NL_MONTHS[d.month - 1]} {d.year}"


def nrn(birth: dt.date, serial: int) -> str:
    """A Belgian national register number with a correct mod-97 check (post-2000 rule too)."""
    base = f"{birth:%y%m%d}{serial:03d}"
    num = int(("2" if birth.year >= 2000 else "") + base)
    check = 97 - num % 97
    return f"{base[:2]}.{base[2:4]}.{base[4:6]}-{base[6:9]}.{check:02d}"


def structured(ten: str) -> str:
    check = int(ten) % 97 or 97
    d = f"{ten}{check:02d}"
    return f"+++{d[:3]}/{d[3:7]}/{d[7:]}+++"


def be_iban(account10: str) -> str:
    check = int(account10) % 97 or 97
    bban = f"{account10}{check:02d}"
    num = int(bban + "1114" + "00")  # B=11, E=14
    kk = 98 - num % 97
    raw = f"BE{kk:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def save(img, path: Path) -> None:  # type: ignore[no-untyped-def]
    bw = img.point(lambda v: 255 if v > 150 else 0).convert("1")
    bw.save(path, format="PNG", optimize=True, dpi=(DPI, DPI))


def doc_cgra() -> tuple[list, dict]:  # type: ignore[type-arg]
    letter = dt.date(2026, 11, 18)
    interview = dt.date(2027, 1, 12)
    warn = dt.date(2027, 1, 5)
    file_no = "26/10452"
    oe_no = "9.876.543"
    blocks = [
        T("Commissariat général aux réfugiés et aux apatrides"),
        S("Rue Ernest Blerot 39 - 1070 Bruxelles - Tél. 02 205 51 11"),
        RULE,
        P("Monsieur Karim EXEMPLE\nCentre d'accueil Fedasil\nRue des Glycines 12\n4000 Liège"),
        R(f"Bruxelles, le {fr_date(letter)}"),
        P(f"Votre référence CGRA : {file_no}\nNuméro OE : {oe_no}"),
        B("Objet : convocation à un entretien personnel"),
        P("Monsieur,"),
        P(
            "Dans le cadre de l'examen de votre demande de protection internationale, vous êtes "
            "invité à vous présenter au siège du Commissariat général pour un entretien personnel "
            f"le {fr_date(interview, weekday=True)} à 09h00."
        ),
        P(
            "Veuillez vous munir de la présente convocation, de votre annexe 26 et de tous les "
            "documents originaux qui appuient votre récit (carte d'identité, passeport, actes "
            "d'état civil, documents de voyage)."
        ),
        P(
            "Un interprète sera présent. Si vous ne pouvez pas vous présenter, vous devez nous en "
            f"informer par écrit avant le {fr_date(warn)}, en mentionnant votre référence. "
            "Une absence sans motif valable peut entraîner le refus de votre demande."
        ),
        P("Votre avocat peut vous accompagner lors de l'entretien."),
        BLANK,
        P("Veuillez agréer, Monsieur, l'expression de nos salutations distinguées."),
        P("Pour le Commissaire général,\nL'officier de protection"),
    ]
    label = {
        "category": "asylum",
        "language": "fra",
        "document_date": letter.isoformat(),
        "issuer": "Commissariat général aux réfugiés et aux apatrides",
        "deadlines": [
            {"date": interview.isoformat(), "kind": "appointment"},
            {"date": warn.isoformat(), "kind": "response"},
        ],
        "references": [
            {"kind": "cgra_file", "value": file_no},
            {"kind": "oe_file", "value": oe_no},
        ],
        "words": ["convocation", "entretien", "Commissariat", "interprète"],
    }
    return blocks, label


def doc_lease() -> tuple[list, dict]:  # type: ignore[type-arg]
    signed = dt.date(2026, 11, 20)
    guarantee = dt.date(2026, 12, 15)
    start = dt.date(2027, 1, 1)
    tenant_nrn = nrn(dt.date(1991, 3, 14), 127)
    iban = be_iban("0631234567")
    comm = structured("0123456789")
    p1 = [
        T("HUUROVEREENKOMST VOOR HOOFDVERBLIJFPLAATS"),
        S("Woninghuur - Vlaams Woninghuurdecreet"),
        RULE,
        B("Tussen de ondergetekenden:"),
        P(
            "De verhuurder: Immo De Linde bv, Stationsstraat 45, 3000 Leuven, "
            'hierna "de verhuurder" genoemd,'
        ),
        P(
            f"en de huurder: mevrouw Amina VOORBEELD, geboren op 14/03/1991, rijksregisternummer "
            f'{tenant_nrn}, hierna "de huurder" genoemd,'
        ),
        P("werd het volgende overeengekomen:"),
        B("Artikel 1 - Gehuurd goed"),
        P(
            "De verhuurder geeft in huur aan de huurder een appartement op de tweede verdieping, "
            "Tiensestraat 112 bus 3, 3000 Leuven, bestaande uit een woonkamer, een keuken, een "
            "slaapkamer en een badkamer."
        ),
        B("Artikel 2 - Duur"),
        P(
            f"De huurovereenkomst wordt gesloten voor een duur van drie jaar en vangt aan op "
            f"{start:%d/%m/%Y}."
        ),
        B("Artikel 3 - Huurprijs"),
        P(
            "De maandelijkse huurprijs bedraagt 720 euro, vooraf te betalen vóór de vijfde van elke "
            f"maand op rekening {iban} met de gestructureerde mededeling {comm}."
        ),
    ]
    p2 = [
        B("Artikel 4 - Huurwaarborg"),
        P(
            "De huurder stelt een huurwaarborg ten bedrage van twee maanden huur, hetzij 1.440 euro, "
            f"te storten op een geblokkeerde rekening uiterlijk op {guarantee:%d/%m/%Y}."
        ),
        B("Artikel 5 - Plaatsbeschrijving"),
        P(
            "Een omstandige plaatsbeschrijving wordt tegensprekelijk opgemaakt bij de intrede van "
            "de huurder, op gemeenschappelijke kosten."
        ),
        B("Artikel 6 - Lasten en onderhoud"),
        P(
            "De huurder betaalt een maandelijks voorschot van 80 euro voor de gemeenschappelijke "
            "lasten. Het onderhoud van de verwarmingsketel valt ten laste van de huurder."
        ),
        B("Artikel 7 - Registratie"),
        P(
            "De verhuurder laat deze overeenkomst registreren binnen de twee maanden na de "
            "ondertekening."
        ),
        BLANK,
        P(f"Opgemaakt te Leuven op {nl_date(signed)}, in twee exemplaren."),
        BLANK,
        P("De verhuurder                                        De huurder"),
    ]
    label = {
        "category": "housing",
        "language": "nld",
        "document_date": signed.isoformat(),
        "issuer": "Immo De Linde bv",
        "deadlines": [
            {"date": guarantee.isoformat(), "kind": "payment"},
            # not "binnen de twee maanden na de ondertekening": the landlord registers the
            # lease, the person has nothing to do by then (docs/understanding.md conventions)
        ],
        "references": [
            {"kind": "national_register", "value": tenant_nrn.replace(".", "").replace("-", "")},
            {"kind": "iban", "value": iban.replace(" ", "")},
            {"kind": "structured_communication", "value": comm.strip("+").replace("/", "")},
        ],
        "words": ["huurovereenkomst", "huurwaarborg", "verhuurder", "plaatsbeschrijving"],
    }
    return [p1, p2], label


def doc_mutualite() -> tuple[list, dict]:  # type: ignore[type-arg]
    letter = dt.date(2026, 11, 20)
    due = letter + dt.timedelta(days=15)
    member_nrn = nrn(dt.date(1985, 7, 2), 45)
    blocks = [
        T("Mutualité Solidaire de Liège"),
        S("Service Indemnités - Boulevard de la Sauvenière 88 - 4000 Liège"),
        RULE,
        P("Madame Fatou EXEMPLE\nRue Saint-Léonard 201\n4000 Liège"),
        R(f"Liège, le {fr_date(letter)}"),
        P(f"N° d'affiliation : 312/884512\nNuméro de registre national : {member_nrn}"),
        B("Objet : incapacité de travail - document manquant"),
        P("Madame,"),
        P(
            "Nous avons bien reçu votre certificat d'incapacité de travail. Afin de calculer vos "
            "indemnités, notre médecin-conseil a besoin de la feuille de renseignements complétée "
            "par votre employeur."
        ),
        P(
            "Nous vous prions de nous renvoyer ce formulaire, dûment complété et signé, dans les "
            "15 jours de la date du présent courrier. À défaut, le paiement de vos indemnités "
            "pourra être suspendu."
        ),
        P(
            "Votre prochain examen chez le médecin-conseil aura lieu le 10 décembre 2026 à 14h30, "
            "à notre agence de la Sauvenière."
        ),
        P("Pour toute question, notre service est joignable du lundi au vendredi au 04 341 62 00."),
        BLANK,
        P("Avec nos salutations mutualistes,\nLe service Indemnités"),
    ]
    label = {
        "category": "health",
        "language": "fra",
        "document_date": letter.isoformat(),
        "issuer": "Mutualité Solidaire de Liège",
        "deadlines": [
            {"date": due.isoformat(), "kind": "response", "computed": True},
            {"date": "2026-12-10", "kind": "appointment"},
        ],
        "references": [
            {"kind": "national_register", "value": member_nrn.replace(".", "").replace("-", "")}
        ],
        "words": ["mutualité", "médecin-conseil", "indemnités", "incapacité"],
    }
    return blocks, label


def doc_cpas() -> tuple[list, dict]:  # type: ignore[type-arg]
    letter = dt.date(2026, 11, 16)
    appeal = dt.date(2027, 2, 16)  # three months from the notification (the letter's date)
    meeting = dt.date(2026, 12, 8)
    blocks = [
        T("CPAS de Liège"),
        S("Centre public d'action sociale - Place Saint-Jacques 13 - 4000 Liège"),
        RULE,
        P("Monsieur Joseph EXEMPLE\nRue Hors-Château 70\n4000 Liège"),
        R(f"Liège, le {letter:%d/%m/%Y}"),
        P("Dossier n° 2026/08817 - Assistante sociale : Mme Dupont"),
        B("Objet : décision du Comité spécial du service social"),
        P("Monsieur,"),
        P(
            "En sa séance du 12 novembre 2026, le Comité spécial du service social a décidé de vous "
            "octroyer le revenu d'intégration au taux isolé, à partir du 1er novembre 2026, pour un "
            "montant mensuel de 1.263,17 euros."
        ),
        P(
            "Cette aide est accordée sous condition de votre disponibilité à l'emploi et du respect "
            "de votre projet individualisé d'intégration sociale."
        ),
        P(
            f"Votre assistante sociale vous attend le {fr_date(meeting)} à 14h00 pour signer ce "
            "projet. Merci d'apporter vos extraits de compte des trois derniers mois."
        ),
        B("Recours"),
        P(
            "Si vous n'êtes pas d'accord avec cette décision, vous pouvez introduire un recours "
            "auprès du Tribunal du travail de Liège dans les trois mois de la notification de la "
            "présente décision. Le recours est gratuit."
        ),
        BLANK,
        P("Pour le Comité,\nLa Secrétaire générale                    Le Président"),
    ]
    label = {
        "category": "allowances",
        "language": "fra",
        "document_date": letter.isoformat(),
        "issuer": "CPAS de Liège",
        "deadlines": [
            {"date": meeting.isoformat(), "kind": "appointment"},
            {"date": appeal.isoformat(), "kind": "appeal", "computed": True},
        ],
        "references": [{"kind": "file", "value": "2026/08817"}],
        "words": ["revenu", "intégration", "Comité", "Tribunal"],
    }
    return blocks, label


DOCS = [
    ("01", "convocation-cgra", doc_cgra),
    ("02", "huurovereenkomst", doc_lease),
    ("03", "mutualite", doc_mutualite),
    ("04", "decision-cpas", doc_cpas),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    labels = []
    for num, slug, make in DOCS:
        blocks, label = make()
        parts = blocks if blocks and isinstance(blocks[0], list) else [blocks]
        images = []
        texts = []
        for part in parts:
            imgs, txts = render(part, dpi=DPI)
            images += imgs
            texts += txts
        files = []
        for i, img in enumerate(images, 1):
            name = f"{num}-{slug}.png" if len(images) == 1 else f"{num}-{slug}-p{i}.png"
            save(img, out / name)
            files.append(name)
        labels.append({"id": f"{num}-{slug}", "files": files, **label})
    (out / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {sum(len(d['files']) for d in labels)} pages to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
