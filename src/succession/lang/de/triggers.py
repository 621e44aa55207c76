"""German trigger phrases for changes of position (pattern syntax and the "moved" type: see
succession.lang.en.triggers).

German separable verbs put their particle at the end of the clause ("tritt ... zurück"), so many
patterns carry a gap.
"""

# adjective triggers whose change is only that of the person named right after their role word ("der bisherige
# Premier Foo"), never a subject before it
NAMED_AFTER_ROLE = ("der bisherige", "die bisherige", "den bisherigen", "dem bisherigen", "des bisherigen")

TRIGGERS = [
    # appointments
    ("ernannt*", "appointed", "obj"), ("ernenn*", "appointed", "obj"), ("ernennung", "appointed", "obj"),
    ("berufen", "appointed", "obj"), ("beruft", "appointed", "obj"), ("berief", "appointed", "obj"),
    ("berufung", "appointed", "obj"), ("bestellt", "appointed", "obj"), ("bestellung", "appointed", "obj"),
    ("gewählt", "appointed", "obj"), ("wählte", "appointed", "obj"), ("wählt", "appointed", "obj"),
    ("wahl", "appointed", "obj"),
    ("übernimmt", "appointed", "subj"), ("übernahm", "appointed", "subj"), ("übernehmen", "appointed", "subj"),
    ("übernommen", "appointed", "subj"),
    ("nachfolger*", "appointed", "any"), ("nachfolge", "appointed", "any"), ("löst ... ab", "appointed", "subj"),
    ("tritt ... an", "appointed", "subj"), ("trat ... an", "appointed", "subj"), ("antreten", "appointed", "subj"),
    ("wird ... neuer", "appointed", "subj"), ("wird ... neue", "appointed", "subj"), ("neuer", "appointed", "any"), ("neuen", "appointed", "any"),
    ("neue", "appointed", "any"), ("wechselt ... zu", "moved", "subj"), ("wechsel zu", "moved", "subj"),
    ("wechselte ... zu", "moved", "subj"), ("wechsel ... zu", "moved", "subj"),
    ("tritt ... bei", "appointed", "subj"), ("beitreten", "appointed", "subj"), ("beitritt", "appointed", "subj"),
    ("holt", "appointed", "obj"), ("holte", "appointed", "obj"), ("eingestellt", "appointed", "obj"),
    ("an die spitze", "appointed", "subj"),
    # taking power, the way a head of state or government starts ("kam nach einem Umsturz an die Macht")
    ("an die macht", "appointed", "subj"), ("einzunehmen", "appointed", "subj"), ("einnehmen", "appointed", "subj"),
    ("angeboten", "appointed", "obj"), ("angeheuert", "appointed", "obj"), ("verpflichtet", "appointed", "obj"),
    ("zum ... berufen", "appointed", "obj"), ("übergehen", "appointed", "obj"), ("geht ... an", "appointed", "obj"),
    ("übergibt ... an", "appointed", "obj"), ("übergeben", "appointed", "obj"), ("wurde ... präsident*", "appointed", "subj"),
    ("wurde ... chef*", "appointed", "subj"), ("wurde ... vorsitz*", "appointed", "subj"),
    ("unter der leitung", "appointed", "any"), ("gehören werden", "appointed", "subj"),
    ("mitgenommen", "appointed", "obj"), ("nimmt ... mit", "appointed", "obj"),
    ("vertrag", "appointed", "any"), ("ersetzt", "appointed", "subj"), ("abgelöst", "appointed", "subj"),
    ("angelobt", "appointed", "obj"), ("vereidigt", "appointed", "obj"), ("an seine stelle", "appointed", "any"),
    ("an ihre stelle", "appointed", "any"), ("folgt ... als", "appointed", "subj"), ("folgte ... als", "appointed", "subj"),
    ("folgt ... im amt", "appointed", "subj"), ("folgte ... im amt", "appointed", "subj"),
    # following on someone: "Foo folgte 2001 auf Bar", "Auf Bar, der ..., folgte Foo" (FOLLOWS_ON)
    ("folgt ... auf", "appointed", "subj"), ("folgte ... auf", "appointed", "subj"),
    ("auf ... folgt", "appointed", "subj"), ("auf ... folgte", "appointed", "subj"),
    # the future of a verb of leading: a post about to be taken ("Foo wird den Beirat des Vereins leiten",
    # "wird die Partei weitere fünf Jahre anführen"); a body must be named near (NEEDS_ROLE), and the things
    # one leads without holding a post (a session, a training, an inquiry) are other senses (CONTEXT_SENSES)
    ("wird ... leiten", "appointed", "subj"), ("wird ... anführen", "appointed", "subj"),
    # an installation in office as a noun, the holder before it in the genitive ("seit Foos Weihe", "nach der
    # Amtseinführung des Bischofs Foo"): only with a role or body near
    ("weihe", "appointed", "subj"), ("bischofsweihe", "appointed", "subj"), ("amtseinführung", "appointed", "subj"),
    ("inthronisierung", "appointed", "subj"), ("inthronisation", "appointed", "subj"),
    # a mandate to form a government starts its head (the post: lang/de/roles.py)
    ("mit der regierungsbildung beauftragt", "appointed", "obj"),
    # reported speech puts the verb in the subjunctive ("er trete zurück", "sie übernehme den Vorsitz")
    ("übernehme", "appointed", "subj"), ("trete ... zurück", "departed", "subj"), ("trete ... ab", "departed", "subj"),
    # the narrative past of news and the participles the present-tense patterns miss ("bestellte ihn zum
    # Minister", "löste ... ab", "wurde wiedergewählt", "ist ... nachgerückt", "wurde abgewählt")
    ("bestellte", "appointed", "obj"), ("löste ... ab", "appointed", "subj"), ("wiedergewählt", "appointed", "obj"),
    ("nachgerückt", "appointed", "subj"), ("gab ... ab", "departed", "subj"), ("setzte ... ab", "dismissed", "obj"),
    ("abgewählt", "dismissed", "obj"), ("abserviert", "dismissed", "obj"), ("rückzug", "departed", "subj"),
    # participles as adjectives before a role: the change has happened ("der zurückgetretene Minister Foo",
    # "des abgesetzten Präsidenten Foo", "der designierte Chef Foo")
    ("zurückgetretene*", "departed", "any"), ("entlassene*", "dismissed", "any"), ("abgesetzte*", "dismissed", "any"),
    ("gestürzte*", "dismissed", "any"), ("geschasste*", "dismissed", "any"), ("abgewählte*", "dismissed", "any"),
    ("designierte*", "appointed", "any"), ("wiedergewählte*", "appointed", "any"), ("neugewählte*", "appointed", "any"),
    ("kehre ... zurück", "returned", "subj"), ("lege ... nieder", "departed", "subj"), ("gebe ... ab", "departed", "subj"),
    # departures
    ("wirft das handtuch", "departed", "subj"), ("warf das handtuch", "departed", "subj"),
    ("das handtuch geworfen", "departed", "subj"),
    ("tritt ... zurück", "departed", "subj"), ("tritt ab", "departed", "subj"), ("trat ab", "departed", "subj"),
    ("abtreten", "departed", "subj"), ("abgetreten", "departed", "subj"), ("tritt ... ab", "departed", "subj"), ("trat ... zurück", "departed", "subj"),
    ("zurückgetreten", "departed", "subj"), ("zurücktreten", "departed", "subj"), ("zurückzutreten", "departed", "subj"),
    ("rücktritt*", "departed", "subj"), ("verlässt", "departed", "subj"), ("verließ", "departed", "subj"),
    ("verlassen", "departed", "subj"), ("scheidet ... aus", "departed", "subj"), ("schied ... aus", "departed", "subj"),
    ("scheide ... aus", "departed", "subj"), ("ausgeschieden", "departed", "subj"), ("ausscheiden", "departed", "subj"),
    ("ausscheidet", "departed", "subj"), ("abgang", "departed", "subj"), ("austritt", "departed", "subj"),
    ("gibt ... ab", "departed", "subj"), ("legt ... nieder", "departed", "subj"), ("legte ... nieder", "departed", "subj"),
    ("räumt ... sessel", "departed", "subj"), ("räumen", "departed", "subj"), ("kehrt ... den rücken", "departed", "subj"),
    ("abschied", "departed", "subj"), ("hört ... auf", "departed", "subj"), ("gekündigt", "departed", "subj"),
    ("nicht mehr antrete", "departed", "subj"), ("abtritt", "departed", "subj"),
    ("scheidende", "departed", "any"), ("scheidenden", "departed", "any"), ("scheidender", "departed", "any"),
    # "der bisherige Premier Foo": the post held until now, in news of its change (only right before a role and
    # a name, NAMED_AFTER_ROLE; not after a possessive: "durch seinen bisherigen Assistenten Foo ersetzt" names
    # the successor's former post)
    *((p, "departed", "any") for p in NAMED_AFTER_ROLE),
    ("wechselt", "departed", "subj"),
    # giving up a further term is leaving the post at its end ("verzichtete auf eine Wiederwahl", "verzichtet auf
    # die Kandidatur für eine zweite Amtszeit"); a candidacy given up alone is none (no post held)
    ("verzicht* ... wiederwahl", "departed", "subj"), ("verzicht* ... wiederkandidatur", "departed", "subj"),
    ("verzicht* ... zweite amtszeit", "departed", "subj"), ("verzicht* ... zweite amtsperiode", "departed", "subj"),
    ("verzicht* ... weitere amtszeit", "departed", "subj"), ("verzicht* ... weitere amtsperiode", "departed", "subj"),
    ("verzicht* ... erneute kandidatur", "departed", "subj"), ("verzicht* ... neuerliche kandidatur", "departed", "subj"),
    # dismissals
    ("entlassen", "dismissed", "obj"), ("entlassung", "dismissed", "obj"), ("entließ", "dismissed", "obj"),
    ("gefeuert", "dismissed", "obj"), ("feuert*", "dismissed", "obj"), ("abgesetzt", "dismissed", "obj"),
    ("absetzung", "dismissed", "obj"), ("abberufen", "dismissed", "obj"), ("abberufung", "dismissed", "obj"),
    ("getrennt", "dismissed", "obj"), ("trennt sich", "dismissed", "obj"), ("trennte sich", "dismissed", "obj"),
    ("geschasst", "dismissed", "obj"), ("musste ... hut nehmen", "dismissed", "subj"), ("hut nehmen", "departed", "subj"),
    ("nimmt ... hut", "departed", "subj"), ("nahm ... hut", "departed", "subj"), ("vor die tür gesetzt", "dismissed", "obj"),
    ("verlor ... posten", "dismissed", "subj"), ("verliert ... posten", "dismissed", "subj"),
    ("wirft ... handtuch", "departed", "subj"), ("warf ... handtuch", "departed", "subj"),
    ("in den ruhestand", "departed", "subj"),
    # sent into retirement by someone else is a dismissal ("wurde in den einstweiligen Ruhestand versetzt")
    ("in den ... ruhestand versetzt", "dismissed", "obj"), ("in den ... ruhestand versetzen", "dismissed", "obj"),
    ("in den ... ruhestand geschickt", "dismissed", "obj"), ("verdrängt*", "dismissed", "obj"), ("sturz", "dismissed", "obj"),
    ("gestürzt", "dismissed", "obj"), ("rauswurf", "dismissed", "obj"), ("hinausgeworfen", "dismissed", "obj"),
    ("musste ... gehen", "dismissed", "subj"), ("seinen posten räumen", "dismissed", "subj"),
    ("ihren posten räumen", "dismissed", "subj"), ("seines amtes enthoben", "dismissed", "obj"),
    # returns
    ("kehrt* ... zurück", "returned", "subj"), ("zurückgekehrt", "returned", "subj"), ("zurückkehren", "returned", "subj"),
    ("zurückzukehren", "returned", "subj"), ("rückkehr", "returned", "subj"), ("wiedereinstellung", "returned", "obj"),
    ("wieder eingestellt", "returned", "obj"), ("wieder eingesetzt", "returned", "obj"), ("comeback", "returned", "subj"),
    ("wechselte wieder", "returned", "subj"), ("wieder ... zurück", "returned", "subj"),
    # leave
    ("auszeit", "leave", "subj"), ("beurlaubt", "leave", "obj"), ("beurlaubung", "leave", "obj"),
    ("sabbatical", "leave", "subj"), ("lässt ... ruhen", "leave", "subj"), ("pausiert", "leave", "subj"),
    # "eine Pause einlegen": a break from the post ("legt ab Mai eine Pause ein", "kündigte an, eine Pause einzulegen")
    ("pause einzulegen", "leave", "subj"), ("pause einlegen", "leave", "subj"), ("legt ... pause ein", "leave", "subj"),
    ("legte ... pause ein", "leave", "subj"), ("lege ... pause ein", "leave", "subj"),
    # reassignments
    ("versetzt", "reassigned", "obj"), ("wechselt an die spitze", "reassigned", "subj"),
    ("übernommen von", "appointed", "any"), ("versetzung", "reassigned", "obj"), ("andere position", "reassigned", "obj"),
    ("neue aufgabe", "reassigned", "subj"), ("wechselt ... in", "reassigned", "subj"),
    # foundings
    ("gegründet", "founded", "subj"), ("gründete", "founded", "subj"), ("gründet", "founded", "subj"),
    ("mitbegründet*", "founded", "subj"), ("gründung", "founded", "subj"),
    # a sitting holder confirmed in office is re-elected ("wurde in seinem Amt bestätigt", "der Parteitag
    # bestätigte Foo im Amt"): a new term, an appointment by the annotation policy
    ("im amt bestätigt", "appointed", "obj"), ("in seinem amt bestätigt", "appointed", "obj"),
    ("in ihrem amt bestätigt", "appointed", "obj"), ("bestätigte ... im amt", "appointed", "obj"),
    ("bestätigten ... im amt", "appointed", "obj"),
]
# a term not sought again ends the post held, which such a sentence rarely names ("verzichtete auf eine zweite
# Amtszeit"): where the holder bears no title, it is the one post the article's other changes are about
TERM_ENDS = ("verzicht* ... wiederwahl", "verzicht* ... wiederkandidatur", "verzicht* ... zweite amtszeit",
             "verzicht* ... zweite amtsperiode", "verzicht* ... weitere amtszeit", "verzicht* ... weitere amtsperiode",
             "verzicht* ... erneute kandidatur", "verzicht* ... neuerliche kandidatur")
