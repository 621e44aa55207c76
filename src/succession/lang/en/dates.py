"""English date vocabulary, read by succession.extract.dates and succession.extract.dating.

Every key is lower case; multi-word keys match any run of whitespace. The German module
(succession.lang.de.dates) defines the same names; a test checks it.
"""

# fmt: off
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# only trusted next to a day or a year ("Oct 17", "Oct. 2022"), never alone
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# season -> the month it is resolved through; a season only ever gives year precision
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# only trusted in front of a full date ("Mon, 17 Oct 2022")
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
# "Monday evening", "yesterday afternoon"
DAYPARTS = ("morning", "afternoon", "evening", "night")

# word -> offset in days from the publication date
RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "the day before yesterday": -2,
    "tomorrow": 1, "the day after tomorrow": 2,
}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}
# counted units in "five days ago", "in two weeks"
UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year",
}
# single periods after a modifier or article: "last week", "end of the year"
PERIODS = {"week": "week", "weekend": "week", "month": "month", "year": "year"}
# one word standing for a period relative to publication: word -> (unit, offset, part of the period)
PERIOD_COMPOUNDS = {
    "year-end": ("year", 0, "end"), "year end": ("year", 0, "end"), "yearend": ("year", 0, "end"),
    "month-end": ("month", 0, "end"), "month end": ("month", 0, "end"),
}

# modifier -> direction: "past" (the one before), "next" (the one after), "this" (the current one)
MODIFIERS = {
    "last": "past", "next": "next", "coming": "next", "this": "this", "current": "this",
}
# part of a period; "later"/"earlier" also say on which side of the publication date it lies
PARTS = {
    "early": "start", "the beginning of": "start", "beginning of": "start", "the start of": "start",
    "start of": "start", "the middle of": "mid", "middle of": "mid", "mid": "mid", "late": "end",
    "the end of": "end", "end of": "end", "later": "later", "earlier": "earlier",
}
ARTICLES = ("the",)

PREPOSITIONS = (
    "on", "in", "in the", "at", "at the", "by", "by the", "since", "since the", "from", "as of", "until",
    "till", "through", "to", "during", "effective", "effective from", "effective on", "starting",
    "starting on", "starting in", "starting from", "beginning", "beginning on", "before", "after",
    "for", "of", "around", "until the", "before the", "after the", "no later than", "as early as",
)
# prepositions that fix the direction whatever the tense ("since March" lies before the article)
PAST_PREPOSITIONS = ("since", "since the")
# prepositions that hint at a date after the article when the tense is unknown
FUTURE_PREPOSITIONS = (
    "effective", "effective from", "effective on", "starting", "starting on", "starting in", "starting from",
    "until", "till", "until the", "by", "by the", "no later than",
)
# the only prepositions that make a bare season a date ("in the fall", but not "to fall")
SEASON_PREPOSITIONS = ("in", "in the", "during", "during the", "since", "since the", "until", "until the", "by the")
# words that may stand between a preposition and a year: "in the year 2015", "fiscal 2015"
YEAR_PREFIXES = ("the year", "year", "fiscal", "fiscal year", "the fiscal year")
DAY_SUFFIXES = ("st", "nd", "rd", "th")
# "the 30th of November", "the summer of 2010"
DAY_MONTH_JOINERS = ("of",)
DATE_ORDERS = ("DMY", "MDY")
# order of an ambiguous numeric date "3/4/2021"
SLASH_DATE_ORDER = "MDY"

# "five days ago": words before and after the count
# a clause with one of these words and none of REPORT_PAST reports the change as news of the day ("Foo has
# resigned", "Foo is now chief of Bar"): with no date of its own it is dated by the publication
REPORT_PRESENT = ("has", "have", "is", "are", "now")
REPORT_PAST = ("was", "were", "had", "did", "ago", "then", "previously", "formerly", "earlier", "once", "later")

AGO_BEFORE = ()
AGO_AFTER = ("ago",)
# "in two weeks", "two weeks from now"
LATER_BEFORE = ("in",)
LATER_AFTER = ("from now",)
# vague quantifiers before a count; they do not change the value
HEDGES = (
    "almost", "nearly", "about", "around", "some", "over", "more than", "less than", "roughly",
    "approximately", "exactly", "just over", "just under", "precisely",
)

# a four-digit number is not a year when one of these follows it ("2015 employees") ...
QUANTITY_NOUNS = (
    "employee", "worker", "staff", "people", "person", "job", "share", "dollar", "euro", "pound",
    "franc", "million", "billion", "percent", "per cent", "point", "unit", "car", "vehicle", "customer",
    "user", "member", "store", "shop", "branch", "mile", "km", "kg", "kilo", "metre", "meter", "ton",
    "times", "student", "patient", "case", "vote", "cop", "visitor", "resident", "household", "barrel",
    "acre", "hectare", "seat", "page", "word", "signature", "soldier", "troop", "home", "house",
)
# measures and currencies: a number before one of these is an amount even after "in" or "by" ("by 2015 percent")
UNIT_NOUNS = (
    "percent", "per cent", "dollar", "euro", "pound", "franc", "yen", "million", "billion", "km", "kg", "kilo",
    "mile", "metre", "meter", "ton", "barrel", "acre", "hectare", "points",
)
# ... or one of these precedes it ("No. 2015", "USD 2015", "some 2015")
AMOUNT_PREFIXES = (
    "no", "nos", "number", "page", "p", "pp", "tel", "phone", "room", "flight", "route", "model", "version",
    "iso", "usd", "eur", "gbp", "chf", "us$", "nearly", "almost", "roughly", "approximately", "some",
    "more than", "less than", "up to", "over", "about",
)
# German-style noun capitals make "2015 Employees" a count; English capitals do not
CAPITALISED_WORD_AFTER_NUMBER_IS_QUANTITY = False

# publication-date cues at the start of a byline line ("By ...", "Published: ...")
BYLINE_CUES = (
    "by", "published", "published on", "first published", "updated", "updated on", "last updated",
    "posted", "posted on", "date", "dated", "written by",
)
# words that may surround a clock time in a byline ("10:15 am GMT")
TIME_WORDS = (
    "am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest", "et", "est", "edt", "pt", "pst",
    "pdt", "at", "o'clock",
)
# fmt: on
