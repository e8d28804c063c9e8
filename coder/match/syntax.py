"""Small dependency-tree questions asked by both verb matching and role finding.

spaCy's English parser (ClearNLP labels) marks passive subjects `nsubjpass`, by-agents `agent`,
particles `prt`, open complements `xcomp`. Keeping these questions in one place means the verb
matcher and the role finder agree on what "the object" of a trigger is.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


@lru_cache(maxsize=65536)
def kids(token: Token) -> tuple[Token, ...]:
    """A token's children, built once: spaCy makes new Token objects on every `.children`, and matching
    and role finding ask about the same few tokens many times. The story coder clears the cache per
    Doc (`kids.cache_clear()`), so it never outlives the parse it describes; the bound keeps other
    callers (e.g. `coder codebook coverage`) from holding a whole corpus of Docs."""
    return tuple(token.children)


def first_conjunct(token: Token) -> Token:
    """The conjunct a later one shares its slot with: "launched [air] and [artillery strikes]" -- the strikes are
    the object "air" is."""
    return token.head if token.dep_ == "conj" and token.head.i < token.i else token


def object_governor(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly ("held talks") or through a preposition ("agreed to a
    ceasefire"); the one place role finding and modality ask which verb governs a nominal event."""
    if first_conjunct(noun).dep_ in ("dobj", "attr", "pobj"):
        noun = first_conjunct(noun)  # "launched air and artillery strikes", "held talks and a joint news conference"
    if noun.dep_ in ("dobj", "attr") and (noun.head.pos_ in ("VERB", "AUX") or (
            noun.head.dep_ == "xcomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in kids(noun.head)))):
        return noun.head  # (also "offered to host talks" with "host" tagged as a noun)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ == "be":
        return noun.head.head  # "Sarkozy is on a visit to Saudi Arabia"
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        # "Iran is responsible for / guilty of / behind the attack": the copula governs the act
        prep, holder = noun.head, noun.head.head
        if prep.lower_ in ("for", "of") and holder.dep_ == "acomp" and holder.lemma_.lower() in CULPABLE:
            return holder.head
        if prep.lower_ == "behind" and holder.lemma_.lower() == "be":
            return holder
    return None


CULPABLE = {"responsible", "guilty", "culpable", "accountable"}
GUILTY = CULPABLE - {"responsible", "accountable"}  # "X is guilty of violating": X did it (not "responsible for")
# "bases used by Hezbollah", "villages controlled by Kurdish militants", "firms linked to the Iranian military"
TIES = {"belong", "link", "tie", "affiliate", "connect", "associate"}
HOLDING = {"use", "hold", "control", "run", "occupy", "operate", "own", "man"} | TIES


def holders(noun: Token, ties_only: bool = False) -> list[Token]:
    """Who holds, uses or is tied to what a noun names, by a participle after it: "positions held BY the
    rebels", "depots belonging TO Hezbollah", "companies linked TO the Iranian military" (and, for ties only,
    "forces loyal TO Assad")."""
    verbs = TIES if ties_only else HOLDING
    found: list[Token] = []
    doc = noun.doc
    for mod in kids(noun):  # "rebel-held areas", "Houthi-controlled territory": the holder before the hyphen
        if not ties_only and mod.dep_ == "amod" and mod.i < noun.i and mod.tag_ == "VBN" and \
                mod.lemma_.lower() in verbs and mod.i >= 2 and doc[mod.i - 1].text == "-":
            found.extend(c for c in kids(mod) if c.i == mod.i - 2)
    for clause in kids(noun):
        loyal = ties_only and clause.dep_ == "amod" and clause.lower_ == "loyal" and clause.i > noun.i
        if not loyal and (clause.dep_ != "acl" or clause.lemma_.lower() not in verbs or clause.tag_ not in ("VBN", "VBG")):
            continue
        for c in kids(clause):
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("to", "with")):
                found.extend(o for o in kids(c) if o.dep_ == "pobj")
    return found


def hyphen_prefix(token: Token) -> str:
    """The word before a hyphen in front of `token`: "anti" in "anti-aircraft", "pro" in "pro-EU" ("" if none)."""
    doc = token.doc
    return doc[token.i - 2].lower_ if token.i >= 2 and doc[token.i - 1].text == "-" else ""


def hyphen_suffix(token: Token) -> str:
    """The word after a hyphen behind `token`: "backed" in "Russian-backed" ("" if none)."""
    doc = token.doc
    return doc[token.i + 2].lower_ if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" else ""


# "Russian-backed separatists", "Iranian-sponsored militias": the backer is a patron, not whose they are
# (while "the Saudi-led coalition" is Saudi Arabia's)
PATRONAGE = {"backed", "supported", "sponsored", "funded", "financed", "armed", "trained", "allied", "aligned",
             "friendly", "installed", "imposed"}


NOUN_SLOTS = ("pobj", "dobj", "nsubj", "nsubjpass")


def nominal_gerund(token: Token) -> bool:
    """"killed in Israeli tank shelling", "the shelling of Gaza": the small model tags many -ing nouns as verbs;
    in a noun's slot with a noun's modifiers (article, adjective, possessor, compound) and no object of its own
    the word names an event, like "bombing" or "airstrike"."""
    return (token.tag_ == "VBG" and token.dep_ in NOUN_SLOTS
            and any(c.dep_ in ("det", "amod", "poss", "compound") and c.i < token.i for c in kids(token))
            and not any(c.dep_ == "dobj" for c in kids(token)))


def circumstance(noun: Token) -> bool:
    """"During talks with Putin, Erdogan called for ...": an event noun that sets the scene of its clause, not an
    argument of the clause's verb -- it happened, whatever the verb does."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "during"


def scene_clause(clause: Token) -> bool:
    """"ended a trip in Paris, where he had lunch with Macron": a relative clause opened by where/when tells
    what happened at that place or time; the verb governing the place (end, deny, halt...) does not reach it."""
    return clause.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in kids(clause))


def culpable_for(noun: Token) -> bool:
    """The noun is what someone is said to be responsible for, guilty of or behind."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and (
        prep.lower_ == "behind" or prep.head.lemma_.lower() in CULPABLE)