# a confirmation in office names no post: it is the one the holder is titled with elsewhere in the article
KEEPS_POST = ("im amt bestätigt", "in seinem amt bestätigt", "in ihrem amt bestätigt", "bestätigte ... im amt",
              "bestätigten ... im amt")

NEEDS_ROLE = ("übernehme", "gebe ... ab", "kehre ... zurück", "unter der leitung", "gewählt", "wählte", "wählt", "wahl", "übernimmt", "übernahm", "übernehmen", "übernommen",
              "neuer", "neue", "verlassen", "verlässt", "verließ", "holt", "holte", "eingestellt", "angeboten",
              "verpflichtet", "vertrag", "gibt ... ab", "räumen", "getrennt", "trennt sich", "trennte sich",
              "wechselt", "wechselt ... zu", "wechsel zu", "wechselte ... zu", "wechsel ... zu", "abgang",
              "wechselt ... in", "neue aufgabe", "hört ... auf", "gekündigt", "bestellt", "bestellung",
              "mitgenommen", "nimmt ... mit", "tritt ... an", "trat ... an", "antreten", "sturz", "gehören werden",
              "tritt ... bei", "beitreten", "beitritt", "einzunehmen", "einnehmen", "wieder ... zurück",
              "austritt", "abschied", "folgt ... als", "folgte ... als", "an seine stelle", "an ihre stelle",
              "bestellte", "wiedergewählt", "nachgerückt", "gab ... ab", "setzte ... ab", "abgewählt", "rückzug",
              "wird ... leiten", "wird ... anführen", "weihe", "bischofsweihe", "amtseinführung", "inthronisierung",
              "inthronisation")

