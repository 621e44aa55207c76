"""German organisation knowledge for where a change happened: the bodies a government's posts are held
in, and which posts are held in a country rather than an organisation (the policy of
``../shared/gold/README.md``: a minister's organisation is the government as the text names it
("Bundesregierung"), a head of state's the state ("Kiribati"))."""

# a government and its ministries, as written ("Bundesregierung", "Landesregierung",
# "Küstenschutzministerium", "Bundesministerium für Häfen und Schifffahrt"); regular expressions, matched case-sensitively on whole words
GOVERNMENT_BODIES = (
    r"(?:Bundes|Landes|Staats)regierung",
    r"(?:Bundes|Landes|Staats)?[A-ZÄÖÜ][a-zäöüß]*ministerium(?: (?:für|des) [A-ZÄÖÜ][\w\-]+(?:(?:,| und) [A-ZÄÖÜ][\w\-]+){0,3})?",
    r"Bundesministerium (?:für|des|der) [A-ZÄÖÜ][\w\-]+(?:(?:,| und) [A-ZÄÖÜ][\w\-]+){0,3}",
)
# where a body's own words say what it is ("Küstenschutzministerium" ~ "Küstenschutzministerin"): parts that say nothing
GOVERNMENT_GENERIC_WORDS = ("ministerium", "bundes", "landes", "staats", "für", "des", "der", "und", "regierung")
# other common names of countries (CLDR's names come through Babel): form -> CLDR region code
COUNTRY_VARIANTS = {"USA": "US", "Großbritannien": "GB", "Weißrussland": "BY", "Moldawien": "MD", "Holland": "NL"}
# an adjective of a country ("die kiribatische Regierung", "der tuvaluische Präsident"): the
# suffixes taken off, shortest first, before the rest is looked up as the start of a one-word country
# name ("kiribat-" -> "Kiribati", "tuvalu-" -> "Tuvalu")
COUNTRY_ADJECTIVE = r"[a-zäöü]{4,}sch(?:e[mnrs]?)?"
COUNTRY_ADJECTIVE_SUFFIXES = ("sch", "sche", "schen", "scher", "sches", "schem", "isch", "ische", "ischen",
                              "ischer", "isches", "ischem",
                              # "-esisch" after the country's name ("tuvaluesisch" -> "Tuvalu")
                              "esisch", "esische", "esischen", "esischer", "esisches", "esischem")
# prepositions of place (with an article) before a country's name: where a word one letter away from a
# country's name is read as that country spelt another way
PLACE_PREPOSITIONS = ("in", "nach", "aus", "auf", "von", "auf die", "auf den", "in die", "in den", "aus der", "aus dem", "von der", "von den", "nach der", "in der", "in dem")
# endings a country name takes in the text ("Kiribatis")
COUNTRY_ENDINGS = ("s",)
# a country right after a capitalised word is part of a longer name: not in German, which capitalises
# every noun ("Regierung Kiribatis")
COUNTRY_AFTER_CAPITAL_IS_PART = False
# the word right before an organisation that says a change happened there ("Wechsel zu Foo", "kehrte zu
# Foo zurück", "beim Foo"): in a sentence of several changes, the organisation of this trigger
MOVE_LINKERS = ("zu", "zum", "zur", "bei", "beim", "nach")
# the same for an end ("entlassen beim Foo", "Abschied von Foo")
END_LINKERS = ("von", "vom", "bei", "beim", "aus")  # "aus": "Rückzug aus dem Landtag"
# where an end leaves for, the agent of a passive change far after its trigger, and an organisation named by a
# definite common noun (English "left Foo for Bar", "hired ... by Bar", "left the club"): not read in German yet
DESTINATION_LINKERS: tuple[str, ...] = ()
AGENT_LINKERS: tuple[str, ...] = ()
ORG_ANAPHORS = ""
# the same in a verb-final clause, the noun phrase before the trigger ("hat den Verein im Mai verlassen", "beim
# Klub entlassen"): regular expression searched up to the trigger, group 1 the noun phrase
ORG_ANAPHORS_BEFORE = (r"(?<![\w\-])(?:den|dem|das|vom|beim|zum)\s+((?:Verein|Klub|Club|Konzern|Verband|Unternehmen))"
                       r"\s+(?:[\w\-]+\s+){0,6}$")
# the word right before an organisation a start comes from ("kam vom Foo", "aus dem Foo in den Vorstand"):
# never where the start happens
ORIGIN_LINKERS = ("aus", "vom")
# an auxiliary right after an organisation that makes it the one acting, with the participle at the end of
# the clause ("Foo hat den Trainer X entlassen")
AGENT_AUXILIARIES = ("hat", "hatte", "haben", "hatten")
# case endings a name takes in the text, taken off where the article names it without ("Foostadts
# Bürgermeister" is the mayor of "Foostadt")
NAME_CASE_ENDINGS = ("s",)

# public bodies named by a common noun, by kind ("in die Regierung wechseln", "der neue Landtag"): where a
# minister's or an assembly's post is held when no ministry is named; regular expressions on whole words
PUBLIC_BODY_NOUNS = {"government": (r"Regierung(?:en)?",), "assembly": (r"Landtag", r"Parlament"), "church": (r"Kirche",)}
# articles between a trigger and the organisation that is its object ("verließ die Regierung")
OBJECT_ARTICLES = ("die", "der", "den", "das", "dem")
# nouns saying what kind of organisation the name after them is ("der Weltfußballverband Foo",
# "Bundesligist Foo 04"; standing alone, they are part of the name: "Universität Foo"): general words,
# closing a compound; not "meister", which champions and posts share with clubs ("Weltmeister Foo Bar")
ORG_HEAD_NOUNS = ("verband", "verein", "klub", "club", "konzern", "partei", "gewerkschaft", "unternehmen",
                  "bank", "kanzlei", "sender", "verlag", "stiftung", "institut", "ligist",
                  "rivale", "rivalen", "riese", "hersteller", "versicherer", "airline", "fluglinie", "agentur",
                  "zeitung", "magazin", "hochschule", "universität", "team", "mannschaft", "autobauer",
                  "firma", "gruppe")
