"""English organisation knowledge for where a change happened: the bodies a government's posts are held
in, and which posts are held in a country rather than an organisation (the policy of
``../shared/gold/README.md``: a minister's organisation is the government or its department as the text
names it, a head of state's the state)."""

# a government's departments, as written ("the Fisheries Office", "Ministry of Fisheries", "Department
# for Coastal Affairs and Ports", "the Treasury"); regular expressions, matched case-sensitively on whole
# words
GOVERNMENT_BODIES = (
    # "the Foo Office", "the Foo and Bar Office": a department named by its office (not "an office")
    r"(?<=[Tt]he )[A-Z][a-z]+(?: and [A-Z][a-z]+)? Office",
    r"Treasury",
    r"Exchequer",
    r"(?:Ministry|Department) (?:of|for) (?:the )?[A-Z][\w\-]+(?: [A-Z][\w\-]+){0,2}"
    r"(?:(?:,| and|, and) (?!Ministry|Department)[A-Z][\w\-]+(?: [A-Z][\w\-]+){0,2}){0,3}",
    r"(?<=[Tt]he )[A-Z][a-z]+(?: [A-Z][a-z]+)? Department",
)
# where a body's own words say what it is ("Fisheries Office" ~ "fisheries secretary"): words that say nothing
GOVERNMENT_GENERIC_WORDS = ("office", "ministry", "department", "of", "for", "the", "and", "affairs")
# other common names of countries (CLDR's names come through Babel): form -> CLDR region code
COUNTRY_VARIANTS = {"UK": "GB", "Britain": "GB", "Great Britain": "GB", "US": "US", "USA": "US", "America": "US",
                    "Turkey": "TR", "Holland": "NL", "the Netherlands": "NL"}
# an adjective of a country ("the Tuvaluan government"): the suffixes taken off, shortest first, before
# the rest is looked up as the start of a one-word country name ("Tuvalu-" -> "Tuvalu")
COUNTRY_ADJECTIVE = r"[A-Z][a-z]{3,}(?:an|ian|ish|ese|i)"
COUNTRY_ADJECTIVE_SUFFIXES = ("i", "an", "ian", "ish", "ese")
# prepositions of place (with an article) before a country's name: where a word one letter away from a
# country's name is read as that country spelt another way
PLACE_PREPOSITIONS = ("in", "to", "from", "in the", "to the", "from the")
# endings a country name takes in the text (none: the possessive is "'s")
COUNTRY_ENDINGS: tuple[str, ...] = ()
# a country right after a capitalised word is part of a longer name ("Upper Tuvalu"): English
# capitalises names only
COUNTRY_AFTER_CAPITAL_IS_PART = True
# the word right before an organisation that says a change happened there, for a start ("moving on to Foo",
# "lured by Foo", "returned with Foo") and for an end ("sacked by Foo", "resigned from Foo"): in a sentence
# of several changes, the organisation of this trigger ("left Foo for Bar": Bar is where the next starts)
MOVE_LINKERS = ("to", "with", "by", "joins", "joined", "join", "joining")
END_LINKERS = ("from", "by", "at")
# the word before an organisation an end leaves for, past a head noun ("left Foo for Bar", "quit Foo for the
# club Bar"): where the next post starts, never the one left
DESTINATION_LINKERS = ("for",)
# the word before the one acting on a passive change, however far after the trigger within six words ("was
# hired for the Foo Park dugout by Bar", "was sacked on Monday by Bar"): the organisation joined or left
AGENT_LINKERS = ("by",)
# an organisation named by a definite common noun right after a trigger ("left the club", "quit the Fooburg
# club", "joined the firm"): the one the article named last before it; regular expression matched right after
# the trigger, group 1 the noun phrase
ORG_ANAPHORS = r"\s+(?:the|his|her|their)\s+((?:[A-Z][a-z]+\s+)?(?:club|firm|company|bank|side))\b"
# the same before the trigger (verb-final clauses): English puts the object after its verb
ORG_ANAPHORS_BEFORE = ""
# the word right before an organisation a start comes from ("hired from Foo", "moved over from Foo"):
# never where the start happens
ORIGIN_LINKERS = ("from",)
# an auxiliary right after an organisation that makes it the one acting, with the participle later in the
# clause ("Foo has ... dismissed"); English puts the participle close, so none is needed beyond one word
AGENT_AUXILIARIES: tuple[str, ...] = ()
# case endings a name takes in the text, taken off where the article names it without ("Foo's" is split off
# by the name pass already)
NAME_CASE_ENDINGS: tuple[str, ...] = ()

