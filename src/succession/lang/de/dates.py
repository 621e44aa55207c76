"""German date vocabulary, read by succession.extract.dates and succession.extract.dating.

Every key is lower case; multi-word keys match any run of whitespace. Same names as
succession.lang.en.dates (a test checks it). Inflected forms are listed one by one, since the
grammar matches whole words.
"""

# fmt: off
MONTHS = {
    "januar": 1, "jänner": 1, "jaenner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3, "april": 4,
    "mai": 5, "juni": 6, "juno": 6, "juli": 7, "julei": 7, "august": 8, "september": 9, "oktober": 10,
    "november": 11, "dezember": 12,
}
# only trusted next to a day or a year ("17. Okt. 2022"), never alone
MONTH_ABBREVIATIONS = {
    "jan": 1, "jän": 1, "feb": 2, "mär": 3, "mrz": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12,
}
# season -> the month it is resolved through; a season only ever gives year precision
SEASONS = {"frühjahr": 3, "frühling": 3, "sommer": 6, "herbst": 9, "winter": 12}

WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
}
# only trusted in front of a full date ("Mo., 17. Okt. 2022")
WEEKDAY_ABBREVIATIONS = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}
# "Montagabend", "am Montag Abend", "gestern Nachmittag"
DAYPARTS = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht", "früh")

# word -> offset in days from the publication date ("morgen" is left out: it is also "morning")
RELATIVE_DAYS = {"heute": 0, "gestern": -1, "vorgestern": -2, "übermorgen": 2}

NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13,
    "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
}
# counted units in "vor fünf Tagen", "in zwei Wochen"
UNITS = {
    "tag": "day", "tage": "day", "tagen": "day", "woche": "week", "wochen": "week", "monat": "month",
    "monate": "month", "monaten": "month", "jahr": "year", "jahre": "year", "jahren": "year",
}
# single periods after a modifier or article: "letzte Woche", "Ende des Jahres"
PERIODS = {
    "woche": "week", "wochenende": "week", "monat": "month", "monats": "month", "jahr": "year",
    "jahres": "year", "jahrs": "year",
}
# one word standing for a period relative to publication: word -> (unit, offset, part of the period)
PERIOD_COMPOUNDS = {
    "vorjahr": ("year", -1, None), "vorjahres": ("year", -1, None), "vorjahrs": ("year", -1, None),
    "vormonat": ("month", -1, None), "vormonats": ("month", -1, None), "vorwoche": ("week", -1, None),
    "jahresende": ("year", 0, "end"), "jahresanfang": ("year", 0, "start"), "jahresbeginn": ("year", 0, "start"),
    "jahresmitte": ("year", 0, "mid"), "monatsende": ("month", 0, "end"), "monatsanfang": ("month", 0, "start"),
}

# modifier -> direction: "past" (the one before), "next" (the one after), "this" (the current one)
MODIFIERS = {
    "letzte": "past", "letzten": "past", "letzter": "past", "letztes": "past", "letztem": "past",
    "vergangene": "past", "vergangenen": "past", "vergangener": "past", "vergangenes": "past",
    "vergangenem": "past", "vorige": "past", "vorigen": "past", "voriger": "past", "voriges": "past",
    "nächste": "next", "nächsten": "next", "nächster": "next", "nächstes": "next", "nächstem": "next",
    "kommende": "next", "kommenden": "next", "kommender": "next", "kommendes": "next", "kommendem": "next",
    "diese": "this", "diesen": "this", "dieser": "this", "dieses": "this", "diesem": "this",
    "laufenden": "this", "laufende": "this", "laufendes": "this",
}
# part of a period ("Anfang März", "Ende des Jahres")
PARTS = {
    "anfang": "start", "beginn": "start", "mitte": "mid", "ende": "end", "laufe": "mid",
}
ARTICLES = ("des", "der", "dem", "den", "die", "das")