# a copula right before a role word starts a post ("wird Vizebürgermeisterin", "wurde siebenter
# Bundespräsident"): up to three lower-case words may stand between
# "nun" is read as one too: "Foo ist seit dem Umbau nun kommissarischer Leiter", a post now held after a
# change the clause tells ("jetzt" is not: "wie jetzt der Vorsitzende Foo sagte" names a current holder)
COPULAS = ("wird", "wurde", "werde", "werden", "wurden", "nun")
# a bare role word opening the clause, then a copula: the post of the one named after it ("Neuer
# Innenminister wird Foo", "Verteidigungsminister wurde ein General, Foo"); the adjectives that may stand first
FRONTED_ROLE_COPULAS = ("wird", "wurde")
FRONTED_ROLE_NEW = ("neuer", "neue", "neuen", "designierter", "designierte")
# words that make the role no predicate of the copula ("wird als Beobachter dem Vorstand beitreten")
COPULA_BREAKS = ("als", "zum", "zur", "von", "vom", "mit", "bei", "beim", "für", "im", "am", "an", "in", "auf",
                 "nach", "über", "unter", "durch", "gegen", "um", "aus", "dem", "den", "des", "seinem", "ihrem")

BLOCK_AFTER = ("aktie*", "anteil*", "beteiligung*", "schüsse", "tränengas", "raketen", "preis*", "zinsen",
               "kurs*", "umsatz", "gewinn", "verlust")