def is_passive(token: Token) -> bool:
    """A passive verb: has a passive subject or auxiliary, or is a past participle modifying a noun."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in kids(token)):
        return True
    # ... but not one with an object of its own: "Israeli airstrikes killed 30 Palestinians", misparsed as a
    # reduced relative ("airstrikes [that were] killed")
    if token.tag_ != "VBN" or any(c.dep_ == "dobj" for c in kids(token)):
        return False
    if token.dep_ == "advcl" and any(c.dep_ == "agent" for c in kids(token)):
        return True  # "signed agreements at a ceremony, hosted by President Trump": Trump hosted
    if token.dep_ == "acl" and token.head.pos_ == "PROPN" and any(
            c.dep_ == "oprd" and callee_predicate(c) for c in kids(token)):
        return False  # "Trump called Erdogan on Wednesday", misparsed as "Trump, [who is] called Erdogan"
    if misparsed_main_verb(token):
        return False
    # "were captured and later released by Hezbollah": a participle coordinated with a passive shares its voice
    return token.dep_ == "acl" or (token.dep_ == "conj" and token.head.tag_ == "VBN" and is_passive(token.head))


def misparsed_main_verb(token: Token) -> bool:
    """"Zimbabwe's main opposition party called on Mugabe to step down", parsed as a noun with a participle: in a
    sentence with no finite verb and no subject, the root noun's participle is that noun acting."""
    head = token.head
    return token.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and not any(
        t.dep_ in ("nsubj", "nsubjpass") or t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in token.sent) and not any(
        c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in kids(token))  # ("a convoy attacked by gunmen")


def child(token: Token, *deps: str) -> Token | None:
    for c in kids(token):
        if c.dep_ in deps:
            return c
    return None


HANDING = {"hand", "turn"}  # "hand over", "turn over": "over" is their particle, never a preposition


def _counted_up_to(token: Token) -> Token | None:
    """The object the parser hung under "up to" read as a particle and a preposition: "up to 16 advisers"."""
    up = next((c for c in kids(token) if c.dep_ == "prt" and c.lower_ == "up"), None)
    if up is None:
        return None
    to = next((c for c in (*kids(up), *kids(token)) if c.lower_ == "to" and c.i == up.i + 1), None)
    if to is None:
        return None
    return next((o for o in kids(to) if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in kids(o))), None)


