"""The five events of shared/design/scenarios.md as data: event, categories, programme.

Hosts are organisations, never real people; participants are generated (see names.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from ..models import ItemKind as K


@dataclass(frozen=True)
class Item:
    kind: K
    code: str
    title: str
    host: str = ""
    room: str = ""
    capacity: int | None = None


@dataclass(frozen=True)
class Slot:
    day: int  # 0-based index into the event's days
    start: time
    end: time
    label: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Scenario:
    key: str
    name: str
    subtitle: str
    venue_name: str
    venue_address: str
    first_day: date
    last_day: date
    organiser: str
    contact: str
    extra_categories: tuple[tuple[str, str, str], ...]  # name, badge label, colour
    category_weights: dict[str, float]
    region: str  # key into names.MUNICIPALITIES
    slots: tuple[Slot, ...] = field(default=())


def t(hhmm: str) -> time:
    h, m = hhmm.split(":")
    return time(int(h), int(m))


BMWSB = "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB)"

TAG_DER_REGIONEN = Scenario(
    key="tag-der-regionen",
    name="Tag der Regionen 2025",
    subtitle="Starke Regionen, starke Zukunft – Raum- und Infrastrukturen resilient gestalten",
    venue_name="Klimahaus Bremerhaven",
    venue_address="Am Längengrad 8\n27568 Bremerhaven",
    first_day=date(2025, 6, 16),
    last_day=date(2025, 6, 17),
    organiser=BMWSB,
    contact="tag-der-regionen@example.org",
    extra_categories=(("Partner", "Partner", "#00707A"), ("VIP", "VIP", "#8A6D00")),
    category_weights={
        "Teilnehmer/in": 80,
        "Referent/in": 6,
        "Aussteller/in": 3,
        "Presse": 2,
        "Organisation": 3,
        "Partner": 5,
        "VIP": 1,
    },
    region="nord",
    slots=(
        Slot(
            0,
            t("10:00"),
            t("12:30"),
            "Eröffnung und Plenum",
            (Item(K.TALK, "P1", "Eröffnung und Keynote", BMWSB, "Saal Hansa", 800),),
        ),
        Slot(
            0,
            t("12:30"),
            t("13:30"),
            "Mittagspause",
            (Item(K.MARKET, "M1", "Markt der Regionen", "Partner", "Foyer", None),),
        ),
        Slot(
            0,
            t("15:00"),
            t("16:30"),
            "Partnersessions I",
            (
                Item(
                    K.WORKSHOP,
                    "S1",
                    "Digitale Daseinsvorsorge",
                    "Verband kommunaler Unternehmen e. V. (VKU), Stadt Geestland, Fraunhofer IESE",
                    "Raum Weser",
                    80,
                ),
                Item(
                    K.WORKSHOP,
                    "S2",
                    "Resiliente Infrastrukturen im ländlichen Raum",
                    "Deutscher Landkreistag",
                    "Raum Elbe",
                    60,
                ),
                Item(
                    K.WORKSHOP,
                    "S3",
                    "Klimaanpassung in Regionen",
                    "Umweltbundesamt",
                    "Raum Ems",
                    60,
                ),
                Item(
                    K.WORKSHOP,
                    "S4",
                    "Gleichwertige Lebensverhältnisse messen",
                    "BBSR",
                    "Raum Jade",
                    50,
                ),
            ),
        ),
        Slot(
            0,
            t("19:00"),
            t("22:30"),
            "Abendempfang",
            (
                Item(
                    K.GET_TOGETHER,
                    "A1",
                    "Abendempfang im Hafen",
                    "Stadt Bremerhaven",
                    "Hafenterrasse",
                    400,
                ),
            ),
        ),
        Slot(
            1,
            t("09:30"),
            t("11:00"),
            "Partnersessions II",
            (
                Item(
                    K.WORKSHOP,
                    "S5",
                    "Mobilität auf dem Land",
                    "Deutscher Städte- und Gemeindebund",
                    "Raum Weser",
                    80,
                ),
                Item(K.WORKSHOP, "S6", "Fachkräfte für Kommunen", "KGSt", "Raum Elbe", 60),
                Item(
                    K.EXCURSION,
                    "E1",
                    "Exkursion Fischereihafen",
                    "Stadt Bremerhaven",
                    "Treffpunkt Eingang",
                    30,
                ),
            ),
        ),
        Slot(
            1,
            t("11:30"),
            t("13:00"),
            "Podium und Abschluss",
            (Item(K.PANEL, "P2", "Podium: Resiliente Regionen", BMWSB, "Saal Hansa", 800),),
        ),
    ),
)

BAD_BELZIG = Scenario(
    key="bad-belzig",
    name="16. Regionalkonferenz Modellprojekte Smart Cities",
    subtitle="Dörfer, Daten, Daseinsvorsorge – smarte Zukunft für ländliche Regionen gestalten",
    venue_name="Kulturzentrum Bad Belzig",
    venue_address="Weitzgrunder Str. 4\n14806 Bad Belzig",
    first_day=date(2024, 9, 5),
    last_day=date(2024, 9, 5),
    organiser=f"{BMWSB}; Koordinierungs- und Transferstelle, DLR Projektträger",
    contact="regionalkonferenz@example.org",
    extra_categories=(("Start Smart", "Start Smart", "#00707A"),),
    category_weights={
        "Teilnehmer/in": 82,
        "Referent/in": 6,
        "Aussteller/in": 6,
        "Presse": 2,
        "Organisation": 3,
        "Start Smart": 1,
    },
    region="brandenburg",
    slots=(
        Slot(
            0,
            t("10:00"),
            t("11:30"),
            "Begrüßung und Impulse",
            (Item(K.TALK, "I1", "Impulse aus der kommunalen Praxis", BMWSB, "Großer Saal", 250),),
        ),
        Slot(
            0,
            t("11:45"),
            t("13:00"),
            "Workshops",
            (
                Item(
                    K.WORKSHOP,
                    "W1",
                    "Daten im Dorf: Was brauchen kleine Gemeinden?",
                    "Modellprojekt Smart City",
                    "Seminarraum 1",
                    30,
                ),
                Item(
                    K.WORKSHOP,
                    "W2",
                    "Digitale Daseinsvorsorge: Gesundheit und Pflege",
                    "Modellprojekt Smart City",
                    "Seminarraum 2",
                    30,
                ),
                Item(
                    K.WORKSHOP,
                    "W3",
                    "Mobilität zwischen Dorf und Stadt",
                    "Modellprojekt Smart City",
                    "Seminarraum 3",
                    25,
                ),
                Item(
                    K.FORUM,
                    "B1",
                    "Beratung durch das Start-Smart-Team",
                    "Start Smart",
                    "Beratungsecke",
                    12,
                ),
            ),
        ),
        Slot(
            0,
            t("13:00"),
            t("14:30"),
            "Markt der Möglichkeiten",
            (Item(K.MARKET, "M1", "Markt der Möglichkeiten", "Kommunen und Projekte", "Foyer"),),
        ),
        Slot(
            0,
            t("14:30"),
            t("16:00"),
            "Exkursion und Podium",
            (
                Item(
                    K.EXCURSION,
                    "E1",
                    "Exkursion zur Zukunftsschusterei",
                    "Stadt Bad Belzig",
                    "Treffpunkt Haupteingang",
                    25,
                ),
                Item(K.PANEL, "P1", "Podium: Smarte ländliche Regionen", BMWSB, "Großer Saal", 250),
            ),
        ),
        Slot(
            0,
            t("17:00"),
            t("20:00"),
            "Get-together",
            (Item(K.GET_TOGETHER, "G1", "Get-together", "DLR Projektträger", "Innenhof", 180),),
        ),
    ),
)

MOENCHENGLADBACH = Scenario(
    key="moenchengladbach",
    name="Regionalkonferenz Smart Cities 2025",
    subtitle="Beteiligen. Befähigen. Bestärken. – Smart City gemeinsam gestalten",
    venue_name="Redbox am Nordpark",
    venue_address="Am Nordpark\n41069 Mönchengladbach",
    first_day=date(2025, 3, 12),
    last_day=date(2025, 3, 12),
    organiser=BMWSB,
    contact="smart-cities-konferenz@example.org",
    extra_categories=(("Pitch", "Pitch", "#00707A"),),
    category_weights={
        "Teilnehmer/in": 80,
        "Referent/in": 6,
        "Aussteller/in": 3,
        "Presse": 2,
        "Organisation": 3,
        "Pitch": 6,
    },
    region="nrw",
    slots=(
        Slot(
            0,
            t("10:00"),
            t("11:15"),
            "Impulse und Podium",
            (Item(K.PANEL, "P1", "Impulse und Podiumsdiskussion", BMWSB, "Halle", 300),),
        ),
        Slot(
            0,
            t("11:30"),
            t("13:00"),
            "Workshops I",
            (
                Item(
                    K.WORKSHOP,
                    "W1",
                    "KI-Anwendungen in der Verwaltung",
                    "Stadt Mönchengladbach",
                    "Raum 1",
                    40,
                ),
                Item(
                    K.WORKSHOP,
                    "W2",
                    "Innovative Bürgerbeteiligung",
                    "Modellprojekt Smart City",
                    "Raum 2",
                    40,
                ),
                Item(
                    K.WORKSHOP,
                    "W3",
                    "Offene Daten und Datenplattformen",
                    "Modellprojekt Smart City",
                    "Raum 3",
                    35,
                ),
            ),
        ),
        Slot(
            0,
            t("14:00"),
            t("15:30"),
            "Workshops II",
            (
                Item(
                    K.WORKSHOP,
                    "W1",
                    "KI-Anwendungen in der Verwaltung",
                    "Stadt Mönchengladbach",
                    "Raum 1",
                    40,
                ),
                Item(
                    K.WORKSHOP,
                    "W2",
                    "Innovative Bürgerbeteiligung",
                    "Modellprojekt Smart City",
                    "Raum 2",
                    40,
                ),
                Item(
                    K.WORKSHOP, "W4", "Smarte Quartiere", "Modellprojekt Smart City", "Raum 3", 35
                ),
            ),
        ),
        Slot(
            0,
            t("15:45"),
            t("17:00"),
            "Elevator Pitches",
            (Item(K.TALK, "E1", "Elevator Pitches der Kommunen", "Kommunen", "Halle", 300),),
        ),
    ),
)

HESSEN = Scenario(
    key="hessen",
    name="Digitale Städte – Digitale Regionen",
    subtitle="Onlinekongress des Landes Hessen",
    venue_name="Online (Kongressplattform)",
    venue_address="",
    first_day=date(2025, 9, 23),
    last_day=date(2025, 9, 23),
    organiser="Hessisches Ministerium für Digitalisierung und Innovation",
    contact="kongress-digitale-regionen@example.org",
    extra_categories=(),
    category_weights={
        "Teilnehmer/in": 88,
        "Referent/in": 6,
        "Aussteller/in": 4,
        "Presse": 1,
        "Organisation": 1,
    },
    region="hessen",
    slots=(
        Slot(
            0,
            t("09:00"),
            t("10:30"),
            "Eröffnung und Podium",
            (Item(K.PANEL, "P1", "Podium mit der Digitalministerin", "Land Hessen", "Hauptbühne"),),
        ),
        Slot(
            0,
            t("10:45"),
            t("12:15"),
            "Workshops",
            (
                Item(K.WORKSHOP, "W1", "Mobilität", "Regionalforum Nordhessen", "Raum A", 120),
                Item(
                    K.WORKSHOP,
                    "W2",
                    "Ehrenamt digital",
                    "Regionalforum Mittelhessen",
                    "Raum B",
                    120,
                ),
                Item(K.WORKSHOP, "W3", "Vernetzung", "Regionalforum Osthessen", "Raum C", 120),
                Item(K.WORKSHOP, "W4", "Kompetenzen", "Regionalforum Südhessen", "Raum D", 120),
            ),
        ),
        Slot(
            0,
            t("12:15"),
            t("14:00"),
            "EXPO",
            (Item(K.MARKET, "X1", "EXPO mit 21 Ausstellern", "Aussteller", "EXPO-Halle"),),
        ),
    ),
)

STUTTGART = Scenario(
    key="stuttgart",
    name="13. Bundeskongress Nationale Stadtentwicklungspolitik",
    subtitle="Smart, solidarisch, resilient: Wie gestalten wir die Zukunft in Stadt und Land?",
    venue_name="Wagenhallen",
    venue_address="Innerer Nordbahnhof 1\n70191 Stuttgart",
    first_day=date(2019, 9, 18),
    last_day=date(2019, 9, 20),
    organiser="Bundesministerium des Innern, für Bau und Heimat (BMI) mit der "
    "Bauministerkonferenz, dem Deutschen Städtetag und dem Deutschen Städte- und Gemeindebund",
    contact="bundeskongress@example.org",
    extra_categories=(("VIP", "VIP", "#8A6D00"), ("Delegation", "Delegation", "#00707A")),
    category_weights={
        "Teilnehmer/in": 74,
        "Referent/in": 7,
        "Aussteller/in": 3,
        "Presse": 4,
        "Organisation": 3,
        "VIP": 2,
        "Delegation": 7,
    },
    region="bw",
    slots=(
        Slot(
            0,
            t("13:00"),
            t("15:00"),
            "Eröffnung",
            (Item(K.TALK, "P1", "Eröffnung des Bundeskongresses", "BMI", "Halle 1", 1200),),
        ),
        Slot(
            0,
            t("15:30"),
            t("17:30"),
            "Foren I",
            (
                Item(
                    K.FORUM,
                    "F1",
                    "Smart Cities: Gewinnerkommunen im Austausch",
                    "BMI",
                    "Halle 2",
                    150,
                ),
                Item(K.FORUM, "F2", "Solidarische Stadt", "Deutscher Städtetag", "Halle 3", 150),
                Item(K.FORUM, "F3", "Resiliente Stadt", "DStGB", "Halle 4", 150),
            ),
        ),
        Slot(
            0,
            t("19:00"),
            t("23:00"),
            "Abendveranstaltung",
            (
                Item(
                    K.DINNER,
                    "A1",
                    "Abendveranstaltung",
                    "Landeshauptstadt Stuttgart",
                    "Halle 1",
                    700,
                ),
            ),
        ),
        Slot(
            1,
            t("09:00"),
            t("11:00"),
            "Foren II",
            (
                Item(K.FORUM, "F4", "Stadt und Land", "Bauministerkonferenz", "Halle 2", 150),
                Item(K.FORUM, "F5", "Internationale Perspektiven", "BMI", "Halle 3", 150),
                Item(K.WORKSHOP, "W1", "Bodenpolitik", "Deutscher Städtetag", "Halle 4", 80),
            ),
        ),
        Slot(
            1,
            t("11:30"),
            t("13:00"),
            "Podiumsdiskussion",
            (Item(K.PANEL, "P2", "Podiumsdiskussion", "BMI", "Halle 1", 1200),),
        ),
        Slot(
            1,
            t("14:30"),
            t("17:30"),
            "Exkursionen",
            (
                Item(
                    K.EXCURSION,
                    "E1",
                    "Exkursion Stuttgart 21 / Rosenstein",
                    "Stadt Stuttgart",
                    "Treffpunkt Eingang",
                    40,
                ),
                Item(K.EXCURSION, "E2", "Exkursion IBA 2027", "IBA'27", "Treffpunkt Eingang", 40),
            ),
        ),
        Slot(
            2,
            t("09:30"),
            t("12:00"),
            "Abschlussplenum",
            (Item(K.TALK, "P3", "Abschlussplenum", "BMI", "Halle 1", 1200),),
        ),
    ),
)

SCENARIOS: dict[str, Scenario] = {
    s.key: s for s in (TAG_DER_REGIONEN, BAD_BELZIG, MOENCHENGLADBACH, HESSEN, STUTTGART)
}
DEFAULT_SCENARIO = "bad-belzig"