BLOCK_BEFORE = ("waffen", "feuer", "rücktritt")

NOT_HOLDERS = ("aktien", "anteile", "mitarbeiter", "mitarbeitern", "stellen", "jobs", "beschäftigte", "beschäftigten",
               "journalisten", "angestellte", "angestellten", "spieler")

# German puts the subject after the verb in many clauses ("kehrte X zurück"): a weak preference only for
# subjects; the one acted on still mostly follows the verb ("holt X", "nimmt X mit")
WRONG_SIDE_PENALTY = {"subj": 1.3, "obj": 3.0}

NOMINAL = ("rückzug", "abtritt", "ernennung", "berufung", "bestellung", "wahl", "nachfolger*", "nachfolge", "rücktritt*", "abgang",
           "austritt", "abschied", "entlassung", "absetzung", "abberufung", "sturz", "rauswurf", "rückkehr",
           "wiedereinstellung", "auszeit", "beurlaubung", "versetzung", "gründung", "wechsel zu", "beitritt", "weihe",
           "bischofsweihe", "amtseinführung", "inthronisierung", "inthronisation")

# "nachfolger*" also matches the compounds of "Nachfolge-" ("Nachfolgeregel", "Nachfolgerecht"): a thing
NOT_TRIGGERS = ("nachfolgere*", "rücktrittsforderung*", "rücktrittsaufforderung*", "rücktrittsdrohung*", "rücktrittsgerücht*",
                "wechselgerücht*", "wahlkampf*", "wahlergebnis*", "wahlen")

