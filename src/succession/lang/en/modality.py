"""English cues for how certain a reported change is. Phrases are matched as whole words, lower-case."""

NEGATION = ("not", "n't", "never", "no longer", "denied", "denies", "deny", "ruled out", "rules out",
            "rejected", "refused", "were wrong", "was wrong", "is wrong", "are wrong", "untrue", "unfounded", "was not accepted", "will not happen", "won't happen", "did not", "does not",
            "is not", "declined", "no intention of", "no thoughts of", "no plans to")
PLANNED = ("will", "'ll", "is to", "are to", "is set to", "are set to", "set to", "plans to", "plan to",
           "planned", "intends to", "is due to", "expected to take", "to be named", "to become", "to succeed",
           "to replace", "to take over", "to step down", "to leave", "to join", "to return", "going to",
           "next year", "later this year", "subject to approval", "has agreed to", "agreed to", "to take")
RUMOURED = ("reportedly", "rumour*", "rumor*", "according to sources", "sources said", "sources say",
            "people familiar", "speculation", "is said to", "are said to", "is tipped", "tipped to", "favourite to",
            "favorite to", "frontrunner", "front-runner", "in talks", "widely reported", "it was reported",
            "linked with", "been linked", "is expected to", "are expected to", "was expected to", "were expected to", "could be named")
# triggers whose own word says the change is still ahead: someone "outgoing" has not left yet, someone
# "incoming" not started ("outgoing chief executive Foo"); a dated report of the same change should win
PLANNED_TRIGGERS = ("outgoing", "incoming")
UNCERTAIN = ("can", "could be", "may", "might", "could", "possibly", "perhaps", "probably", "likely", "unclear whether",
             "not clear whether", "whether")
# prepositions that put a date after the report ("from May 1", "as of April 30")
FORWARD_PREPOSITIONS = ("from", "as of", "effective", "starting", "with effect from", "by")
# past-tense markers, for reading relative dates backwards
PAST = ("was", "were", "had", "has", "have", "did", "ago", "last", "yesterday", "earlier")
FUTURE = ("will", "'ll", "is to", "are to", "set to", "plans to", "next", "tomorrow", "from", "as of",
          "is due", "going to", "expected to")
# a sentence that, following a report, says the reported change will not happen
NEGATING_FOLLOWUPS = ("this will not happen", "that will not happen", "this is not going to happen",
                      "that is not going to happen", "this now appears not to be happening", "that won't happen",
                      "this is now not happening", "the move was called off", "the plan was dropped")
# a clause opened by these states a condition, not a change ("if he returned as CEO")
CONDITIONAL = ("if", "unless", "should he", "should she", "in case", "provided that", "whether")
# a clause opened by one of these verbs is a condition ("Should Foo be elected", "Had Foo resigned")
CONDITIONAL_VERB_FIRST = ("should", "had", "were")
# a modal of obligation right before a trigger makes the change a demand or an opinion ("the board
# should sack Foo", "Foo must resign"), not a report: the rules report none (the learned model still reads it)
OBLIGATION = ("should", "should not", "must", "must not", "ought to")
# a resignation offered and then refused is no change: these after a departure negate it
REFUSAL = ("rejected", "refused", "declined", "not accepted", "turned down")
# features of the learned decisions (succession.learned.candidates), not verdicts: a change demanded or
# weighed ("called for his resignation", "threatened with dismissal"), a counterfactual ("would have
# been sacked", "rather than"), a candidacy ("candidate for", "is expected to be considered") is not a change made
DEMAND = ("call* for", "called on", "urged", "urging", "urge", "demand*", "should", "must", "ought to",
          "consider*", "mull*", "threaten*", "pressure to", "under pressure")
COUNTERFACTUAL = ("would have", "could have", "might have", "would", "rather than", "instead of", "as if")
CANDIDACY = ("candidate*", "candidacy", "running for", "run for", "bid to", "bid for", "race for", "race to",
             "contender*", "tipped", "favourite", "favorite", "frontrunner", "front-runner", "hopeful*",
             "nominee", "shortlist*", "campaign*", "considered for", "in the running", "election", "vote",
             "hoped to", "hopes to", "hoping to")
# a change in the infinitive after a word of wishing, trying or refusing is no change made ("a vain bid
# to take over", "wants to retire", "keen on succeeding", "failed to return"): the rules report none (the
# learned model still reads the candidate); at most WISH_GAP words stand between the word and the trigger
WISHES = ("deserve to", "deserves to", "deserved to", "want to", "wants to", "wanted to", "would like to",
          "'d like to", "hope to", "hopes to", "hoped to", "hoping to", "bid to", "attempt to", "attempts to",
          "attempted to", "try to", "tries to", "tried to", "trying to", "failed to", "fails to", "keen to",
          "keen on", "eager to", "refused to", "refuses to", "declined to", "unwilling to", "not willing to",
          "reluctant to", "wish to", "wishes to", "wished to", "dreams of", "dreamed of", "delighted to see",
          "like to see", "willing to")
WISH_GAP = 1
# verbs of saying: the one named right before them (or right after them, at the end of a sentence: "..., said
# Foo") speaks; the change their speech reports is someone else's unless a pronoun names the speaker again
# (`extract/notholders.py`)
SAYING = ("declared", "declares", "said", "says", "say", "told", "tells", "added", "adds", "claimed", "claims", "insisted", "insists",
          "argued", "argues", "explained", "explains", "stressed", "noted", "warned", "warns", "believes",
          "thinks", "thought", "reckons", "suggested", "suggests", "concluded")
# German only: a name after a comma after the trigger and before a verb opens a new main clause
NEW_CLAUSE_AFTER_COMMA = False
# words a name runs on into without opening a new clause (see NEW_CLAUSE_AFTER_COMMA)
NAME_CONTINUATIONS: tuple[str, ...] = ()
# a possessive before a founding noun names the founded thing, not the founder (German "seit ihrer
# Gründung"; English "his founding of Foo" names the founder)
POSSESSIVE_IS_FOUNDED = False
# the word before a speaker named after the change ("..., as Foo said")
SAID_AS = ("as",)
# words that may follow the verb of saying before the speech ("said on Monday"), the word opening the speech,
# and the infinitive marker (an infinitive trigger after a verb of saying may be the speaker's own change)
SAYING_ADVERBS = ("on", "yesterday", "today", "also")
SAYING_THAT = ("that",)
INFINITIVE_MARKERS = ("to",)
