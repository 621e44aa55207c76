"""German cues for how certain a reported change is (see succession.lang.en.modality)."""

NEGATION = ("nicht", "kein", "keine", "keinen", "nie", "niemals", "dementiert", "dementierte", "bestritten",
            "stimmt nicht", "abgelehnt", "lehnte ... ab", "nicht angenommen", "wird nicht", "nicht passieren",
            "zurückgewiesen", "falsch", "unzutreffend", "haltlos")
PLANNED = ("wird", "werden", "soll", "sollen", "plant", "planen", "plane", "will", "wollen", "künftig", "ab dem",
           "zum", "kommende", "kommenden", "nächste", "nächsten", "noch in diesem jahr", "demnächst",
           "vorgesehen", "geplant", "designiert", "designierte", "designierter", "läuft ab", "ist fix",
           "anfang", "spätestens")
RUMOURED = ("gerüchte*", "gerüchten zufolge", "angeblich", "wechselgerüchte", "wie es heißt", "favorit",
            "favoritin", "spekuliert", "spekulationen", "berichten zufolge", "soll ... werden", "gilt als",
            "im gespräch", "gehandelt", "könnte es", "wurde ... berichtet", "weithin berichtet")
UNCERTAIN = ("kann", "können", "möglicherweise", "vielleicht", "eventuell", "könnte", "könnten", "wahrscheinlich", "vermutlich",
             "unklar", "ob")
FORWARD_PREPOSITIONS = ("ab", "zum", "zur", "mit wirkung zum", "bis", "spätestens", "per")
PAST = ("war", "wurde", "hatte", "hat", "haben", "vor", "letzten", "vergangenen", "gestern", "bereits", "trat",
        "verließ", "kehrte")
FUTURE = ("wird", "werden", "soll", "sollen", "ab", "zum", "kommenden", "nächsten", "morgen", "künftig", "plant")
NEGATING_FOLLOWUPS = ("dies wird ... nicht passieren", "das wird ... nicht passieren", "dazu wird es ... nicht kommen",
                      "daraus wird ... nichts", "das stimmt nicht", "dies ist nicht der fall")
CONDITIONAL = ("falls", "wenn", "sofern", "sollte er", "sollte sie", "ob")
# a clause opened by one of these verbs is a condition ("Sollte Foo gewählt werden, ..."), as in English
# "Should Foo be elected", "Had Foo resigned"
CONDITIONAL_VERB_FIRST = ("sollte", "sollten", "wäre", "wären", "hätte", "hätten", "würde", "würden")
# see succession.lang.en.modality: "Foo sollte zurücktreten", "müsse gehen" (a demand); not "soll", which also
# reports a plan or a claim
OBLIGATION = ("sollte", "sollten", "solle", "müsse", "müsste", "müssten", "muss")
REFUSAL = ("ablehnte", "abgelehnt", "lehnte ... ab", "nicht angenommen", "zurückgewiesen", "zurückwies")
# features of the learned decisions (succession.learned.candidates), not verdicts: a change demanded or
# weighed ("forderte seinen Rücktritt", "hatte den Rücktritt erwogen"), a counterfactual ("übernommen
# hätte"), a candidacy ("als möglicher Nachfolger gehandelt", "kandidiert für") is not a change made
DEMAND = ("fordert*", "gefordert*", "forderung*", "verlangt*", "aufgefordert", "aufforderung", "drängt*",
          "gedrängt", "erwogen", "erwägt", "erwog", "überlegt*", "sollte", "sollten", "müsse", "müsste", "muss",
          "droht*", "androhung")
COUNTERFACTUAL = ("hätte", "hätten", "wäre", "wären", "würde", "würden", "als ob", "statt", "anstatt")
CANDIDACY = ("kandidat*", "kandidiert*", "kandidieren", "kandidatur", "bewirbt", "bewerb*", "anwärter*",
             "möglicher", "mögliche", "möglichen", "gehandelt", "favorit*", "wahlkampf*", "spitzenkandidat*",
             "nominiert", "nominierung", "stichwahl", "wahlsieg*", "vorwahl*")
# see succession.lang.en.modality: "versuchte vergeblich, den Vorsitz zu übernehmen", "möchte gern zurückkehren",
# "hofft, ... zurückzukehren"; German puts the infinitive at the clause's end, so more words stand between
WISHES = ("versucht", "versuchte", "versuchten", "versuchen", "vergeblich", "möchte", "möchten", "hofft",
          "hoffte", "hoffen", "wünscht", "wünschte", "würde gern", "würde gerne", "wollte", "weigert sich",
          "weigerte sich", "lehnte es ab", "lehnt es ab")
WISH_GAP = 4
SAYING = ("erklärt hat", "sagt", "sagte", "sagten", "meint", "meinte", "meinten", "erklärt", "erklärte", "betont", "betonte",
          "berichtet", "berichtete", "glaubt", "glaubte", "findet", "fand", "warnt", "warnte", "schloss",
          "ergänzte", "ausgedrückt", "gesagt", "vermutet", "vermutete", "behauptet", "behauptete")
NEW_CLAUSE_AFTER_COMMA = True
NAME_CONTINUATIONS = ("und", "oder", "von", "vom", "van", "de", "aus", "zu", "als", "mit", "bei", "der", "die", "das",
                      "des", "den", "dem", "sowie", "jr", "sen")
POSSESSIVE_IS_FOUNDED = True
# the word before a speaker named after the change ("..., as Foo said")
SAID_AS = ("wie",)
# words that may follow the verb of saying before the speech ("said on Monday"), the word opening the speech,
# and the infinitive marker (an infinitive trigger after a verb of saying may be the speaker's own change)
SAYING_ADVERBS = ("am", "gestern", "heute", "auch", "zudem")
SAYING_THAT = ("dass",)
INFINITIVE_MARKERS = ("zu",)