# "Nachfolger des Foo", "die Nachfolge seines Präsidenten Foo": the one named in the genitive is replaced
SUCCESSOR_NOUNS = ("nachfolger*", "nachfolge")

REPLACEMENT = ("löste ... ab", "übernehme", "folgt ... als", "folgte ... als", "folgt ... im amt", "folgte ... im amt",
               "folgt ... auf", "folgte ... auf", "auf ... folgt", "auf ... folgte", "ersetzt", "abgelöst", "übergehen", "geht ... an", "übergibt ... an", "übergeben", "löst ... ab", "nachfolger*", "nachfolge", "übernimmt", "übernahm", "übernehmen", "übernommen")

# adjectives that signal a change only right before a role word ("der neue Trainer", "neuer Chef")
ADJECTIVE_TRIGGERS = ("neuer", "neue", "neuen", "scheidende", "scheidenden", "scheidender", *NAMED_AFTER_ROLE,
                      "zurückgetretene*", "entlassene*", "abgesetzte*", "gestürzte*", "geschasste*", "abgewählte*",
                      "designierte*", "wiedergewählte*", "neugewählte*")

# replacement verbs taking the one replaced in the dative, who may stand behind a participle phrase ("Foo folgt
# dem zur Bar AG abwandernden Baz als Trainer")
DATIVE_REPLACED = ("folgt ... als", "folgte ... als", "folgt ... im amt", "folgte ... im amt")

# "folgen auf": the preposition "auf" names the one replaced ("Foo folgte auf Bar"), so the one starting is the
# verb's subject and whoever stands right after "auf" left the post. Such a trigger counts only with a person
# right after "auf" (not "folgte auf Platz zwei", "auf die Rede folgte Beifall"); "auf" is no verb particle here
FOLLOWS_ON = ("folgt ... auf", "folgte ... auf", "auf ... folgt", "auf ... folgte")
# between "auf" and the one it names: at most an article or possessive and a title word ("auf den Minister Foo")
FOLLOWS_ON_GAP = r"\s+(?:(?:den|dem|der|die|seinen|seine|ihren|ihre)\s+)?(?:[\w\-]+\s+)?"
# of those, the ones that put "auf" and the one replaced first ("Auf Bar folgte Foo"): the one starting is
# named after the verb, never inside the gap
REPLACED_IN_GAP = ("auf ... folgt", "auf ... folgte")

OBJECT_FOLLOWS_VERB = False
# see succession.lang.en.triggers (read only where the object follows the verb)
OBJECT_BREAKS: tuple[str, ...] = ()
# "ersetzt Trainer Foo durch Bar": Bar starts, Foo (between the verb and "durch") is the one replaced
SUCCESSOR_LINKS = ("durch",)
# see succession.lang.en.triggers ("An ihre Stelle tritt Foo")
IN_PLACE_OF = ("an seine stelle", "an ihre stelle")
# auxiliaries anywhere in a clause that make it passive, as German puts the participle last ("wird durch Y
# ersetzt", "der von Foo abgesetzt wurde"); English passives are read from the words right before the trigger
CLAUSE_PASSIVE_AUXILIARIES = ("wird", "wurde", "werden", "wurden", "worden")

AWARD_WORDS = ("des jahres", "auszeichnung", "preis", "preisträger", "ehrung", "ehrenpreis", "medaille")

