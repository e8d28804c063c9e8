"""Where a trigger's source and target are in the dependency tree.

Source is the grammatical subject (inherited through coordination, open complements, participles
and relative clauses); the target is the direct object or the object of the preposition a pattern
names. In the passive the by-agent is the source and the passive subject the object. Noun triggers
take their source from a possessor, a by-phrase, an actor adjective, or the verb they are object of.
"""

from __future__ import annotations

from spacy.tokens import Token

from coder.match.syntax import (GUILTY, child, culpable_for, direct_object, first_conjunct, fronted_participle_object,
                                is_passive, kids, nested_preposition_objects, object_by_phrases, object_governor,
                                preposition_objects, that_marked, to_infinitive)
from coder.match.verbs import measured_nouns

RELATIVIZERS = {"who", "which", "that", "whom"}
ORDINALS = {"first", "last", "only", "second", "third", "latest"}  # "the first leader to visit": the leader
AGENT_PREPS = {"to", "on", "into", "upon", "as"}  # a verb's subject is the actor of a nominal event behind these
MESSAGE_NOUNS = {"statement", "letter", "resolution", "communique", "declaration", "message", "note", "speech",
                 "address", "editorial", "decree", "motion", "petition", "appeal", "report", "post", "tweet"}
OBJECT_CONTROL = {"urge", "ask", "call", "request", "invite", "order", "force", "press", "push", "persuade",
                  "encourage", "allow", "permit", "help", "tell", "warn", "pressure", "want"}


# "X is committed / dedicated to V-ing": the passive's subject does the gerund (not "was accused of attacking")
COMMITTED = {"commit", "dedicate"}


def effective_subject(token: Token, depth: int = 0) -> Token | None:
    """The subject a verb has, or inherits from the clause it depends on."""
    if depth > 6:
        return None
    subj = child(token, "nsubj", "csubj")
    if subj is not None:
        # "The Palestinian militant group Hamas fired": the name parsed as a second subject right after the first
        nxt = next((c for c in kids(token) if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i > subj.i and all(
            t.pos_ in ("PROPN", "PUNCT") for t in token.doc[subj.i + 1:c.i])), None)  # "group al-Shabab" too
        subj = nxt or subj
    if subj is None and token.pos_ == "VERB":
        # "Sweden suspended aid to Zimbabwe": a sentence-initial name parsed as an adverbial noun; "USAID deployed
        # rescue teams", "IGAD criticized ...": an acronym parsed as an adverb or auxiliary
        first = next((c for c in kids(token) if c.i < token.i and c.left_edge.is_sent_start and (
            (c.dep_ == "npadvmod" and c.pos_ == "PROPN") or (c.dep_ in ("npadvmod", "advmod", "aux") and
                                                             _acronym(c)))), None)
        if first is not None:
            subj = first
    if subj is not None:
        if subj.lower_ in RELATIVIZERS and token.dep_ == "relcl":
            return token.head
        return subj
    if is_passive(token):
        return None
    fronted = fronted_participle_object(token)
    if fronted is not None:
        return fronted
    dep = token.dep_
    if dep == "xcomp":
        ctrl = token.head
        obj = child(ctrl, "dobj")
        if obj is not None and ctrl.lemma_.lower() in OBJECT_CONTROL:
            return obj
        raised = child(ctrl, "nsubjpass")
        if raised is not None:
            return raised  # "Li Qiang is expected / scheduled / set to visit Germany": Li Qiang visits
        return effective_subject(ctrl, depth + 1)
    if dep == "conj" and (token.head.pos_ in ("VERB", "AUX") or child(token.head, "nsubj") is not None):
        # (also "A gunman shot and wounded X" with "shot" tagged as a noun but holding the subject)
        return effective_subject(token.head, depth + 1)
    if dep in ("acomp", "attr") and token.head.pos_ in ("VERB", "AUX"):  # "is willing to withdraw"
        return effective_subject(token.head, depth + 1)
    if dep == "acl" and token.tag_ == "VBG" and token.head.lemma_.lower() in MESSAGE_NOUNS:
        # "X issued a statement calling on Y to ...": the message speaks for whoever issued it
        owner = object_governor(token.head)
        if owner is not None:
            return effective_subject(owner, depth + 1)
    if dep == "acl" and token.head.pos_ == "NOUN" and to_infinitive(token) \
            and not any(c.lower_ in ORDINALS for c in kids(token.head)):
        # "Russia's plan to attack", "Russia announced a plan to attack": the owner of the plan acts
        # (but "the first US president to visit Cuba" is the president)
        owner = child(token.head, "poss")
        if owner is not None:
            return owner
        if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ") for c in kids(token.head)):
            return token.head  # "a U.S. Supreme Court decision to ...": its modifiers name the owner
        verb = object_governor(token.head)
        if verb is not None:
            return effective_subject(verb, depth + 1)
        return token.head
    if dep in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return token.head
    if dep == "advcl" and (token.tag_ in ("VBG", "VBN") or to_infinitive(token)):
        return effective_subject(token.head, depth + 1)  # "marched to protest": the marchers protest
    if dep == "pcomp" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in GUILTY:
        # "X is guilty of violating the ceasefire", "found Russian troops guilty of killing civilians"
        adjective = token.head.head
        return child(adjective, "nsubj") or effective_subject(adjective.head, depth + 1)
    if dep == "pcomp" and token.head.head.pos_ in ("VERB", "AUX"):
        verb = token.head.head
        obj = child(verb, "dobj")
        if token.head.lower_ == "for" and obj is not None:
            return obj  # "jailed a student for helping militants": the student helped
        raised = child(verb, "nsubjpass") if token.head.lower_ == "to" and verb.lemma_.lower() in COMMITTED else None
        if raised is not None:
            return raised  # "Japan is committed to providing aid to Ukraine": Japan would provide it
        return effective_subject(verb, depth + 1)
    return None