ORG_HEAD_IN_COMPOUNDS = True
# a place's adjective before a noun or a name ("Barstädter Bürgermeister", "Fooburger Partei"): a capitalised
# word ending in "-er", the place the stem names; nouns of that shape are told apart by their endings
# (NOT_PLACE_ADJECTIVE_ENDINGS, ORG_HEAD_NOUNS), the role words, first names and month names
PLACE_ADJECTIVE = r"[A-ZÄÖÜ][a-zäöüß]{2,}(?<!isch)(?<!lich)(?<!ig)er"  # not a plain adjective ("Künstlerischer")
PLACE_ADJECTIVE_ENDING = "er"
# a place's adjective whose stem drops an "e" of the place's name ("Foontner" of "Foonten", "Barchner" of
# "Barchen"): (how the stem ends, how the place's name ends instead), read only against places the article names
PLACE_ADJECTIVE_ELISIONS = (("n", "en"),)
# endings of nouns of that shape, for persons and things ("Physiker", "Regierungssprecher", "Koalitionspartner",
# "Kilometer") and superlatives ("Größter"): no place's adjective
NOT_PLACE_ADJECTIVE_ENDINGS = ("ster", "iker", "sprecher", "partner", "geber", "nehmer", "meter", "braucher",
                               "sacher", "schafter", "händler", "halter", "arbeiter", "spieler", "fahrer",
                               "macher", "wähler", "bürger", "sider", "ker", "ther")
# a region's bodies and offices, after the region's adjective ("der fooländische Landtag", "die Fooburger
# Landesregierung", "der barmärkische Landeshauptmann"): where a region's office is held, the region named so
# (regular expressions; inflected forms included)
REGION_BODY_WORDS = (r"Landtag(?:e?s)?", r"Landesregierung", r"Landesparlament(?:e?s)?", r"Landeshauptm(?:ann|änner)(?:e?s)?",
                     r"Landeshauptfrau", r"Landesr(?:at|ätin)(?:e?s)?", r"Landeshauptstadt")
# the adjective before them: a lower-case one in "-isch" ("fooländische", hyphenated too) or a capitalised
# one in "-er" ("Fooburger")
REGION_ADJECTIVE = r"[a-zäöü][a-zäöüß]{3,}(?:-[a-zäöü][a-zäöüß]+)?isch(?:e[mnrs]?)?|[A-ZÄÖÜ][a-zäöüß]{3,}er"
# endings taken off an adjective (folded, longest first) before its stem is read as the region's name
REGION_ADJECTIVE_SUFFIXES = ("ischem", "ischen", "ischer", "isches", "ische", "isch", "er")
# how regions' names end (folded: an adjective's umlaut undone, "-ländisch" -> "-land"): a stem so ending is
# the region's name where the article names no place that the stem opens
REGION_NOUN_ENDINGS = ("land", "reich", "mark", "burg", "berg", "stein", "pfalz")
# adjectives whose stem is the region's name cut short (folded stem ending -> the noun's ending): "-sächsisch"
# names a "-sachsen"
REGION_NOUN_COMPLETIONS = {"sachs": "sachsen"}
# a word right before a post saying it is held "there" ("der dortige Parteichef Foo"): in the place the article
# named last before it; regular expression, whole word
PLACE_HERE_WORDS = r"dortige[mnrs]?"
# a head of government's office is the state ("Italien"), not the "Regierung" the article names too
HEAD_OF_GOVERNMENT_IN_GOVERNMENT = False
# a title elsewhere is no seat of a report naming no post: German reports list a career's former posts as titles
SEAT_FROM_TITLE = False

# verbs of joining whose object may be a person (see lang/en/orgs.py); German writes "folgt Foo zu Bar" with the
# organisation named, so none are needed
JOIN_PERSON_VERBS: tuple[str, ...] = ()

# triggers of moving up into a seat another left ("ist ... nachgerückt"): where the sentence names a public body
# (a departure "aus dem Landtag"), the one moving up takes a seat there, whatever title he bears
VACANCY_TRIGGERS = ("nachgerückt", "nachrücken", "rückt ... nach", "rückte ... nach")

# a government named as led by a person ("die neue Landesregierung unter Foo-Chef X", "die Regierung unter X"):
# X heads it; the canonical post of its head by the government's noun (regular expression: the noun and the
# linker up to an optional title word right before the name)
GOVERNMENT_UNDER = r"(Landesregierung|Bundesregierung|Regierung)\s+unter\s+(?:[A-ZÄÖÜ][\w\-]*\s+)?$"
# (a federal government's head as a head of government: held in the state, as the answers place a chancellor)
GOVERNMENT_HEADS = {"landesregierung": "governor", "bundesregierung": "prime minister", "regierung": "prime minister"}

# a competition ("Foo-Pokal", "Bundesliga", "Foo Europe Cup", "Weltmeisterschaft"): no employer of a coach's,
# a player's nor of an unnamed post (a league's own chief is held there: "Liga-Präsident"); regular expression
# searched in an organisation's name, case-insensitively
# closing the name (not "Liga-Verband"), compounds too ("Foo-Pokal", "Regionalliga")
COMPETITION = r"(?:liga|pokal|cup|league|meisterschaft(?:en)?|turnier|olympia|(?<![\w\-])(?:wm|em|open|trophy))$"