# public bodies named by a common noun, by kind ("quit the government", "entered parliament"): where a minister's or an
# assembly member's post is held when no department is named; regular expressions on whole words
PUBLIC_BODY_NOUNS = {"government": (r"[Gg]overnment",), "assembly": (r"[Pp]arliament",)}
# articles between a trigger and the organisation that is its object ("quit the government", "left Foo")
OBJECT_ARTICLES = ("the",)
# nouns saying what kind of organisation the name after them is ("the law firm Foo Bar", "carmaker Foo",
# "rivals Foo"): general words, whole words; regular expressions
ORG_HEAD_NOUNS = ("law firm", "firm", "carmaker", "retailer", "broadcaster", "newspaper", "airline", "insurer",
                  "bank", "club", "side", "rivals", "outfit", "group", "company", "giant", "maker", "agency")
ORG_HEAD_IN_COMPOUNDS = False
# English names a place by its noun ("the Foo mayor"): no adjective of a place is read
PLACE_ADJECTIVE = ""
PLACE_ADJECTIVE_ENDING = ""
PLACE_ADJECTIVE_ELISIONS: tuple[tuple[str, str], ...] = ()
NOT_PLACE_ADJECTIVE_ENDINGS: tuple[str, ...] = ()

# a region's bodies and offices after the region's adjective (German "der fooländische Landtag"); English names
# its regions by noun ("the Fooland assembly"), which the place options already read: nothing here
REGION_BODY_WORDS: tuple[str, ...] = ()
REGION_ADJECTIVE = ""
REGION_ADJECTIVE_SUFFIXES: tuple[str, ...] = ()
REGION_NOUN_ENDINGS: tuple[str, ...] = ()
REGION_NOUN_COMPLETIONS: dict[str, str] = {}
# a word right before a post saying it is held in the place just named ("the local party chairman Foo"): in the
# place the article named last before it; regular expression, whole word
PLACE_HERE_WORDS = r"local"
# a head of government's office is the government the article names ("the Fooish government"), before the
# country: English reports (and their annotations) name it so
HEAD_OF_GOVERNMENT_IN_GOVERNMENT = True
# a report naming no post ("Mr Foo came into office") is held where the title the article gives the holder
# elsewhere ("Chancellor Foo") is held, for the seat of a public office only
SEAT_FROM_TITLE = True

# verbs of joining whose object may be a person ("expects to join Foo", "will link up with Foo"): the one
# joining then keeps his present title's organisation only as the one he comes from ("Bar coach X will join Foo")
JOIN_PERSON_VERBS = ("join", "joins", "joined", "joining", "rejoin", "rejoins", "link up with", "team up with",
                     "reunite with", "reunited with")

# triggers of moving up into a seat another left (see lang/de/orgs.py): English names the seat ("fills the
# vacancy on Foo"), so none are needed
VACANCY_TRIGGERS: tuple[str, ...] = ()

# a government named as led by a person ("the new government under X", "the government led by party leader X"):
# X heads it; the canonical post of its head by the government's noun (see the German data)
GOVERNMENT_UNDER = r"([Gg]overnment)\s+(?:under|led\s+by)\s+(?:[A-Z][\w\-]*\s+){0,2}$"
GOVERNMENT_HEADS = {"government": "prime minister"}

# a competition ("the Foo Cup", "the Foo League", "the Bar Championships", "the Foo Open"): no employer of a
# coach's, a player's nor of an unnamed post (a league's own chief executive is held there); regular expression
# searched in an organisation's name, case-insensitively
# closing the name (not "the Foo League Coaches Association", "the Open College of Bar")
COMPETITION = (r"(?<![\w])(?:cup|league|championships?|premiership|tournament|open|trophy|olympics|grand prix"
               r"|\w*liga)$")  # a league abroad written in its own language
