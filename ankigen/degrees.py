"""Words of degree: the phrasings that say how much something changed (or, in a causation essay, how much a
factor mattered), each a class of student writing with the level it gives on the three-point scale. The rules
are data; `judgement.py` searches them and `claims.py` takes their phrases out of what a front shows."""

from __future__ import annotations

from .namedtuples import NamedTuple

DEFAULT_SCALE = ("fundamental", "partial", "superficial")
FUNDAMENTAL, PARTIAL, SUPERFICIAL = 0, 1, 2  # the three-point scale every rule speaks

# What a word of degree can be about: change itself, or how much a factor mattered (or success, said of itself).
CHANGE = (r"(?:change[sd]?|shift|break|transformation|difference|impact|effect|role|part|recovery|improvement|decline|"
           r"moderni[sz]ation|westerni[sz]ation|"
           r"success(?! (?:with|for|by|among|at|of|to)\b| in (?!the end|th[eo]se\b)))")

# Phrases of degree that are both a verdict (DEGREE_RULES) and what a front must not show (NEUTRAL_RULES).
NOT_MUCH = r"(?:not (?:much|very|that|really|all that)|hardly|barely|scarcely|(?<!a )little)"  # ... different (from)
SURFACE = (r"(?:hardly|barely|scarcely) any (?:real )?change|not really (?:a |any )?change|(?:only )?on the surface|"
            r"skin[- ]deep")  # superficial
NOT_IMPORTANT = (r"not (?:very |really |that |particularly |especially )?(?:important|significant)|unimportant|"
                  r"insignificant|of (?:little|no real|minor) (?:importance|significance)")  # superficial
QUITE_IMPORTANT = r"(?:quite|fairly|somewhat|moderately|reasonably) (?:important|significant)"  # partial
# How much it mattered, said with the verb (not the idiom "it did not matter how good the system was").
MATTERED_LITTLE = (r"(?:hardly|barely|scarcely) mattered|mattered (?:very |only )?(?:a )?little|did ?n[o’']?t "
                    r"(?:really )?matter(?! (?:how|what|whether|who|which|if|when|where)\b| that (?!much\b))"
                    r"(?:(?: that)? much| at all)?")
MATTERED_A_LOT = (r"(?:really |hugely |greatly )mattered|mattered (?:so |very )?(?:a lot|a great deal|hugely|"
                   r"enormously|greatly|massively|(?:the )?most)")  # fundamental


class DegreeRule(NamedTuple):
    name: str
    pattern: str
    level: int