# Triggers by lemma (simplemma), for the inflected and split forms the patterns above miss
# ("entlassenen", "zurückgetretenen", "trat am Montag zurück"): lemma -> (type, side, needs a role).
LEMMA_TRIGGERS = {
    "ernennen": ("appointed", "obj", False), "berufen": ("appointed", "obj", True),
    "bestellen": ("appointed", "obj", True), "wählen": ("appointed", "obj", True), "küren": ("appointed", "obj", True),
    "wiederwählen": ("appointed", "obj", True), "übernehmen": ("appointed", "subj", True),
    "ablösen": ("appointed", "subj", False), "ersetzen": ("appointed", "any", False),
    "nachfolgen": ("appointed", "subj", False), "befördern": ("appointed", "obj", True),
    "angeloben": ("appointed", "obj", True), "vereidigen": ("appointed", "obj", True),
    "einsetzen": ("appointed", "obj", True), "antreten": ("appointed", "subj", True),
    "engagieren": ("appointed", "obj", True), "verpflichten": ("appointed", "obj", True),
    "designiert": ("appointed", "any", True), "amtsantritt": ("appointed", "subj", False),
    "amtsübernahme": ("appointed", "subj", False), "nachrücken": ("appointed", "subj", True),
    "zurücktreten": ("departed", "subj", False), "zurückgetreten": ("departed", "subj", False),
    "abtreten": ("departed", "subj", False), "ausscheiden": ("departed", "subj", False),
    "verlassen": ("departed", "subj", True), "aufhören": ("departed", "subj", True),
    "scheiden": ("departed", "subj", True), "zurückziehen": ("departed", "subj", True),
    "niederlegen": ("departed", "subj", True), "abgeben": ("departed", "subj", True),
    "abtritt": ("departed", "subj", False), "rückzug": ("departed", "subj", True),
    "entlassen": ("dismissed", "obj", False), "absetzen": ("dismissed", "obj", True),
    "abberufen": ("dismissed", "obj", False), "feuern": ("dismissed", "obj", True),
    "schassen": ("dismissed", "obj", False), "stürzen": ("dismissed", "obj", True),
    "abserviert": ("dismissed", "obj", False), "abservieren": ("dismissed", "obj", False),
    "entheben": ("dismissed", "obj", False), "kündigen": ("dismissed", "obj", True),
    "abwählen": ("dismissed", "obj", True), "suspendieren": ("dismissed", "obj", True),
    "zurückkehren": ("returned", "subj", True), "beurlauben": ("leave", "obj", True),
    "versetzen": ("reassigned", "obj", True), "wechseln": ("moved", "subj", True),
    "gründen": ("founded", "subj", False), "mitbegründen": ("founded", "subj", False),
}
# particles of separable verbs, written at the clause's end ("trat ... zurück" is "zurücktreten")
SEPARABLE_PARTICLES = ("zurück", "ab", "aus", "an", "auf", "bei", "nieder", "nach", "ein")

# Other senses of moving triggers (see succession.lang.en.triggers): "ihre Häuser nicht verlassen",
# "aus der Haft entlassen",
# "Rückkehr in ihre Kasernen", "nach seiner Rückkehr aus dem Urlaub" is no change of post. German puts the
# object before the verb, so a place word up to PLACE_BEFORE_WORDS words before the trigger counts too.
MOTION_TRIGGERS = ("verlässt", "verließ", "verlassen", "räumen", "kehrt* ... zurück", "zurückgekehrt",
                   "zurückkehren", "zurückzukehren", "rückkehr", "wieder ... zurück", "lemma:verlassen",
                   "lemma:zurückkehren", "entlassen", "entlassung", "lemma:entlassen", "entlassene*", "rückzug")
PLACE_WORDS = ("haus", "hause", "häuser", "häusern", "wohnung", "wohnungen", "heimat", "heimatland", "gebäude",
               "land", "landes", "stadt", "dorf", "insel", "kaserne", "kasernen", "lager", "urlaub", "reise",
               "krankenhaus", "spital", "klinik", "gefängnis", "haft", "gewahrsam", "hausarrest", "saal", "sitzung", "stadion", "hotel", "flughafen",
               "bahnhof", "region", "hauptstadt", "platz", "bühne", "gelände", "zimmer", "büro")
# ein Spieler scheidet aus einem Turnier aus oder tritt aus dem Nationalteam zurück: kein Posten
CONTEST_TRIGGERS = ("ausgeschieden", "ausscheiden", "ausscheidet", "scheidet ... aus", "schied ... aus",
                    "lemma:ausscheiden", "rücktritt*", "tritt ... zurück", "trat ... zurück", "zurückgetreten",
                    "zurücktreten", "zurückzutreten", "lemma:zurücktreten", "abschied", "hört ... auf", "rückzug")
CONTEST_WORDS = ("doppel", "einzel", "runde", "auftaktrunde", "achtelfinale", "viertelfinale", "halbfinale",
                 "qualifikation", "turnier", "turniers", "tour", "nationalteam", "nationalmannschaft", "team",
                 "leistungssport", "profisport", "spitzensport", "tennis", "skisport", "radsport", "rennen",
                 "wettbewerb", "bewerb", "gruppenphase", "play-off", "playoff", "cup", "weltcup")
# a trigger with a direct object of its own (see succession.lang.en.triggers): German marks the holder of a
# nominal change by the genitive as well ("der Rücktritt des Ministers"), so none here
DIRECT_OBJECT_TRIGGERS: tuple[str, ...] = ()
DIRECT_OBJECT_WORDS: tuple[str, ...] = ()
DIRECT_OBJECT_BEFORE: tuple[str, ...] = ()
PLACE_PREPOSITIONS = ("nach", "in", "ins", "aus", "zu", "zur", "zum", "vom", "von", "an")
PLACE_BEFORE_WORDS = 3
PLACE_NAME_PREPOSITIONS = ("nach",)
# a country as a moving trigger's object (right after it, or up to this many words before a verb-final one) is
# a trip, a ban or an exile ("darf Foostan nicht verlassen", "aus dem Foostan zurückgekehrt"); the
# prepositions whose phrases may stand between that object and the verb ("Foostan laut einem Urteil verlassen")
COUNTRY_OBJECT_WORDS = 7
COUNTRY_OBJECT_PREPOSITIONS = ("laut", "nach", "vor", "seit", "wegen", "trotz", "in", "im", "mit", "bei", "am", "um",
                               "zu", "zum", "zur", "für", "aus", "von", "vom", "ohne", "gegen", "bis", "während")