PREPOSITIONS = (
    "am", "im", "in", "an", "zum", "zur", "zu", "ab", "ab dem", "seit", "seit dem", "bis", "bis zum",
    "bis zur", "bis spätestens", "spätestens", "vom", "von", "um", "für", "per", "mit wirkung zum",
    "mit wirkung vom", "mit wirkung ab", "in der nacht zum", "in der nacht auf", "bereits im", "bereits am",
    "noch im", "noch am", "erst im", "erst am", "gegen",
)
# prepositions that fix the direction whatever the tense ("seit März" lies before the article)
PAST_PREPOSITIONS = ("seit", "seit dem")
# prepositions that hint at a date after the article when the tense is unknown
FUTURE_PREPOSITIONS = (
    "ab", "ab dem", "zum", "zur", "bis", "bis zum", "bis zur", "bis spätestens", "spätestens",
    "mit wirkung zum", "mit wirkung vom", "mit wirkung ab",
)
# the only prepositions that make a bare season a date ("im Herbst")
SEASON_PREPOSITIONS = ("im", "seit", "bis", "bis zum", "zum", "ab", "vom", "noch im", "bereits im", "erst im")
# words that may stand between a preposition and a year: "im Jahr 2015", "Geschäftsjahr 2015"
YEAR_PREFIXES = ("jahr", "jahre", "jahres", "geschäftsjahr", "geschäftsjahres", "kalenderjahr")
DAY_SUFFIXES = ()
DAY_MONTH_JOINERS = ()
DATE_ORDERS = ("DMY",)
# order of an ambiguous numeric date "3/4/2021"
SLASH_DATE_ORDER = "DMY"

# a clause with one of these words and none of REPORT_PAST reports the change as news of the day ("Foo hat
# Bar verlassen", "Neuer Chef wird Foo"): with no date of its own it is dated by the publication
REPORT_PRESENT = ("hat", "haben", "ist", "sind", "wird", "werden", "nun", "jetzt")
REPORT_PAST = ("wurde", "wurden", "war", "waren", "hatte", "hatten", "damals", "zuvor", "früher", "einst",
               "später", "danach", "bisher")

# "vor fünf Tagen": words before and after the count
AGO_BEFORE = ("vor",)
AGO_AFTER = ()
# "in zwei Wochen"
LATER_BEFORE = ("in",)
LATER_AFTER = ()
# vague quantifiers before a count; they do not change the value
HEDGES = (
    "fast", "knapp", "rund", "etwa", "gut", "über", "mehr als", "weniger als", "ungefähr", "circa",
    "ca.", "genau", "beinahe", "nahezu", "exakt",
)

# a four-digit number is not a year when one of these follows it ("2015 Mitarbeiter") ...
QUANTITY_NOUNS = (
    "mitarbeit", "beschäftigt", "angestellt", "arbeitspl", "stelle", "jobs", "euro", "eur", "dollar",
    "franken", "pfund", "mio", "million", "milliard", "prozent", "person", "mensch", "leute", "einwohner",
    "aktie", "anteil", "stück", "punkt", "kilomet", "km", "meter", "tonne", "fahrzeug", "auto", "kunde",
    "nutzer", "filiale", "mal", "seite", "zeichen", "mitglied", "teilnehmer", "besucher", "student",
    "schüler", "patient", "fälle", "fall", "stimme", "exemplar", "haushalt", "wohnung", "soldat", "hektar",
)
# measures and currencies: a number before one of these is an amount even after "um" or "bis" ("um 2000 Euro")
UNIT_NOUNS = (
    "prozent", "euro", "dollar", "franken", "pfund", "yen", "mio", "million", "milliard", "km", "kg", "kilo",
    "meter", "tonne", "hektar", "punkte", "stück",
)
# ... or one of these precedes it ("Nr. 2015", "rund 2000")
AMOUNT_PREFIXES = (
    "nr", "nummer", "seite", "s", "tel", "telefon", "zimmer", "raum", "eur", "usd", "chf", "gbp", "euro",
    "dollar", "plz", "postfach", "gleis", "linie", "flug", "modell", "version", "iso", "din", "§", "artikel",
    "rund", "etwa", "ca", "circa", "knapp", "über", "mehr als", "weniger als", "bis zu", "fast", "gut",
)
# German nouns are capitalised, so "2015 Mitarbeiter" counts people, while "2018 ernannte" is a year
CAPITALISED_WORD_AFTER_NUMBER_IS_QUANTITY = True

# publication-date cues at the start of a byline line ("Von ...", "Veröffentlicht am ...")
BYLINE_CUES = (
    "von", "veröffentlicht", "veröffentlicht am", "aktualisiert", "aktualisiert am", "zuletzt aktualisiert",
    "erstellt", "erstellt am", "stand", "datum", "erschienen", "erschienen am", "publiziert", "publiziert am",
)
# words that may surround a clock time in a byline ("10:15 Uhr MEZ")
TIME_WORDS = ("uhr", "mez", "mesz", "cet", "cest", "utc", "gmt", "um")
# fmt: on
