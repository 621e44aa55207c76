"""German name knowledge (see succession.lang.en.names)."""

HONORIFICS = ("herr", "herrn", "frau", "dr", "dr.", "prof", "prof.", "professor", "professorin")
ORG_SUFFIXES = ("ag", "se", "gmbh", "kgaa", "kg", "mbh", "e.v.", "ev", "holding", "gruppe", "konzern", "bank",
                "versicherung", "werke", "inc", "inc.", "corp", "corp.", "ltd", "plc", "llc", "co", "group",
                "stiftung", "verband", "verein", "universität", "institut", "behörde", "ministerium", "fc",
                "konferenz", "kammer", "logistik", "chemie", "feinmechanik", "maschinenbau", "elektronik", "technik",
                "versorgung", "stadtwerke", "werke", "immobilien", "media", "medien", "verlag", "werk", "airlines", "energie", "pharma", "telekom")
PREDECESSOR_MARKERS = ("von", "vom", "nachfolger von", "nachfolgerin von", "anstelle von", "statt")
NOT_NAMES = ("Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem", "Einer", "Er", "Sie", "Es",
             "Wir", "Ich", "Ihr", "Sein", "Seine", "Ihre", "Dieser", "Diese", "Dieses", "Und", "Oder", "Aber",
             # determiners ("Jeder Verein", "Kein Klub"): a noun phrase, never a name
             "Jeder", "Jede", "Jedes", "Jeden", "Jedem", "Kein", "Keine", "Keinen", "Keinem", "Keiner", "Alle",
             "Beide", "Manche", "Viele", "Unser", "Unsere", "Mein", "Meine", "Solche", "Welche", "Welcher",
             "Auch", "Als", "Am", "Im", "In", "An", "Auf", "Aus", "Bei", "Mit", "Nach", "Von", "Vor", "Zu", "Zum",
             "Zur", "Für", "Über", "Unter", "Wie", "Was", "Wer", "Warum", "Wenn", "Weil", "Dass", "Daß", "Nun",
             "Jetzt", "Herr", "Frau", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
             "Sonntag", "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember", "Nachfolger", "Nachfolgerin", "Chef", "Vorstand",
             "Unternehmen", "Konzern", "Bereits", "Damit", "Dabei", "Doch", "Noch", "So", "Da", "Dann", "Seit",
             "Bis", "Um", "Laut", "Neuer", "Neue", "Ehemalige", "Ehemaliger", "Trainer", "Präsident", "Zudem",
             "Außerdem", "Heute", "Gestern", "Ja", "Nein", "Natürlich", "Mitbegründer", "Gründer",
             # nouns for a relative name a person's family, never an organisation or a name ("der Ehemann
             # Vorstand von Foo", "ihr Ehemann Foo Bar")
             "Ehemann", "Ehefrau", "Gatte", "Gattin", "Ehegatte", "Ehegattin", "Lebensgefährte", "Lebensgefährtin",
             "Sohn", "Tochter", "Vater", "Mutter", "Bruder", "Schwester", "Witwe", "Witwer", "Onkel", "Tante",
             "Neffe", "Nichte", "Enkel", "Enkelin", "Schwiegersohn", "Schwiegertochter", "Schwiegervater",
             "Schwiegermutter", "Cousin", "Cousine", "Ehemannes", "Sohnes", "Vaters", "Bruders")
PRONOUNS_SUBJECT = ("er", "sie", "ich")
# "sie" is also the accusative: after a preposition it is no subject ("Für sie übernimmt Foo das Amt")
PRONOUN_NOT_AFTER = ("für", "gegen", "ohne", "um", "durch", "an", "auf", "über", "unter", "hinter", "neben", "vor",
                     "zwischen", "in")
# endings of nouns for persons ("Machthaber", "Diktator", "Schiit", "Physikerin"): a capitalised word so
# ending before a name is a description, not a given name the model missed
PERSON_NOUN_SUFFIXES = ("er", "in", "ent", "ant", "ist", "eur", "or", "at", "it", "al", "ling", "iker", "oge", "ege")
# subject anaphors other than pronouns that stand for the person named before ("Dieser trat zurück",
# "Der 54-Jährige übernimmt"), with the gender they say (regular expressions; only candidates read them)
# (a demonstrative only opening the sentence: "mit dieser" is no subject; "Jährige" only as a noun: "der
# 38-jährige Zahntechniker Foo" names its person)
SUBJECT_ANAPHORS = ((r"^Dieser(?=\s+[a-zäöüß])", "m"), (r"^Diese(?=\s+[a-zäöüß])", "f"),
                    (r"[Ll]etzterer(?![\w])", "m"), (r"[Dd]er\s+\d{1,3}-Jährige(?![\w])", "m"),
                    (r"[Dd]ie\s+\d{1,3}-Jährige(?![\w])", "f"))