# the prepositions that make a country the place reached or left ("aus dem Foostan zurückgekehrt"), not
# the place of another object ("die Bank in Foostan verlassen")
COUNTRY_OBJECT_MARKERS = ("nach", "aus")

# Other senses shown by the words right around a trigger (see succession.lang.en.triggers)
CONTEXT_SENSES = (
    # in the passive, "ausscheiden" is a court separating a case ("das Verfahren wurde ausgeschieden"); a
    # person scheidet aus, intransitively
    (("ausgeschieden",), ("wurde", "wurden", "worden", "werden", "wird"), ("wurde", "wurden", "worden", "werden", "wird")),
    # a part played, not a post taken ("eine führende Rolle einnehmen")
    (("einnehmen", "einzunehmen"), ("rolle", "haltung", "standpunkt"), ()),
    # a state one is put into, not a post one is moved to ("in Aufregung versetzt", "in die Lage versetzt")
    (("versetzt", "versetzen", "lemma:versetzen"), ("angst", "schrecken", "aufregung", "alarmbereitschaft", "lage",
                                                   "staunen", "panik", "sorge", "unruhe", "erstaunen", "schock"),
     (), True),
    # an election as such or a choice, no one elected: "eine gute Wahl", "vor der kommenden Wahl", "die Wahl
    # am 3. März" (the one elected is read from "zur Wahl zum Präsidenten", "seine Wahl zum Chef")
    (("wahl",), ("richtige", "falsche", "beste", "gute", "logische", "nächsten", "nächste", "kommenden", "kommende",
                 "bevorstehenden", "bevorstehende"), ("am", "für ihn", "für sie", "für uns", "für mich")),
    # a step back, not from a post ("etwas zurücktreten", "einen Schritt zurücktreten")
    (("zurücktreten", "zurückgetreten", "zurückzutreten", "lemma:zurücktreten"), ("wenig", "bisschen", "etwas",
                                                                               "schritt", "stück"), ()),
    # the noun "Antreten" (running in an election, competing), not "ein Amt antreten"
    (("antreten",), ("beim", "vom", "zum", "ersten", "zweiten", "dritten", "letzten", "erneuten", "erneute", "dem",
                     "das", "sein", "ihr", "seinem", "ihrem"), ()),
    # a responsibility, cost or inquiry taken on is no post ("die Verantwortung übernehmen", "die Kosten übernimmt")
    (("übernimmt", "übernahm", "übernehmen", "übernommen", "übernehme", "lemma:übernehmen"),
     ("verantwortung", "haftung", "kosten", "ermittlungen", "patenschaft", "schirmherrschaft", "garantie"),
     ("die verantwortung", "die haftung", "die kosten", "die ermittlungen", "die patenschaft",
      "die schirmherrschaft", "die garantie"), True),
    # "Berufung" as an appeal against a ruling ("kündigte Berufung an", "legte Berufung ein", "in Berufung
    # gehen"), not a call to a post ("ihre Berufung an die Universität")
    (("berufung",), ("in", "eingelegte", "eingelegten"), ("an:", "an.", "an,", "ein", "ein.", "ein,", "einlegen",
                                                          "eingelegt", "einzulegen", "gegen")),
    # a thing or right ceded, not a post left ("die Souveränität an Foo abgetreten", "Gebiete abtreten")
    (("abgetreten", "abtreten", "abzutreten", "tritt ... ab", "trat ... ab"),
     ("souveränität", "rechte", "gebiet", "gebiete", "territorium", "anteile", "kompetenzen", "befugnisse",
      "ansprüche", "forderungen", "flächen", "grundstück", "grundstücke"), (), True),
    # a seat in a parliament handed on (optional by the annotation policy: "sein Mandat an Foo übergeben")
    (("übergeben", "übergibt ... an", "übergehen", "geht ... an", "lemma:übergeben"), ("mandat", "mandate", "sitz"),
     (), True),
    # a change weighed is none made ("Foo hat einen Rücktritt erwogen", "den Rückzug in Erwägung gezogen")
    (("rücktritt*", "rückzug", "abschied", "abgang", "rückkehr", "comeback"), (),
     ("erwogen", "erwägt", "erwog", "überlegt", "in erwägung", "angedroht"), False, 0),
    # a change demanded is none made ("die Fans haben den Rücktritt von Foo gefordert", "forderte den Rücktritt")
    (("rücktritt*", "rückzug", "abgang", "absetzung", "entlassung", "abberufung"),
     ("forderte den", "forderten den", "fordert den", "fordern den", "verlangte den", "verlangten den",
      "verlangt den", "forderung nach", "forderungen nach", "ruf nach", "rufe nach"),
     ("gefordert", "verlangt", "fordern", "forderte", "forderten", "fordert"), False, 5),
    # a return from a journey or a holiday told before it in the sentence ("war im Urlaub, seit der Rückkehr
    # ...", "ist von der Dienstreise zurückgekehrt"): a way home, not back to a post
    (("rückkehr", "zurückgekehrt", "zurückkehren", "zurückzukehren", "kehrt* ... zurück", "lemma:zurückkehren"),
     ("urlaub", "urlaubs", "reise", "reisen", "dienstreise", "ferien", "kur", "exil", "flucht"), (), True),
    # "sich berufen auf": citing someone or something, not a call to a post ("beruft sich auf Foo")
    (("beruft", "berief", "berufen", "lemma:berufen"), (), ("sich",)),
    # a thing handed over in the passive ("die Akte wurde dem Gericht übergeben", "wurden feierlich
    # übergeben"): a post is handed on to someone ("übergibt den Vorsitz an Foo", "wird ihn an Foo übergeben")
    (("übergeben", "lemma:übergeben"), ("wurde", "wurden", "worden"),
     ("wurde", "wurden", "worden", "werden", "wird"), True),
    # anyone ever elected, no one's election ("die jüngste Frau, die jemals ins Amt gewählt wurde")
    (("gewählt", "ernannt*", "berufen", "lemma:wählen"), ("jemals", "der je", "die je", "den je", "das je",
                                                          "der bislang je", "der bisher je"), (), True),
    # a jersey changing its wearer is no change of post ("das gelbe Trikot wechselt den Besitzer")
    (("wechselte wieder", "wechselt", "wechselt ... zu", "wechselte ... zu", "lemma:wechseln"),
     ("trikot", "trikots", "leibchen"), ("träger", "trägerin", "besitzer", "besitzerin"), True, 2),
)