def passive_agent(token: Token) -> Token | None:
    objs = preposition_objects(token, "by")
    if not objs:  # "were kidnapped and killed by al-Shabab": the last participle's agent did both
        objs = [o for c in kids(token) if c.dep_ == "conj" and is_passive(c) for o in preposition_objects(c, "by")]
    return objs[0] if objs else None


def _acronym(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token) >= 3


def noun_source(noun: Token, exclude: set[int], is_actor_word, observers: frozenset[str] = frozenset()) -> list[Token]:
    """Source of a nominal event: possessor, by-phrase, actor modifier, or the governing verb's subject.

    The subject of an observer verb ("Pakistan condemned the bombing") is not who did the act.
    """
    poss = child(noun, "poss")
    if poss is not None:
        return [poss]
    by = preposition_objects(noun, "by")
    if by:
        return by[:1]
    for c in kids(noun):
        if c.dep_ in ("amod", "compound", "nmod") and c.i not in exclude and is_actor_word(c):
            return [noun]  # the caller resolves the noun's modifiers together ("Pakistani rebel attack")
    verb = object_governor(noun)
    if verb is not None and noun.dep_ == "dobj" and not is_passive(verb):
        # "denied charges by the U.S. Chamber of Commerce that ...": the parser hangs the object's by-phrase on
        # the active verb, which has no agent of its own
        by = [o for o in preposition_objects(verb, "by") if o.i > noun.i and
              any(is_actor_word(t) for t in o.subtree)]
        if by:
            return by[:1]
    if verb is None or verb.lemma_.lower() in observers:
        return []
    if noun.dep_ == "pobj" and not _agent_behind(noun.head.lower_, noun, verb):
        return []
    subj = effective_subject(verb)
    return [subj] if subj is not None else []


def states_matter(noun: Token, verb: Token) -> bool:
    """Whether an accusation says what is alleged: an of- or about-phrase ("accusations of genocide"), a
    that-clause, or either hung by the parser on the answering verb or on the accuser ("denied charges by the
    Chamber of Commerce that its rules constitute theft")."""
    for holder in [noun] + object_by_phrases(noun, verb):
        # (of a common noun: "the Secretary of State" names the accuser, not the matter)
        if any(c.dep_ == "prep" and c.lower_ in ("of", "about") and (holder is noun or any(
                o.pos_ == "NOUN" for o in kids(c))) for c in kids(holder)):
            return True
    clauses = [c for c in kids(noun) if c.dep_ in ("acl", "ccomp")] + [
        c for c in kids(verb) if c.i > noun.i and c.dep_ == "ccomp"]
    return any(that_marked(c) for c in clauses)


def _agent_behind(prep: str, noun: Token, verb: Token) -> bool:
    """Whether the verb's subject does the nominal event behind `prep`: "agreed to a ceasefire", "embarked on a
    tour", "retaliated with airstrikes", "resigned during a visit", "took part in talks", "is responsible for
    the attack" -- but not "warned against / pushed for an attack", "responded to the expulsion"."""
    lemma = verb.lemma_.lower()
    if lemma in RESPONDERS and prep in ("with", "to"):
        return prep == "with"  # "retaliated with airstrikes"; "would respond to the expulsion": someone else's
    if prep == "during" or (prep == "in" and noun.lemma_.lower() in ENCOUNTERS):
        return not is_passive(verb)  # "during a visit to Saudi Arabia", "in a phone call with Erdogan"
    return prep in AGENT_PREPS or culpable_for(noun) or (prep == "in" and _participates(verb))


