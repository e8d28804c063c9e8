"""Coding rules on top of patterns: negation, hedges, unasserted claims, modality, reported speech.

All word lists and code mappings come from the codebook's `rules.yaml`; this module only knows the
dependency shapes they apply to.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from coder.codebook.schema import ModalityRule, Rules
from coder.events.roles import COMMITTED, ORDINALS
from coder.match.syntax import (GUILTY, child, circumstance, culpable_for, first_conjunct, kids, object_governor,
                                scene_clause, to_infinitive)
from coder.match.verbs import NAMING_VERBS

FAILURE = {"fail", "neglect", "end", "cease", "stop", "halt"}  # "the siege failed/ended": it happened
CLAUSE_DEPS = {"ccomp", "xcomp", "pcomp", "pobj", "prep", "advcl", "dobj", "acl", "relcl"}
ASPECTUAL = {"continue", "begin", "start", "resume", "keep", "go", "manage", "proceed", "move", "step",
             "try", "attempt", "be", "have", "come", "get", "help", "use", "seem", "appear", "decide",
             "vote"}  # "the Security Council voted to lift sanctions": the vote is the decision
SAY_LEMMAS = {"say", "tell", "report", "state", "announce", "add", "declare", "confirm", "note", "write",
              "quote", "insist", "stress", "emphasize", "emphasise", "reiterate", "explain", "claim", "assert"}


@dataclass(frozen=True)
class Modality:
    kind: str  # intent | threat | refusal
    controller: Token
    rule: ModalityRule


class RuleBook:
    """The rules of one codebook, as sets for fast membership tests."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.negation = set(rules.negation_words)
        self.hedge_modals = set(rules.hedge_modals)
        self.hedge_verbs = {w.split()[0] for w in rules.hedge_verbs}
        self.hedge_words = set(rules.hedge_words)
        self.hopes = set(rules.hopes)
        self.conditionals = set(rules.conditionals)
        self.unasserted = set(rules.unasserted_verbs) | {w.split()[0] for w in rules.denial_verbs}
        self.observers = frozenset(rules.observer_verbs)
        self.factive = frozenset(rules.factive_verbs)
        self.answers = frozenset(rules.answer_verbs)
        self.onlookers = self.observers | self.answers  # never the source of the nominal event they take
        self.answered = tuple(rules.answered_codes)
        self.reason_verbs = set(rules.reason_verbs)
        self.obligation_words = set(rules.obligation.auxiliaries)
        self.obligation_verbs = set(rules.obligation.verbs)
        self.demand_nouns = set(rules.obligation.nouns)
        self.attempt_verbs = set(rules.attempt.verbs)
        self.modal_verbs: dict[str, tuple[str, ModalityRule]] = {}
        self.modal_adjectives: dict[str, tuple[str, ModalityRule]] = {}
        self.modal_nouns: dict[str, tuple[str, ModalityRule]] = {}
        for kind, rule in (("refusal", rules.refusal), ("threat", rules.threat), ("intent", rules.offer),
                           ("intent", rules.intent)):
            for noun in rule.nouns:
                self.modal_nouns.setdefault(noun, (kind, rule))
            for verb in rule.verbs:
                words = verb.split()
                if words[0] == "be" and len(words) > 1:
                    self.modal_adjectives.setdefault(words[-1], (kind, rule))
                else:
                    self.modal_verbs.setdefault(words[0], (kind, rule))
        self.intent_aux = set(rules.intent.auxiliaries)
        self.refusal_aux = set(rules.refusal.auxiliaries)
        self.claim_verbs = set(rules.claim_verbs)
        self.purpose_acts = set(rules.purpose_acts)
        self.consider_verbs = set(rules.consider.verbs)
        self.consider_nouns = set(rules.consider.nouns)

    # -- coordination ------------------------------------------------------------------------
    @staticmethod
    def coordination_head(token: Token) -> Token:
        """The first of coordinated verbs that share a subject: "threatened to attack Ukraine and seize
        Crimea", "denied that it attacked Iraq and seized Basra" -- the later verb has the same governors."""
        node = token
        for _ in range(4):
            if node.dep_ != "conj" or node.head.pos_ not in ("VERB", "AUX") or child(node, "nsubj", "nsubjpass") is not None:
                break
            node = node.head
        return node

    def negated_with(self, token: Token, head: Token) -> bool:
        """Negated itself, or coordinated with a negated verb ("did not attack Ukraine and seize Crimea"),
        unless the coordination is a contrast ("did not attack Ukraine but seized Crimea")."""
        if self.negated(token) or (token.dep_ == "acomp" and self.negated(token.head)):
            return True  # "Israel is not opposed to ...": the negation sits on the copula
        return head.i != token.i and self.negated(head) and not any(
            c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in kids(head))

    # -- vetoes ------------------------------------------------------------------------------
    def negated(self, token: Token) -> bool:
        for c in kids(token):
            if c.dep_ == "neg" or (c.lower_ in self.negation and c.dep_ in ("det", "advmod", "neg", "preconj", "cc")):
                if c.lower_ == "nor" and c.dep_ == "cc":
                    continue
                return True
        return False

    def refused(self, token: Token) -> Modality | None:
        """A negated future ("will not attend", "would not provide") is a refusal, not a non-event."""
        if self.refusal_aux and any(c.dep_ == "aux" and c.lower_ in self.refusal_aux for c in kids(token)):
            return Modality("refusal", token, self.rules.refusal)
        return None

    def hedged(self, token: Token, besides: frozenset[str] | set[str] = frozenset()) -> bool:
        """A modal, conditional, hedging adverb or weighing verb makes the act hypothetical (`besides`: modals not
        counted)."""
        for c in kids(token):
            if c.dep_ == "aux" and c.lower_ in self.hedge_modals and c.lower_ not in besides:
                return True
            if c.dep_ == "mark" and c.lower_ in self.conditionals:
                return True
            if c.dep_ in ("advmod", "amod") and c.lower_ in self.hedge_words:
                return True  # "Russia allegedly attacked Ukraine", "the alleged airstrike": an allegation, not an act
        if token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in self.hedge_verbs:
            return True
        if token.dep_ in ("ccomp", "acl") and token.head.lemma_.lower() in self.hopes and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in kids(token)):
            return True  # "voiced hope that Greece will help Turkey"
        return False

    def considered(self, token: Token) -> Modality | None:
        """"Japan is considering sending aid": an option weighed (rules.yaml `consider`, 014) -- a gerund under a
        weighing verb that is itself neither negated nor hedged."""
        verb = token.head
        if self.weighed_option(token):
            verb = verb.head.head  # "is considering the possibility of sending troops to Iraq"
        elif token.dep_ not in ("xcomp", "ccomp") or token.tag_ != "VBG":
            return None
        if verb.lemma_.lower() not in self.consider_verbs or self.negated(verb) or self.hedged(verb):
            return None
        return Modality("consider", verb, self.rules.consider)

    def weighed_option(self, token: Token) -> bool:
        """A gerund in the of-phrase of an option noun (rules.yaml `consider: nouns`) that a weighing verb takes
        as its object: "exploring the possibility of sending aid"."""
        prep = token.head
        return token.dep_ == "pcomp" and token.tag_ == "VBG" and prep.lower_ == "of" and \
            prep.head.dep_ == "dobj" and prep.head.lemma_.lower() in self.consider_nouns and \
            prep.head.head.lemma_.lower() in self.consider_verbs

    def unasserted_by(self, token: Token) -> Token | None:
        """A governing verb (accuse, deny, allege...) under which this action is only claimed."""
        node = token
        for step in range(8):
            subject_of_noun = step == 0 and token.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nsubj", "nsubjpass")
            if (node.dep_ not in CLAUSE_DEPS and not subject_of_noun) or node.head.i == node.i:
                return None
            if node.dep_ in ("pcomp", "pobj") and node.head.lower_ == "for" and \
                    node.head.head.lemma_.lower() in self.reason_verbs:
                return node.head.head  # "jailed X for helping Y": the charge, not an act
            verdict = _verdict(node)
            if verdict is not None:
                return verdict  # "found a Hezbollah member guilty of killing Hariri": the charge too
            if circumstance(node) or scene_clause(node):
                return None  # "during talks with Putin, Erdogan called for ...": the talks happened
            if node.dep_ == "advcl" and node.lemma_.lower() in REMARKS and node.tag_ == "VBG" and \
                    node.i > node.head.i and node.doc[node.i - 1].lower_ == "," and child(node, "nsubj") is None \
                    and not any(c.dep_ == "dobj" and c.lower_ in THINGS for c in kids(node)):
                # "blamed Syria for the attack, calling Assad a murderer": the subject's own words (but "rejected
                # the decision, calling it dangerous" speaks of what it rejects)
                return None
            node = node.head
            if node.pos_ in ("VERB", "NOUN") and node.lemma_.lower() in self.unasserted or (
                    node.pos_ == "NOUN" and node.lemma_.lower() in self.claim_verbs):
                if step == 0 and node.lemma_.lower() in FAILURE and token.pos_ in ("NOUN", "PROPN"):
                    return None  # "the siege failed": the siege happened
                return node
        return None

    def claimed_by(self, token: Token) -> Token | None:
        """The claim verb ("X claimed that ...") this action is reported under, if any."""
        if not self.claim_verbs:
            return None
        node = token
        for _ in range(4):  # not through "conj": "claimed responsibility and apologised" are two acts
            if node.dep_ not in ("ccomp", "xcomp") or node.head.i == node.i:
                return None
            node = node.head
            if node.lemma_.lower() in self.claim_verbs:
                return node
        return None

    # -- modality ----------------------------------------------------------------------------
    def modality(self, token: Token) -> Modality | None | bool:
        """Intent/threat/refusal governing the trigger; False when the governor vetoes coding."""
        found: Modality | None = None
        node = token
        for _ in range(6):
            if any(c.dep_ == "aux" and c.lower_ in self.intent_aux for c in kids(node)) and found is None:
                found = Modality("intent", node, self.rules.intent)
                warner = self.modal_verbs.get(node.head.lemma_.lower()) if node.dep_ == "ccomp" else None
                if warner is not None and warner[0] == "threat" and not self.negated(node):
                    return Modality("threat", node.head, warner[1])  # "Iran warned it would retaliate"
            if node.dep_ in ("acl", "relcl") and to_infinitive(node) and node.head.dep_ == "ROOT" and \
                    node.head.pos_ in ("NOUN", "PROPN") and not self.owns_infinitive(node.head):
                # a headline with no finite verb: "Chinese foreign minister to visit Russia" announces a visit
                return found or Modality("intent", node, self.rules.intent)
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in OBJECT_CONTROL and child(node, "nsubj") is not None \
                    and node.tag_ == "VB" and not any(c.dep_ == "aux" for c in kids(node)):
                return False  # "allowed Iran (to) send aid": permission, not the act (but "told reporters that
                # Hamas attacked Israel" reports it)
            if node.dep_ == "acl" and node.head.pos_ == "NOUN" and to_infinitive(node):
                # "a plan to attack" (intent), "the refusal to accept" (refusal); under any other noun a
                # to-infinitive is a goal ("efforts to retake the city") -- but "the first leader to visit"
                # reports an act
                noun = node.head.lemma_.lower()
                owner_verb = object_governor(node.head)
                if self.negated(node.head) or (owner_verb is not None and (
                        self.negated(owner_verb) or self.hedged(owner_verb) or
                        owner_verb.lemma_.lower() in self.unasserted)):
                    return False  # "has no plans to attack", "denied a plan to attack"
                if noun in self.modal_nouns:
                    kind, rule = self.modal_nouns[noun]
                    return Modality(kind, node.head, rule) if found is None or kind != "intent" else found
                if noun in FACT_NOUNS or any(c.lower_ in ORDINALS for c in kids(node.head)):
                    return found
                return False
            if node.dep_ == "xcomp" and node.i == token.i and node.lemma_.lower() in self.purpose_acts and \
                    to_infinitive(node) and child(node.head, "dobj") is not None:
                return found  # "fired tear gas to break up a protest", parsed as an open complement
            # "rebels have sworn to fight", parsed as a purpose clause of a verb of intending with no object
            misparsed = node.dep_ == "advcl" and to_infinitive(node) and \
                node.head.lemma_.lower() in self.modal_verbs and child(node.head, "dobj") is None
            if node.dep_ == "advcl" and to_infinitive(node) and not misparsed:
                if node.lemma_.lower() in self.purpose_acts and node.i == token.i:
                    return found  # "fired tear gas to disperse protesters": the dispersal is what was done
                return False  # "... in order to ensure access": a purpose, not an act
            if node.dep_ == "pcomp" and node.head.lower_ == "to" and node.tag_ == "VBG" and \
                    _looks_ahead(node.head.head):
                committed = node.head.head
                if any(self.negated(t) or self.hedged(t) for t in (committed, committed.head)
                       if t is committed or committed.dep_ == "acomp"):
                    return False  # "is not committed to sending" (also the negation on the copula)
                # "looked forward to meeting", "(is) committed to sending": an intention, not the act
                return found or Modality("intent", node.head.head, self.rules.intent)
            if node.dep_ == "pcomp" and node.head.lower_ in ("against", "without"):
                return False  # "warned against scrapping the deal", "voted against imposing sanctions"
            if node.dep_ in ("ccomp", "xcomp") and node.tag_ == "VB" and not to_infinitive(node) and \
                    node.head.lemma_.lower() == "help":
                # "helped the army fight IS" reports the fight; "did not help", "offered to help" and "sent troops
                # to help the army fight IS" do not (an offer or goal of the helper's is no intention of the army's)
                helper = node.head
                if self.negated(helper) or self.hedged(helper):
                    return False
                return found if self.modality(helper) is None else False
            if node.head.i == node.i or not (_infinitival(node) or misparsed):
                break
            head = node.head
            lem = head.lemma_.lower()
            own_subject = child(node, "nsubj") is not None
            if own_subject or (lem in OBJECT_CONTROL and child(head, "dobj") is not None):
                return False  # "wants Putin to attack", "urged Iran to talk": the wish is coded, not the act
            if self.negated(head) or self.hedged(head) or (head.dep_ == "acomp" and (
                    self.negated(head.head) or self.hedged(head.head))):
                return False  # (also on the copula: "Iran is not ready to meet the US", "may be willing to")
            # "is ready to" (an adjective of `be ready`), "Merkel is to hold talks with Putin" (`be to`)
            predicate = lem if head.pos_ == "ADJ" else "to" if lem == "be" and node.dep_ == "xcomp" else None
            if predicate in self.modal_adjectives:
                kind, rule = self.modal_adjectives[predicate]
                found = Modality(kind, head, rule) if found is None or kind != "intent" else found
            elif lem in self.modal_verbs:
                kind, rule = self.modal_verbs[lem]
                if found is None or kind in ("threat", "refusal"):
                    found = Modality(kind, head, rule)
            elif lem not in ASPECTUAL:
                return False  # "urged X to attack", "tried to": the action did not happen
            node = head
        return found

    def owns_infinitive(self, noun: Token) -> bool:
        """A noun whose to-infinitive is its owner's act or intention ("Russia's plan to", "a decision to")."""
        lemma = noun.lemma_.lower()
        return lemma in self.modal_nouns or lemma in FACT_NOUNS

    def attempted(self, token: Token) -> bool:
        """"tried to assassinate": the act was attempted (the `attempt` map may give it its own code)."""
        return token.dep_ == "xcomp" and token.head.lemma_.lower() in self.attempt_verbs

    def witnessed(self, noun: Token, code: str) -> bool:
        """An event noun whose verb takes it as having happened: "condemned Israel's attack on Gaza", "welcomed
        the agreement between Israel and the UAE" (rules.yaml `observers: factive`); an accusation is made
        whatever answers it ("rejected accusations by Netanyahu that Tehran ...")."""
        verb = object_governor(noun)
        if verb is None or noun.dep_ != "dobj" and first_conjunct(noun).dep_ != "dobj":
            return False
        return verb.lemma_.lower() in self.factive or self.answered_by(noun, code) is not None

    def answered_by(self, noun: Token, code: str) -> Token | None:
        """The verb that answers an accusation noun ("rejected accusations by the US"), or None (rules.yaml
        `observers: answers` / `answered`)."""
        verb = object_governor(noun)
        if verb is None or not code.startswith(self.answered) or verb.lemma_.lower() not in self.answers or (
                noun.dep_ != "dobj" and first_conjunct(noun).dep_ != "dobj"):
            return None
        return verb

    def noun_modality(self, noun: Token, witnessed: bool = False) -> Modality | None | bool:
        """What the verb a nominal event is the object of does to it.

        False when that verb is negated, hedged or only reports it ("did not hold talks", "denied the
        attack", "postponed the visit"); a Modality when the verb or its own governors make it an
        intention, threat or refusal ("threatened sanctions", "rejected talks", "agreed to a ceasefire",
        "wants to hold talks"); None when the act is simply reported (also when `witnessed`: taken as done).
        """
        verb = object_governor(noun)
        if verb is not None and witnessed:
            return None if not (self.negated(verb) or self.hedged(verb)) else False
        if verb is None and (subject := first_conjunct(noun)).dep_ in ("nsubj", "nsubjpass") and \
                self.hedged(subject.head):
            return False  # "too early to say whether talks would resume", "clashes could erupt": not reported
        if verb is None or circumstance(noun):
            return None  # "during talks with Putin, Erdogan called for ...": the talks took place
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and not culpable_for(noun):
            return False  # "pushed for / called for / prepared for a ceasefire": a goal, not an act
        lem = verb.lemma_.lower()
        if self.negated(verb) and noun.dep_ == "dobj":
            return self.refused(verb) or False  # "will not hold talks": a refusal; "did not": nothing
        if self.negated(verb) or self.hedged(verb) or lem in self.unasserted or lem in self.hedge_verbs:
            return False  # "did not hold talks", "denied the attack", "is considering sanctions"
        found = self.modality(verb)
        if found is False:
            return False
        if lem in self.modal_verbs and (noun.dep_ == "dobj" or noun.head.lower_ == "to"):
            kind, rule = self.modal_verbs[lem]
            if found is None or kind in ("threat", "refusal"):
                found = Modality(kind, verb, rule)
        return found

    def obligation(self, token: Token) -> Token | None:
        """The speech verb of "X said (that) Y must ACT" or "... Y needs to ACT" -- X's demand on Y (CAMEO 10) --
        else None.

        Without a speaker, or under a conditional, "must" stays a hedge; "needs to" also when negated, hedged or
        with "would", or when the speech verb does not govern it directly.
        """
        holder = self.obligation_holder(token)
        if holder is None:
            return None
        governed = holder is not token
        if governed and (self.negated(holder) or self.hedged(holder) or any(
                c.dep_ == "aux" and c.lower_ == "would" for c in kids(holder))):
            return None  # "does not need to withdraw", "may have to withdraw", "would need to remain strong"
        if any(c.dep_ == "mark" and c.lower_ in self.conditionals for c in kids(holder)):
            return None
        say = self.speaker_verb(holder)
        if governed and say is not None and not (
                say == holder.head or holder.dep_ == "conj" and say == holder.head.head):
            return None  # said of Y ("said Washington needs to"), not "said Qatar knows what it needs to do"
        return say

    def obligation_holder(self, token: Token) -> Token | None:
        """The verb that carries an act's obligation, whose subject is obliged: the act itself under "must",
        or its obliging verb ("needs" of "Washington needs to take the first step"); None when neither."""
        governor = self.obliging_verb(token)
        if governor is not None:
            return governor
        return token if any(c.dep_ == "aux" and c.lower_ in self.obligation_words for c in kids(token)) else None

    def obliging_verb(self, token: Token) -> Token | None:
        """"needs" of "Y needs to ACT" (rules.yaml `obligation: verbs`): a verb that obliges its subject to the
        to-infinitive it governs, as "must" does."""
        if token.dep_ == "xcomp" and to_infinitive(token) and token.head.lemma_.lower() in self.obligation_verbs \
                and token.head.pos_ in ("VERB", "AUX") and child(token.head, "dobj") is None:
            return token.head
        return None

    def demanded_in(self, token: Token) -> Token | None:
        """The demand noun whose that-clause this act is ("its demand that Israel ease restrictions": what Y is
        asked to do, rules.yaml `obligation: nouns`), when the clause names who must act."""
        if child(token, "nsubj") is None or to_infinitive(token):
            return None
        if token.dep_ == "acl" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in self.demand_nouns:
            return token.head
        if token.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(token)):
            # "reiterated its demand today that Israel ease ...": the clause hangs on the verb past an adverb
            noun = child(token.head, "dobj")
            if noun is not None and noun.i < token.i and noun.lemma_.lower() in self.demand_nouns:
                return noun
        return None

    # -- reported speech ---------------------------------------------------------------------
    def speaker_verb(self, token: Token) -> Token | None:
        node = token
        for _ in range(6):
            if node.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or node.head.i == node.i:
                return None
            node = node.head
            if node.lemma_.lower() in SAY_LEMMAS:
                return node
        return None