def direct_object(token: Token) -> Token | None:
    """The active-voice object: `dobj`, or the passive subject when the verb is passive."""
    if is_passive(token):
        subj = child(token, "nsubjpass")
        if subj is not None:
            return subj
        if token.dep_ == "acl" and token.tag_ == "VBN":
            return token.head
        if token.dep_ == "conj" and token.head.pos_ == "VERB" and child(token, "nsubj") is None and not any(
                t.dep_ in SUBJECT_DEPS for t in token.doc[token.head.i + 1:token.i]):
            # "the activists were arrested and later released", "the civilians imprisoned for ... were released
            # by Putin" (the first verb parsed active): the shared subject is what the second verb acts on
            return child(token.head, "nsubjpass", "nsubj")
        return None
    objects = [c for c in kids(token) if c.dep_ in ("dobj", "obj")]
    obj = objects[0] if objects else None
    if len(objects) > 1:  # "meet his counterpart President X": two objects; the nominal one names the party
        obj = next((o for o in objects if o.pos_ == "PROPN"), None) or next(
            (o for o in objects if o.pos_ in ("NOUN", "PRON")), objects[0])
    if obj is None and token.dep_ == "amod" and token.pos_ == "VERB" and child(token, "nsubj") is not None:
        return token.head  # "the coalition bombed Yemeni rebels", misparsed as "[bombed] rebels" with a subject
    if obj is None:
        attr = child(token, "dative")
        if attr is not None and attr.pos_ in ("NOUN", "PROPN", "PRON"):
            return attr
        callee = next((c for c in kids(token) if c.dep_ == "oprd" and callee_predicate(c)), None)
        if callee is not None:  # "Biden called Chinese President Xi Jinping", parsed as a naming
            return callee
        visiting = next((c for c in kids(token) if misparsed_visiting(c)), None)
        if visiting is not None:  # "Mubarak met visiting Israeli Prime Minister Barak": Barak is met
            return child(visiting, "dobj")
        if token.lemma_.lower() in HANDING:
            # "Turkey hands over the suspects to Iraq": the particle parsed as a preposition takes the object
            over = next((c for c in kids(token) if c.dep_ == "prep" and c.lower_ == "over" and c.i == token.i + 1),
                        None)
            handed = child(over, "pobj") if over is not None else None
            if handed is not None:
                return handed
        counted = _counted_up_to(token)
        if counted is not None:  # "kidnapped up to 16 Russian advisers", parsed as a particle and a preposition
            return counted
        if token.lemma_.lower() in OBJECT_INFINITIVE:
            # "Syria allowed a UN aid convoy to enter Madaya", parsed with the convoy as the subject of "enter"
            clause = next((c for c in kids(token) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and (
                to_infinitive(c) or c.tag_ == "VB")), None)
            subj = child(clause, "nsubj") if clause is not None else None
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i > token.i:
                return subj
    return obj


# verbs whose object is the doer of their infinitive ("allowed X to enter", "forced X to leave")
OBJECT_INFINITIVE = {"allow", "permit", "let", "enable", "authorize", "authorise", "force", "compel", "oblige",
                     "order", "help", "persuade", "pressure", "pressurize", "urge", "ask", "encourage", "invite",
                     "want", "tell"}


def shared_object(token: Token) -> Token | None:
    """"China condemned and rejected the plan": a verb with nothing after it, joined right away to the next
    verb, acts on that verb's object too (not "met and signed an agreement": a meeting needs no object, so the
    caller asks only when the pattern found no target)."""
    if direct_object(token) is not None or any(c.dep_ in ("prep", "prt", "xcomp", "ccomp") for c in kids(token)):
        return None
    nxt = next((c for c in kids(token) if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == _next_word(token)
                and child(c, "nsubj", "nsubjpass") is None and not is_passive(c)), None)
    return child(nxt, "dobj") if nxt is not None else None


def _next_word(token: Token) -> int:
    """Index of the verb right after `token` and its coordinator ("invaded and annexed", "invaded, then annexed")."""
    i = token.i + 1
    while i < len(token.doc) and token.doc[i].dep_ in ("cc", "punct", "advmod"):
        i += 1
    return i