RESPONDERS = {"respond", "react", "reply", "object", "refer", "point", "attribute", "link", "tie", "relate",
              "listen", "retaliate", "alert", "draw", "testify", "compare"}  # "reacted to the attack"
ENCOUNTERS = {"call", "conversation", "talk", "meeting", "discussion", "negotiation", "visit", "summit",
              "consultation", "exchange", "interview"}  # "in a phone call with Erdogan, Putin said"
PARTICIPATION = {"participate", "engage", "join", "partake"}  # "participated in talks": the subject takes part


def _participates(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in PARTICIPATION or (lemma == "take" and any(c.lower_ == "part" for c in kids(verb)))


def slot_tokens(trigger: Token, slot: str, kind: str, passive: bool, is_actor_word,
                observers: frozenset[str] = frozenset(), thing_prep: bool = False) -> list[Token]:
    """The head tokens of the phrase filling `slot` ('subject', 'object', 'prep:with', ...); `thing_prep`: the
    pattern names what the slot's preposition holds (`prep: {for: [aid ...]}`), so its party may sit one
    same preposition down."""
    if slot == "none":
        return []
    if slot == "subject" or (slot == "possessor" and kind == "noun"):
        if kind == "noun":  # possessor, by-phrase, actor modifier, or the governing verb's subject
            return noun_source(trigger, set(), is_actor_word, observers)
        if passive:
            agent = passive_agent(trigger)
            return [agent] if agent is not None else []
        subj = effective_subject(trigger)
        return [subj] if subj is not None else []
    if slot == "object":
        if kind == "noun":
            return preposition_objects(trigger, "of")
        obj = direct_object(trigger)
        return [obj] if obj is not None else []
    if slot == "clause":
        return clause_subjects(trigger, kind)
    if slot == "iobj":
        found = child(trigger, "dative")
        return [found] if found is not None else []
    if slot == "possessor":
        found = child(trigger, "poss")
        return [found] if found is not None else []
    if slot.startswith("prep:"):
        prep = slot[5:]
        found = preposition_objects(trigger, prep)
        if not found and kind == "verb":
            obj = direct_object(trigger)
            if obj is not None:
                for holder in [obj] + [c for c in kids(obj) if c.dep_ == "acl"]:
                    found = found or preposition_objects(holder, prep)
        noun = first_conjunct(trigger)
        if not found and kind == "noun" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            found = preposition_objects(noun.head, prep)  # also "launched air and artillery strikes on X"
        if prep == "for" and thing_prep:  # a beneficiary one for-phrase down: "called for more aid for Yemen",
            # also on what a sum measures: "an appeal for $234 million in emergency aid for Zimbabwe"
            things = list(found) + [m for o in found for m in measured_nouns(o)]
            found += [n for o in things for n in preposition_objects(o, prep) if n not in found]
        if not found:  # one preposition further down the object: "an agreement on trade with China"; with no
            # object, down the verb's own preposition: "advised against travel to Tunisia"
            holders = [trigger] if kind == "noun" else [h for h in (direct_object(trigger), trigger) if h is not None]
            found = next((f for h in holders if (f := nested_preposition_objects(h, prep))), [])
        if not found and prep == "between":  # the pair of a situation named through its of-phrase: "concern about
            # the escalation OF hostilities BETWEEN Israel and Hamas"
            found = next((f for h in holders for o in nested_preposition_objects(h, "of")
                          if (f := preposition_objects(o, prep))), [])
        return found
    return []


def clause_subjects(trigger: Token, kind: str) -> list[Token]:
    """Subjects of what the trigger says: its that-clause ("accusations that Tehran was behind the attack",
    "optimistic that the EU would grant ...", also without "that" after a verb or adjective)."""
    found = []
    for c in kids(trigger):
        that = that_marked(c)
        if c.dep_ == "ccomp" or (c.dep_ == "acl" and that) or (kind == "verb" and c.dep_ == "advcl" and that):
            found += [s for s in kids(c) if s.dep_ in ("nsubj", "nsubjpass")]
    return found


def place_heads(trigger: Token, kind: str, preps: frozenset[str], within: list[Token] | None = None) -> list[Token]:
    """Heads of the place phrases of an event, nearest first: "attacked a convoy IN Syria", "staged a protest
    IN Beijing", "rioted AT a jail IN Dili". A noun trigger also looks at the verb it is the object of.
    `within`: look only inside these phrases ("expressed concern over the violence IN Libya")."""
    holders = [trigger]
    if within is not None:
        # ... and inside its relative clause when it acts on someone: "claimed responsibility for the bombings that
        # killed 300 people in Sri Lanka" (not "the fate of a journalist who vanished in Istanbul")
        clauses = [c for h in within for c in kids(h) if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
        clauses += [x for c in clauses for x in c.conjuncts if x.pos_ == "VERB"]  # "which killed and injured ..."
        acts = [(c, o) for c in clauses if (o := direct_object(c)) is not None and o.i > c.i]  # acts on someone
        holders = list(within) + [x for c, o in acts for x in (c, o, *preposition_objects(o, "of"))]
    elif kind == "noun":
        verb = object_governor(trigger)
        if verb is not None:
            holders.append(verb)
    else:
        # a later verb sharing its subject shares its place: "shot and wounded Malala on her school bus in Swat";
        # a toll shares its act's: "torched a village in Cameroon, killing 11 civilians"
        if direct_object(trigger) is None and child(trigger, "prep") is None:
            # (not "kidnapped advisers from a bazaar and exploded bombs in Kabul")
            holders += [c for c in kids(trigger) if c.dep_ == "conj" and c.pos_ == "VERB" and child(c, "nsubj") is None]
        elif trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.head.pos_ == "VERB" and \
                child(trigger, "mark") is None:  # (not "took refuge in its embassy while fighting extradition")
            holders += [h for h in (trigger.head, direct_object(trigger.head)) if h is not None]
        # where its subject was: "a Russian airstrike on a market in Kharkiv killed 15 people"
        # (or of what it counts: "thousands of workers in Haiti went on strike")
        subjects = [c for c in kids(trigger) if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        holders += subjects + [m for s in subjects for m in measured_nouns(s)]
        # a nominal gerund split off its own phrase: "killed in Israeli tank [shelling] in the east of Gaza"
        holders += [c for c in kids(trigger) if c.dep_ == "advcl" and c.tag_ == "VBG" and
                    c.doc[c.i - 1].dep_ == "pobj" and c.doc[c.i - 1].head.head.i == trigger.i]
        obj = direct_object(trigger)
        if obj is not None:
            # ... and where the object was doing or undergoing something: "dispersed supporters protesting in Conakry"
            # (or of what it counts: "arrested dozens of protesters demonstrating in Cairo")
            things = [obj, *measured_nouns(obj)]
            holders += things + [c for t in things for c in kids(t) if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")]
    # ... and where an adverb puts it: "torched a village elsewhere in Cameroon's Far North Region"
    holders += [c for h in holders for c in kids(h) if c.dep_ == "advmod" and c.lower_ in PLACE_ADVERBS]
    found: list[Token] = []
    if kind == "verb" and trigger.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in kids(trigger)):
        # "a curfew in parts of the province, where military forces are battling militants": the place it describes
        found += [trigger.head, *preposition_objects(trigger.head, "of"),
                  *(c for c in kids(trigger.head) if c.dep_ == "poss")]
    for holder in holders:
        for c in kids(holder):
            if c.dep_ == "prep" and c.lower_ in preps:
                for obj in kids(c):
                    if obj.dep_ == "pobj":
                        found.append(obj)
                        # "in the east of the Gaza Strip", "at a jail in Dili": one preposition further
                        # ... or on what it was on: "killed in a Russian missile strike on Odesa"
                        found.extend(o for p in ("of", "on", *preps) for o in preposition_objects(obj, p))
                        found.extend(c for c in kids(obj) if c.dep_ == "poss")  # "in Yemen's Saada province"
            elif c.dep_ == "prep" and c.lower_ in FROM_NEAR and within is None:
                # "abducted students FROM a school IN northwestern Nigeria": only the place inside (the object of
                # "from" itself is where people came from, not where the event happened; "on" is mostly a day, and
                # without a determiner a state: "remained on alert in Manila")
                found.extend(o for obj in kids(c) if obj.dep_ == "pobj" and (c.lower_ != "on" or any(
                    d.dep_ in ("det", "nummod", "poss") for d in kids(obj))) for p in preps
                             for o in preposition_objects(obj, p))
    return found


PLACE_ADVERBS = {"elsewhere", "there", "here", "nearby", "further", "farther", "deep", "inside", "mainly", "mostly",
                 "also", "especially", "particularly"}
FROM_NEAR = ("from", "near", "outside", "off", "on")  # "killed 29 children on a school bus in Yemen's Saada province"