PRONOUNS_POSSESSIVE = ("sein", "seine", "seiner", "seinen", "seinem", "seines", "ihr", "ihre", "ihrer", "ihren")
# the speaker's own: "meinem Nachfolger" names the one succeeded, not the successor
FIRST_PERSON_POSSESSIVES = ("mein", "meine", "meinem", "meinen", "meiner", "meines")
NER_MODEL = "resource:ner_de"
# the learned decisions over candidates (resources/NAME.json, trained by scripts/train_events.py)
EVENT_MODEL = "events_de"
# the dependency parser candidates read; None where a language has none
PARSER_MODEL = None
ORG_NOISE = ("der", "die", "das", "ag", "se", "gmbh", "kgaa", "konzern", "gruppe", "und", "holding")
LINKERS = ("von", "bei", "der", "des", "beim")
STOP_WORDS = ("der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist",
              "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat",
              "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über")
ABBREVIATIONS = ("dr", "prof", "hr", "fr", "nr", "bzw", "ca", "z.b", "u.a", "usw", "vgl", "evtl", "inkl", "etc",
                 "st", "mio", "mrd", "jan", "feb", "apr", "aug", "sept", "okt", "nov", "dez", "abs", "bzgl",
                 "ggf", "s", "sog", "zzgl", "d.h", "o.ä", "v.a", "u.ä", "i.d.r", "mr", "mrs", "ms", "inc", "corp")
ORDINAL_DOT = True
GENITIVE_S = True
# an article inside a name ends it: "Foo Bar der Opposition" is a name run into the next noun; after a particle
# ("von der Foo") it is part of the name
NAME_BREAKS = ("der", "die", "das", "den", "dem", "des")
NAME_BREAK_PARTICLES = ("von", "van", "vom", "zu")
ROLE_LINKS = ("als", "zum", "zur", "zu", "an die", "den posten des", "den posten der", "das amt des")
ORG_NOUNS = ("investor", "geldgeber", "aktionär", "großaktionär", "eigentümer", "unternehmen", "konzern", "firma", "gruppe", "bank", "fluggesellschaft", "fluglinie", "autobauer",
             "autohersteller", "hersteller", "händler", "verlag", "sender", "versicherer", "zeitung",
             "nachrichtenmagazin", "magazin", "zeitschrift", "wochenzeitung", "tageszeitung", "verein", "klub", "club",
             "mannschaft", "partei", "gewerkschaft", "verband", "agentur", "behörde", "start-up", "startup",
             "plattform", "technologieplattform", "sportwagenbauer", "chemiekonzern", "energiekonzern",
             "medienkonzern", "mischkonzern", "stiftung", "kammer")
EVENT_WORDS = ("weltmeisterschaft", "meisterschaft", "wm", "em", "pokal", "liga", "bundesliga", "olympia",
               "olympische", "turnier", "gipfel", "konferenz", "messe", "festival", "finale", "spiele")
CAPITALISES_NOUNS = True
COMPANION_WORDS = ("gemeinsam mit", "zusammen mit", "mit")
AGENT_MARKERS = ("durch",)
HONORIFIC_GENDER = {"herr": "m", "herrn": "m", "frau": "f"}
# "sie" is also "they": only "er" and the possessives of "er" say the gender
PRONOUN_GENDER = {"er": "m", "sein": "m", "seine": "m", "seiner": "m", "seinen": "m", "seinem": "m", "seines": "m"}
# im Passiv steht der Handelnde nach diesen ("durch Foo ersetzt", "von Foo abgelöst")
PASSIVE_AGENT_MARKERS = ("durch", "von")

# particles that join a transliterated family name ("Foo al-Bar", "Foo bin Bar"): the word before is a given
# name the German model and the name lists mostly miss (succession.extract.namepass.joined_particle_names)
JOINED_NAME_PARTICLES = ("al", "el", "bin", "ibn", "abu", "bint")

# see succession.lang.en.names ("der/die/das" are articles as often as relative pronouns: left out)
RELATIVE_PRONOUNS = ("dessen", "deren", "welcher", "welche", "welches", "welchem", "welchen")
# words joining the items of a list ("Foo, Bar und Baz", "Foo sowie Bar"): a name listed beside people
LIST_JOINS = ("und", "sowie", "oder")
# the gap between two names that goes on with a list of people past a plural noun naming them ("Foo, die
# Spieler Bar und Baz"): regular expression matched against the whole gap, case-insensitively
LIST_GOES_ON = r"^\s*,\s*die\s+(?-i:[A-ZÄÖÜ])[\w\-]*\s*$"
# a plural noun of people opening a list of names ("die Legionäre Foo und Bar", "die Spieler Foo, Bar und Baz"):
# regular expression ending right before the first name, group 1 the noun; a noun that is no post (see
# ``extract.listed.after_plural_noun``) says the names hold none
LIST_NOUN_BEFORE = r"(?<![\w\-])die\s+(?:[\w]+-)?([A-ZÄÖÜ][\w]*)\s+$"