# Other senses shown by a word inside a trigger's gap (the object of a verb-final trigger stands there): things
# one leads without holding a post ("wird die Sitzung leiten", "wird das Training leiten", "wird die
# Ermittlungen leiten", "wird das Feld anführen")
GAP_SENSES = (
    (("wird ... leiten", "wird ... anführen"),
     ("sitzung", "sitzungen", "training", "trainings", "ermittlungen", "untersuchung", "verhandlung", "verhandlungen",
      "gespräch", "gespräche", "delegation", "debatte", "diskussion", "gottesdienst", "messe", "feld", "liste",
      "tabelle", "wertung", "spiel", "partie", "einsatz", "operation", "expedition", "projekt", "kampagne",
      "protest", "proteste", "demonstration", "prozess", "verfahren", "workshop", "seminar", "kurs", "chor",
      "orchester", "konzert", "tagung", "konferenz", "gipfel", "mannschaft", "team", "angriff", "sturm")),
)

# see succession.lang.en.triggers ("trat zurück, nachdem Foo ..."); not "als", which also means "as"
CLAUSE_OPENERS = ("nachdem", "weil", "während", "bevor", "obwohl", "wenn", "falls", "sobald", "damit")
# German asks with "forderte Foo zum Rücktritt auf", which the demand cues read
REQUEST_VERBS: tuple[str, ...] = ()
# see succession.lang.en.triggers; German subjects stand on either side of the verb, so none here
UNNAMED_SUBJECTS: tuple[str, ...] = ()
# a separable particle at the end of the clause makes these another verb: "holt ... ein" (catch up with),
# "wählte ... ab" (vote out), "wechselt ... aus" (substitute), "bestellt ... ein" (summon)
PARTICLE_VERBS = ("holt", "holte", "wählt", "wählte", "wechselt", "wechselte", "bestellt", "bestellte")
OTHER_VERB_PARTICLES = ("ein", "ab", "aus", "auf", "vor", "um", "fest", "weg", "nach", "heraus", "hinaus", "durch")

# see succession.lang.en.triggers: German puts the object before a verb-final trigger, so none here
UNNAMED_OBJECTS: tuple[str, ...] = ()

# "wird der neue Trainer", not "wird das neue Logo": a role word right after the match
ROLE_NEXT_TRIGGERS = ("wird ... neuer", "wird ... neue")
# "wurde die ehemalige Chefin ... gefeiert": a former-word in the gap makes the role background
COPULA_ROLE_TRIGGERS = ("wurde ... präsident*", "wurde ... chef*", "wurde ... vorsitz*", "wird ... neuer", "wird ... neue")

# the learned model's headline evidence (learned/evidence.py): measured without gain in German, off
HEADLINE_EVIDENCE = False