# Words of degree, each a class of phrasing. Where two match at the same place the earlier rule wins, so
# negated and "continuity" phrasings come before the words they contain ("not a lot", "a lot of continuity").
DEGREE_RULES: tuple[DegreeRule, ...] = (
    DegreeRule("not much different", rf"{NOT_MUCH} (?:different|difference)", SUPERFICIAL),
    # "not a lot", "not much changed": little change, as teachers read it (`not much change` in a plan, `not a
    # lot - the same centralised state`); a strong word negated is some change: "not a fundamental change".
    DegreeRule("not a lot", rf"not (?:a lot|much)(?: (?:of )?(?:a )?(?:real )?{CHANGE}|(?=\s*(?:[,;:.!?–—]|-\s|$)))",
               SUPERFICIAL),
    DegreeRule("negated strong change", r"not (?:a lot|much) of continuity|not (?:(?:a |an )?(?:real|fundamental|"
               rf"massive|huge|big) {CHANGE}|fundamental(?:ly)?|massive(?:ly)?|transform(?:ed|ation))", PARTIAL),
    DegreeRule("little or no change", rf"(?<!\ba )(?:very )?little (?:real )?{CHANGE}|no (?:real )?change|"
               r"(?:only )?(?:a )?(?:small|slight|minor) change|"
               rf"(?:hardly|barely|barley|didn.?t (?:really )?) ?change[ds]?|cosmetic|{SURFACE}", SUPERFICIAL),
    DegreeRule("continuity", r"(?:a lot of |much |great |strong |mostly |largely )?continuity", SUPERFICIAL),
    # A verb of continuity: "doctrine stayed mostly Catholic", "remained the same".
    # Not where something stayed ("French troops stayed in Rome until 1870", "remained neutral").
    DegreeRule("stayed as before", r"(?:stayed|remained)(?! (?:in|at|on|until|behind|away|out|there|home|neutral|"
               r"loyal)\b)|same as before|similar to before", SUPERFICIAL),
    # A state that carried on: "was already powerful before", "Already powerful before" (a plan's ellipsis).
    # Not an action done earlier ("had already left", "had already started the movement").
    DegreeRule("already so before", r"(?:(?<=^)|(?<=\bwas )|(?<=\bwere )|(?<=\bis )|(?<=\bare )|(?<=\bbeen )|"
               r"(?<=\bbeing ))already (?:\w+ ){0,4}?before", SUPERFICIAL),
    DegreeRule("scale word: superficial", r"superficial(?:ly)?", SUPERFICIAL),
    DegreeRule("part change", r"(?:some|partial|limited|mixed|moderate|half-way|halfway|half a|half) (?:\w+ )?"
               r"(?:change|"
               r"continuity|success|recovery)|"
               r"to (?:an|some) extent|in part|somewhat|partly|partial(?:ly)?", PARTIAL),
    DegreeRule("limits", r"limits?|limited", PARTIAL),
    # How much a factor mattered, in a causation essay's words: "only played a small part", "a minor factor";
    # "only part of the reason"; "the most important factor", "the main cause".
    # Negated first: "not the main cause" is partial, "played no small part" and "not a minor factor" fundamental.
    DegreeRule("not the main factor", r"(?:not|never|hardly|rather than) (?:the |a |an )?(?:most important|main|"
               r"biggest|key|"
               r"decisive|chief|primary|major|big|huge) (?:\w+ )?(?:factor|cause|reason)|(?:but|yet) not (?:decisive|"
               r"crucial|vital)", PARTIAL),
    DegreeRule("no small part", r"(?:no|not a|not an|not the) (?:small|minor|little) (?:part|role|factor|cause)",
               FUNDAMENTAL),
    # A factor's weight, said of the factor ("played a small part", "was a minor factor", "only a small part of
    # unification"), not a share of something ("A small part of the army mutinied").
    DegreeRule("a small part", r"(?<!\w)(?:(?<=only )|(?<=just )|(?<=played )|(?<=was )|(?<=were )|(?<=is )|(?<=are )|"
               r"(?<=had )|(?<=as )|(?<=∴ )|(?<=so )|(?<=therefore ))(?:a )?(?:very )?(?:small|minor|little|tiny) "
               r"(?:\w+ )?(?:part|role|factor|cause|reason|contribution)", SUPERFICIAL),
    DegreeRule("part of the reason", r"(?:only|just) (?:a |one )?part of (?:the )?(?:reasons?|why|causes?|story|"
               r"explanation|it)|(?:one|a) (?:contributing|contributory) (?:factor|cause)|"
               r"one (?:factor|cause|reason) among (?:many|several|others)|one of (?:several|many|a number of|the) "
               r"(?!(?:main|most|key|biggest|major|chief|greatest)\b)(?:\w+ )?(?:factors|causes|reasons)|"
               r"not the only (?:one|factor|cause|reason)", PARTIAL),
    DegreeRule("little to do with it", r"(?:very )?little to do with (?:it|this|the)\b|nothing to do with (?:it|this)\b"
               r"|(?<=judgement)(?: -|:) (?:minor|marginal)|(?<!not )(?<!from )(?:a|an? (?:complete|total|utter)) "
               r"failure(?! of| to|\?)", SUPERFICIAL),
    # A cause that only set things off: "religion and the Irish rebellion, only a trigger".
    DegreeRule("only a trigger", r"(?:only|just|merely) (?:a |the )?(?:trigger|spark|catalyst|final straw|last "
               r"straw|short[- ]term cause)", SUPERFICIAL),
    DegreeRule("a trigger", r"(?:a|the) (?:trigger|spark|catalyst|short[- ]term cause)", PARTIAL),
    DegreeRule("the main factor", r"(?:the )?(?:most important|most significant|main|biggest|greatest|decisive|"
               r"crucial|primary|principal|chief|key|major|big|huge|massive) (?:\w+ )?(?:factor|cause|reason)s?",
               FUNDAMENTAL),
    DegreeRule("not important", NOT_IMPORTANT, SUPERFICIAL),
    DegreeRule("quite important", QUITE_IMPORTANT, PARTIAL),
    # Said of the factor: "the war was crucial", "was very important", "was largely to blame".
    DegreeRule("a decisive factor", r"(?:(?<=was )|(?<=were )|(?<=is )|(?<=are ))(?:(?:very|extremely|hugely|really|"
               r"absolutely) important|(?:very |absolutely )?(?:crucial|vital|essential|decisive|key)|"
               r"(?:mostly|largely|mainly|chiefly|primarily|massively|hugely|heavily|overwhelmingly) "
               r"(?:to blame|responsible))", FUNDAMENTAL),
    # Strong wherever it stands ("still massively important, without the Cheka ..."), and as important as the
    # factor weighed against it ("just as huge as terror"; not "not as important as": `less important than`).
    DegreeRule("massively important", r"(?<!not )(?<!n't )(?<!n’t )(?<!never )(?:(?:massively|hugely|extremely|"
               r"incredibly|immensely|enormously) (?:important|significant)|(?:just|equally|every bit) as (?:important|"
               r"significant|huge|crucial|vital) as)", FUNDAMENTAL),
    # How much it mattered, said with the verb: "the effects of the war mattered a lot", "hardly mattered".
    DegreeRule("mattered little", MATTERED_LITTLE, SUPERFICIAL),
    # Weighed against another factor in the same clause: "less important than the divisions on the left".
    DegreeRule("far less important", r"nowhere near as (?:important|significant)|(?:the )?least (?:important|"
               r"significant)", SUPERFICIAL),
    DegreeRule("less important than", r"less (?:important|significant|to blame|responsible) than|not (?:as|so) "
               r"(?:important|significant) as|mattered less than", PARTIAL),
    DegreeRule("more important than all", r"more (?:important|significant) than (?:anything|any other|all the "
               r"others?|everything)", FUNDAMENTAL),
    DegreeRule("mattered a lot", MATTERED_A_LOT, FUNDAMENTAL),
    # "the British did a huge amount to create nationalism themselves" (not "a lot achieved": no "did ... to")
    DegreeRule("did a lot to", r"did (?:a (?:huge|massive|vast|great|large) amount|a lot|a great deal|so much) to",
               FUNDAMENTAL),
    # (a part or a role of the factor's, not a share of something: "played a big part", not "owned a big part of
    # the economy")
    DegreeRule("strong change", rf"(?:massive|huge|big|biggest|great|greatest|dramatic|radical|fundamental|major|real|"
               rf"revolutionary|significant|considerable|substantial|enormous|profound|sweeping|drastic) "
               rf"(?:\w+ )?(?:{CHANGE}(?<!part)(?<!role)|(?:part|role)"
               r"(?! of (?:the|a|an|its|their|his|her) "
               r"(?!reasons?\b|causes?\b|story\b|explanation\b)))|"
               r"(?:real|major|key) turning point|a turning point|watershed", FUNDAMENTAL),
    # (said of a change itself: not "total war changed British society")
    DegreeRule("a total break", r"(?:total|complete|clean|sharp) (?:break|change|transformation)", FUNDAMENTAL),
    DegreeRule("changed a lot", r"a lot of (?:\w+ )?change|(?:change[ds]?|modern[iz]sed|moderni[sz]ed|recovered|"
               r"improved|westerni[sz]ed|industriali[sz]ed|grew|declined|weakened|strengthened) (?:\w+ ){0,2}?"
               r"(?:a lot|massively|hugely|completely|totally|dramatically|fundamentally|radically|enormously)|"
               r"(?:completely|totally|entirely) (?:changed|different|new)|entirely new|changed everything",
               FUNDAMENTAL),
    # "a lot" or "massive" standing alone as the answer to "to what extent" ("P1- a lot, secured ...").
    DegreeRule("bare strong word", r"(?:a lot|massive(?:ly)?|huge(?:ly)?)(?=\s*(?:[,;:.!?–—]|-\s|$))", FUNDAMENTAL),
    DegreeRule("scale word: fundamental", r"fundamental(?:ly)?|transform(?:ed|ation|ing|s)?|revolutioni[sz]ed|"
               r"dramatic(?:ally)? change", FUNDAMENTAL),
)