def callee_predicate(oprd: Token) -> bool:
    """"Biden called Chinese President Xi Jinping": a proper name as the only 'object predicate' of "call" is
    the one called (a naming has an object and a common-noun predicate: "called Netanyahu a terrorist")."""
    return oprd.pos_ == "PROPN" and oprd.text[:1].isupper() and not any(c.dep_ in ("dobj", "obj")
                                                                          for c in kids(oprd.head))


def naming_predicates(verb: Token) -> list[Token]:
    """What a naming verb calls its object: "called the sanctions ILLEGAL", "called Netanyahu a TERRORIST" (also
    where the small model hangs "a terrorist" on the object as an apposition). A proper name alone is the one
    called, not a name ("Biden called Chinese President Xi Jinping")."""
    found = [c for c in kids(verb) if c.dep_ == "oprd" and not callee_predicate(c)]
    for holder in [c for c in kids(verb) if c.dep_ in ("dobj", "oprd")]:
        found += [a for a in kids(holder) if a.dep_ == "appos" and a.i > holder.i and a.pos_ in ("NOUN", "ADJ")
                  and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in kids(a))
                  and a.doc[a.left_edge.i - 1].text != ","]  # not "the ambassador, a career diplomat,"
    return found


def misparsed_visiting(token: Token) -> bool:
    """"met visiting Israeli Prime Minister Barak", parsed as a clause "visiting Barak" under "met": the
    participle is an adjective of the met person, who is the visitor."""
    return (token.lower_ == "visiting" and token.dep_ in ("advcl", "xcomp") and token.i == token.head.i + 1
            and token.head.pos_ == "VERB" and not any(c.dep_ in ("dobj", "obj") for c in kids(token.head))
            and any(c.dep_ == "dobj" for c in kids(token)))


TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "today", "yesterday", "tomorrow", "week", "month", "year", "day",
              "morning", "evening", "night", "weekend", "time", "occasion", "behalf",
              # abbreviated months as news writes them ("On Nov. 2, ...")
              "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."}


def preposition_objects(token: Token, prep: str) -> list[Token]:
    """Objects of preposition `prep` attached to `token` ('agent' is the passive by-phrase).

    Time expressions ("on Monday") are left out: they are never a party to an event.
    """
    return [o for o in _preposition_objects(token, prep) if o.lower_ not in TIME_WORDS
            or any(c.dep_ == "compound" for c in kids(o))]  # "with President Assad Tuesday" (misparse)


PLACE_NOUNS = {"city", "town", "village", "capital", "port", "region", "province", "district", "island", "resort",
               "enclave", "territory"}  # nouns that name a place, as a visit's destination too
# ... and the parts of one: "in the province OF Herat", "on the outskirts OF Aleppo" name no owner
PLACE_PARTS = PLACE_NOUNS | {"area", "state", "county", "governorate", "prefecture", "municipality", "suburb",
                             "outskirts", "part", "neighbourhood", "neighborhood", "heart", "centre", "center",
                             "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}


def nested_preposition_objects(token: Token, prep: str) -> list[Token]:
    """Objects of `prep` one preposition further down: "signed an agreement on trade WITH China",
    "$100 million in assistance TO Kabul", "called for talks WITH India". An of-phrase under a place
    ("stormed a base in the province OF Herat") names the place, never an owner."""
    found: list[Token] = []
    for c in kids(token):
        if c.dep_ == "prep" and c.lower_ != prep:
            for inner in kids(c):
                if inner.dep_ == "pobj" and not (prep == "of" and inner.lemma_.lower() in PLACE_PARTS):
                    found.extend(preposition_objects(inner, prep))
    return found


def that_marked(clause: Token) -> bool:
    """A clause opened by "that" ("accusations that Tehran was behind the attack")."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in kids(clause))


def object_by_phrases(noun: Token, verb: Token) -> list[Token]:
    """The by-phrase objects of a verb's object: on the noun, or hung by the parser on the verb after it ("denied
    charges by the U.S. Chamber of Commerce that ...")."""
    return [o for c in [*kids(noun), *(c for c in kids(verb) if c.i > noun.i)] if c.dep_ == "prep" and
            c.lower_ == "by" for o in kids(c) if o.dep_ == "pobj"]


def _preposition_objects(token: Token, prep: str) -> list[Token]:
    found: list[Token] = []
    for c in kids(token):
        if c.dep_ == "agent" and prep == "by":
            found.extend(p for p in kids(c) if p.dep_ == "pobj")
        elif c.dep_ in ("prep", "dative") and c.lower_ == prep:
            found.extend(p for p in kids(c) if p.dep_ in ("pobj", "pcomp"))
            if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN"):
                found.append(c)
        elif c.dep_ in ("advcl", "acl") and prep == "for" and token.pos_ == "NOUN" and to_infinitive(c) and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in kids(c)):
            # "set a deadline for Iran to comply": the for-phrase on a noun is the subject of its own infinitive
            # (on a verb, "pushed for Congress to update the law", the appeal patterns read the clause)
            found.extend(p for p in kids(c) if p.dep_ == "nsubj")
        elif c.dep_ == "prep" and c.lower_ in ("out", "away", "up") and prep in ("of", "from"):
            # "out of Syria", "away from the border": the inner preposition holds the object
            for inner in kids(c):
                if inner.dep_ == "prep" and inner.lower_ == prep:
                    found.extend(p for p in kids(inner) if p.dep_ == "pobj")
    if not found and token.pos_ == "NOUN":
        # "launched a military operation, Operation Rah-e-Nijat, against militants": the phrase hangs on the
        # operation's name
        for c in kids(token):
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                found.extend(_preposition_objects(c, prep))
    if not found and token.pos_ == "NOUN" and token.dep_ == "conj" and token.head.pos_ == "NOUN":
        # "launched air and artillery strikes on Syrian troops": the phrase after the last conjunct, hung on
        # the first, belongs to all of them
        first = token.head
        found.extend(o for o in _preposition_objects(first, prep) if o.i > token.i)
    return found