def _looks_ahead(verb: Token) -> bool:
    """"look forward to", "commit (oneself) to", "be committed / dedicated to" + gerund: a stated intention."""
    lemma = verb.lemma_.lower()
    return (lemma == "look" and any(c.lower_ == "forward" for c in kids(verb))) or lemma in COMMITTED


def _verdict(node: Token) -> Token | None:
    """The verb whose complement finds someone guilty of this act ("found X guilty of killing"), not the copula
    of "X is guilty of violating the ceasefire" (which says X did it)."""
    if node.dep_ != "pcomp" or node.head.lower_ != "of" or node.head.head.lemma_.lower() not in GUILTY:
        return None
    adjective = node.head.head
    if adjective.dep_ in ("ccomp", "xcomp", "oprd") and adjective.head.lemma_.lower() != "be":
        return adjective.head
    return None


# what a subject says while it accuses, denies or rejects: a trailing ", calling Assad a murderer" is its own act
REMARKS = NAMING_VERBS | {"say", "describe", "add", "warn", "insist", "tell"}
THINGS = {"it", "this", "that"}
FACT_NOUNS = {"decision", "move", "step", "vote", "ruling"}  # "Trump's decision to recognize Jerusalem": done
OBJECT_CONTROL = {"urge", "ask", "call", "request", "invite", "order", "force", "press", "push", "persuade", "let",
                  "encourage", "allow", "permit", "tell", "warn", "pressure", "want", "expect", "need", "require",
                  "demand", "appeal", "instruct", "advise", "beg", "challenge", "prompt", "authorize", "authorise"}


def _infinitival(node: Token) -> bool:
    """An open complement, or a clausal complement with infinitival 'to' ("wants Putin to attack")."""
    if node.dep_ == "xcomp":
        return True
    return node.dep_ == "ccomp" and to_infinitive(node)