def to_infinitive(token: Token) -> bool:
    """A verb with infinitival 'to' ("a plan TO attack", "in order TO ensure")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(token))


def complements(token: Token) -> list[Token]:
    """Open and clausal complements (any POS: the model tags subjunctives as nouns: 'that he resign'); after a
    verb of asking, a to-infinitive parsed as an adverbial clause too ("called on Egypt to free activists")."""
    lemma = token.lemma_.lower()
    asking = lemma in ASKING
    pressing = lemma in PRESSING_FOR
    return [c for c in kids(token) if c.dep_ in ("xcomp", "ccomp") or (
        c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c)) and (
            asking or (pressing and any(m.dep_ == "mark" and m.lower_ == "for" for m in kids(c)))))]


ASKING = {"urge", "ask", "call", "encourage", "invite", "request", "appeal", "implore",
          "persuade", "beg", "exhort"}  # not press, push, pressure: "pressured to help" is coercion
# ... but pressing FOR someone to act asks them: "the EU pressed for Russia to withdraw"
PRESSING_FOR = {"press", "push", "lobby", "plead", "campaign", "clamor", "clamour", "agitate"}


SAY_VERBS = {"say", "tell", "add", "state", "note", "stress", "announce", "declare"}
ATTRIBUTIONS = SAY_VERBS | {"report", "confirm", "claim"}  # "..., officials said / reported / confirmed"


def fronted_participle_object(verb: Token) -> Token | None:
    """The real subject in "visiting Chinese Foreign Minister Wang Yi said ...".

    The small English model often parses a pre-nominal participle ("visiting", "outgoing") as a verb
    whose object is the phrase just before a subjectless speech verb. That object is the speaker.
    """
    if verb.i == 0 or verb.lemma_.lower() not in SAY_VERBS or child(verb, "nsubj", "nsubjpass") is not None:
        return None
    node = verb.doc[verb.i - 1]
    for _ in range(8):
        if node.dep_ == "dobj" and node.head.tag_ == "VBG" and node.head.i < node.i:
            return node
        if node.dep_ not in ("conj", "compound", "flat", "appos", "cc") or node.head.i == node.i:
            return None
        node = node.head
    return None


def is_fronted_participle(token: Token) -> bool:
    """True for the participle of :func:`fronted_participle_object` (a modifier, not an event)."""
    obj = child(token, "dobj") if token.tag_ == "VBG" else None
    if obj is None or obj.right_edge.i + 1 >= len(token.doc):
        return False
    after = token.doc[obj.right_edge.i + 1]
    return fronted_participle_object(after) is not None
