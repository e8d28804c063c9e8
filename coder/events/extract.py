"""From one parsed story to events: triggers, vetoes, modality, roles, pairs.

For every sentence, each token whose lemma has patterns is matched; a trigger that is negated,
hedged or only claimed (accused of, denied) gives nothing. Modality verbs map the action code
(agree to meet -> 036, threaten to attack -> 138, refuse to meet -> 125). Source and target phrases
resolve to actors; compound actors give one event per pair, reciprocal codes both directions.
A `Trace` keeps what was considered, for `coder explain`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from coder.codebook.schema import Codebook, VerbPattern
from coder.events.record import Event
from coder.events.roles import effective_subject, noun_source, place_heads, slot_tokens, states_matter
from coder.events.rules import Modality, RuleBook
from coder.events.topics import topic_code
from coder.match.actors import ActorIndex
from coder.match.lemmas import LemmaRepair
from coder.match.phrases import ABROAD, MISSIONS, PhraseResolver, ResolvedActor, StoryMemory
from coder.match.syntax import (ATTRIBUTIONS, child, circumstance, complements, direct_object, first_conjunct,
                                holders, hyphen_prefix, is_fronted_participle, is_passive, kids, misparsed_visiting,
                                nested_preposition_objects, nominal_gerund, object_governor, preposition_objects,
                                PLACE_NOUNS, shared_object, to_infinitive)
from coder.match.verbs import Trigger, VerbIndex


@dataclass
class Considered:
    """One trigger the coder looked at, and what became of it (for explain)."""

    sentence_no: int
    trigger: str
    pattern_id: str
    outcome: str


@dataclass
class Trace:
    actors: list[tuple[int, ResolvedActor]] = field(default_factory=list)
    considered: list[Considered] = field(default_factory=list)
    # dictionary mentions no event pattern ever resolved: (sentence_no, text, why), so explain shows that
    # "Russia" was known even when no verb pattern fitted
    unused: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What became of a trigger; `veto` when a rule (negation, hedge, claim...) stopped it."""

    text: str
    veto: bool = False


@dataclass
class _Draft:
    source: ResolvedActor
    target: ResolvedActor
    code: str
    trigger: Trigger
    modality: str
    speaker: str


class StoryCoder:
    """Codes the sentences of one Doc (= one story) with a compiled codebook."""

    def __init__(self, book: Codebook, actors: ActorIndex, verbs: VerbIndex, rules: RuleBook,
                 unknown_country: str, irregular: dict[str, str] | None = None) -> None:
        self.book = book
        self.actors = actors
        self.verbs = verbs
        self.rules = rules
        self.lemmas = LemmaRepair(
            {lemma for p in book.patterns if p.trigger_kind == "verb" for lemma in p.lemmas}
            | set(rules.modal_verbs) | rules.hedge_verbs | rules.hopes | rules.unasserted | rules.observers
            | rules.reason_verbs | rules.obligation_words | rules.obligation_verbs | rules.attempt_verbs
            | rules.claim_verbs
            | rules.consider_verbs | rules.purpose_acts, irregular)
        self.unknown = unknown_country
        self.mutual_roots = set(book.rules.mutual_roots)
        self.third_party_codes = tuple(book.rules.third_party_codes)
        self.sole_country_roots = tuple(book.rules.sole_country_roots)
        self.sole_country_not_sources = tuple(book.rules.sole_country_not_sources)
        self.place_roots = tuple(book.rules.place_roots)
        self.place_preps = frozenset(book.rules.place_preps)
        self.object_place_codes = tuple(book.rules.place_object_codes)
        self.place_source_roots = tuple(book.rules.place_source_roots)
        self.placed_target_roots = tuple(book.rules.place_target_roots)
        self.home_codes = tuple(book.rules.home_codes)
        self.domestic_codes = tuple(book.rules.domestic_codes)
        self.bare_state_roots = tuple(book.rules.bare_state_roots)
        self.own_country_roots = tuple(book.rules.own_country_roots)
        self.participle_act_roots = tuple(book.rules.participle_act_roots)
        bare = book.rules.obligation.mapping.get("0")
        self.bare_demand = VerbPattern("rules.obligation", bare, "verb", frozenset(), origin="rules.yaml obligation") \
            if bare else None
        self.state_roles = frozenset(book.rules.state_roles)
        self.institution_roles = frozenset(book.rules.institution_roles)
        self.institution_roots = tuple(book.rules.institution_roots)
        self.third_place = dict(book.rules.third_place.mapping)  # meeting code -> meeting at a third location
        self.place_authority_roots = tuple(book.rules.place_authority_roots)
        self.authority_home_roots = tuple(book.rules.authority_home_roots)
        self.authority_home_roles = frozenset(book.rules.authority_home_roles)
        self.stand_ins = frozenset(book.rules.stand_ins)
        self.crowds = frozenset(book.rules.crowds)
        self.crowd_role = book.rules.crowd_role
        self.crowd_roots = tuple(book.rules.crowd_roots)
        self.documents = frozenset(book.rules.documents)
        self.document_roots = tuple(book.rules.document_roots)
        # nouns of threats, sanctions, coercion and violence ("attack", "sanctions", "crackdown"): an observer's
        # target is their author
        self.violent_nouns = frozenset(lemma for p in book.patterns if p.trigger_kind == "noun" and
                                       p.code[:2] in ("13", "16", "17") + tuple(VIOLENT_ROOTS) for lemma in p.lemmas)
        self.quantities = frozenset(book.rules.people_quantities)
        self.appeal_verbs = frozenset(book.rules.appeal.verbs)
        self.purpose_roots = tuple(book.rules.purpose_roots)
        self.beneficiary_roots = tuple(book.rules.beneficiary_roots)
        self.owner_roots = tuple(book.rules.owner_roots)
        self.beneficiary_verbs = frozenset(book.rules.beneficiary_verbs)
        visit_codes = book.rules.visit_codes  # [visit, host]
        self.visit, self.host = (visit_codes + ["", ""])[:2]
        self.non_visitors = frozenset(book.rules.non_visitor_roles)
        self.press_roots = tuple(book.rules.press_roots)
        self.press_roles = frozenset(book.rules.press_roles)
        self.purpose_aims = tuple(book.rules.purpose_aims)
        self.purpose_digits = dict(book.rules.purpose_digits)
        self.topics = book.rules.topics  # generic code -> [(sub-code, topic words)]
        self.recast = book.rules.recast  # code -> [(code of another family, words)]
        self.weapons = [(rule, frozenset(rule.nouns)) for rule in (
            book.rules.suicide, book.rules.vehicle_bomb, book.rules.roadside_bomb, book.rules.remote, book.rules.aerial,
            book.rules.artillery) if rule.nouns]
        self.weapon_roots = tuple({key[:2] for rule, _ in self.weapons for key in rule.mapping})
        self.weapon_nouns = frozenset().union(*(nouns for _, nouns in self.weapons))
        # a bare demand or rejection (the code its map gives any action, key "0") takes its sub-code from
        # the act demanded or rejected
        # a demand, rejection or appeal takes its sub-code from the act inside it, by the rule whose bare code
        # ("0" key) is in its root: "appealed to the UN to end its embargo" (020 -> 0254)
        self.refinable = {rule.mapping["0"][:2]: rule for rule in (book.rules.obligation, book.rules.refusal,
                                                                   book.rules.appeal) if "0" in rule.mapping}

    def code(self, doc: Doc, day: dt.date | None, story_id: str, trace: Trace | None = None,
             vetoes: frozenset[int] = frozenset()) -> list[Event]:
        """Events of one story; `vetoes` are token positions of discard phrases (their sentences are skipped)."""
        kids.cache_clear()  # children of this Doc's tokens are cached while it is coded
        self.lemmas(doc)  # "hopes" -> hope, not the model's "hop"
        memory = StoryMemory()
        mentions = self.actors.find_mentions(doc, day)
        resolver = PhraseResolver(self.actors, doc, mentions, day, memory, self.book.rules, self.unknown)
        date_text = day.isoformat() if day else ""
        events: list[Event] = []
        candidates = self.verbs.candidate_indexes(doc)
        for sent_no, sent in enumerate(doc.sents, start=1):
            if any(sent.start <= i < sent.end for i in vetoes):
                if trace is not None:
                    trace.considered.append(Considered(sent_no, "", "", "sentence discarded"))
                continue
            drafts = self._sentence(sent, sent_no, resolver, memory, trace, candidates)
            seen: set[tuple[str, str, str]] = set()
            for draft in drafts:
                key = (draft.source.code, draft.target.code, draft.code)
                if key in seen:
                    continue
                seen.add(key)
                events.append(self._event(draft, story_id, sent_no, date_text, sent, len(seen) - 1))
                memory.note_pair(draft.source, draft.target)
        return events

    # -- one sentence ------------------------------------------------------------------------
    def _sentence(self, sent: Span, sent_no: int, resolver: PhraseResolver, memory: StoryMemory,
                  trace: Trace | None, candidates: set[int]) -> list[_Draft]:
        drafts: list[_Draft] = []
        triggers: list[tuple[Trigger, Iterator[Trigger]]] = []
        doc = sent.doc
        indexes = sorted(c for c in candidates if sent.start <= c < sent.end)
        words = {t.lower_ for t in sent} if indexes else set()
        for i in indexes:
            if i in resolver.at and resolver.at[i].kind == "actor":
                continue
            token = doc[i]
            fitting = self.verbs.matches(token, words)  # lazily: the next patterns are only tried if needed
            first = next(fitting, None)
            if first is None:
                if trace is not None and self.verbs.has_patterns(token):
                    trace.considered.append(Considered(sent_no, token.text, "", "lemma has patterns; none fits"))
                continue
            triggers.append((first, fitting))
        coded: set[int] = set()
        event_sources: set[int] = set()  # event nouns that stood for a coded verb's source ("Israeli airstrikes killed")
        settled: set[int] = set()  # verbs coded, or vetoed (negated, hedged, claimed...): their nouns too
        purposes: set[int] = set()  # purpose clauses folded into a protest ("rallied, demanding that X resign")
        for trigger, others in sorted(triggers, key=lambda t: t[0].pattern.trigger_kind != "verb"):  # verbs first
            token = trigger.token
            if trigger.pattern.trigger_kind == "noun" and _governing_verb(token) in settled and not (
                    token.dep_ == "nsubj" and token.head.i in coded and token.i not in event_sources) and \
                    not self.rules.witnessed(token, trigger.pattern.code):
                # an event noun that is the subject of a coded verb is its own event ("Modi's visit to Washington
                # strengthened ties") unless it stood for the verb's source ("Israeli airstrikes killed 20")
                outcome, made = Outcome("noun is an argument of a coded or vetoed verb: the verb decides"), []
            else:
                for candidate in chain([trigger], islice(others, 3)):  # the most specific that finds its actors
                    outcome, made = self._code_trigger(candidate, resolver, memory, event_sources, purposes)
                    trigger = candidate
                    if made or outcome.veto:
                        break
            if made:
                coded.add(token.i)
            if made or outcome.veto:
                settled.add(token.i)
                if trigger.pattern.trigger_kind == "noun" and token.dep_ in ("dobj", "attr"):
                    # "launched airstrikes on Gaza in retaliation for the Hamas attack": the light verb is coded
                    # through its object, and decides its other arguments as a coded verb does
                    if (verb := _governing_verb(token)) >= 0:
                        settled.add(verb)
            drafts.extend(made)
            if trace is not None:
                trace.considered.append(Considered(sent_no, token.text, trigger.pattern.id, outcome.text))
        if words & self.rules.obligation_words or any(
                t.dep_ == "xcomp" and t.head.lemma_.lower() in self.rules.obligation_verbs for t in sent):
            # "X said Y must ..." or "Y needs to ..." (no candidate at all: no speech verb)
            drafts.extend(self._bare_demands(sent, resolver, settled, drafts))
        # "agreed to meet": when the complement is coded (036), the governing verb's own generic
        # pattern ("agree to <anything>" 030) adds nothing
        drafts = [d for d in drafts if not any(c.i in coded and c.i != d.trigger.token.i
                                               for c in _complement_chain(d.trigger.token, d.code[:2] == "03"))]
        # "threatened to launch an offensive unless Baghdad ...": the threat verb's bare 130 adds nothing to the
        # offensive's 138 between the same two parties
        specific = {(d.source.code, d.target.code, d.code[:2]) for d in drafts if d.code[2:3] not in ("", "0")}
        drafts = [d for d in drafts if not (d.code[:2] == "13" and d.code[2:] == "0" and
                                            (d.source.code, d.target.code, "13") in specific)]
        # "Insurgents shelled Aleppo, killing eight people": the killing is the shelling's toll, one event
        violent: dict[int, list[_Draft]] = {}
        for d in drafts:
            if d.code[:2] in VIOLENT_ROOTS or d.code[:3] in REPRESSION:
                violent.setdefault(d.trigger.token.i, []).append(d)
        tolls = [d for d in drafts if _consequence_of(d, violent)]
        for toll in tolls:  # "blew himself up at a checkpoint in Baghdad, killing 10 Iraqi soldiers": IRQMIL
            for act in violent.get(_toll_of(toll.trigger.token), []):
                if act.target.is_place and toll.target.role and act.target.entity == toll.target.entity:
                    act.target = toll.target
        drafts = [d for d in drafts if d not in tolls and d.trigger.token.i not in purposes]
        # "carried out air strikes in western Mosul, killing dozens of IS fighters": a toll that names whom the act
        # hit (of another country than its place) says whom the strikes were on; the place-only event goes
        hit = {(i, d.source.code) for d in drafts if d.code[:2] in VIOLENT_ROOTS and d.target.entity and
               not d.target.is_place and (i := _toll_of(d.trigger.token)) >= 0}
        if hit:
            drafts = [d for d in drafts if not (d.target.is_place and d.code[:2] in VIOLENT_ROOTS and any(
                (i, d.source.code) in hit for i in _act_indexes(d.trigger.token)))]
        # "riot police beat protesters and fired rubber bullets in Minsk": in a protest or coercion the place
        # stands for the people of that country already named as a target of the same act
        named = {(d.source.code, d.code, d.target.entity) for d in drafts if not d.target.is_place}
        drafts = [d for d in drafts if not (d.code[:2] in CROWD_ROOTS and d.target.is_place and
                                            (d.source.code, d.code, d.target.entity) in named)]
        if any(not a.entity and a.role for d in drafts for a in (d.source, d.target)):
            drafts = self._of_sole_country(drafts, resolver.sole_country(sent.start, sent.end), resolver)
        if trace is not None:
            covered: set[int] = set()
            for token in sent:
                for actor in resolver.resolved_at(token.i):
                    trace.actors.append((sent_no, actor))
                    covered.update(range(actor.start, actor.end))
            for m in sorted({m for i, m in resolver.at.items() if sent.start <= i < sent.end}, key=lambda m: m.start):
                if covered.isdisjoint(range(m.start, m.end)):
                    why = (f"{m.form} -> {resolver.index.actors[m.actor].code} ({m.why})" if m.kind == "actor"
                           else m.why)
                    trace.unused.append((sent_no, doc[m.start:m.end].text, why))
        return drafts

    def _of_sole_country(self, drafts: list[_Draft], country: str, resolver: PhraseResolver) -> list[_Draft]:
        """A party of unknown country is of the one country its sentence names when the other party is of no
        country either, or an organisation (rules.yaml `places: sole_country`): "almost 500 fighters in eastern
        Congo surrendered to the government" -> CODUAF CODGOV, "the UN will provide food aid to refugees fleeing
        the civil war in Liberia" -> LBRREF; never against a state ("the government rejected accusations by
        Israel", "Obama faces pressure from Congress to help Iran"), nor an attacker other than a state's forces
        ("gunmen beheaded three men in Nangarhar": `sole_country_not_sources`)."""
        if not country or any(d.source.code == country for d in drafts):
            return drafts  # (a country that acts itself is no place: "soldiers trained by the United States")

        def unplaced(actor: ResolvedActor, other: ResolvedActor) -> bool:
            # (a three-letter entity is a state's country; organisations' entities are longer: IGOUNO, IMGMUSISI;
            # that one country's rebels or opposition, who act in it, are no state: "ISWAP released two women";
            # its nationals may be anywhere: "rebels will release a Japanese citizen")
            return not actor.entity and bool(actor.role) and not _abroad(actor, MISSIONS) and (
                len(other.entity) != 3 or (other.entity == country and other.role in NON_STATE_GROUPS))

        def plain_state_forces(actor: ResolvedActor) -> bool:
            # "military forces", "the police" -- not "Kurdish troops", whose modifier names no state
            return actor.role in self.state_roles and all(
                i in resolver.at or resolver.doc[i].dep_ in ("det", "nummod") for i in range(actor.start, actor.end))

        def placed(actor: ResolvedActor) -> ResolvedActor:
            return replace(actor, code=country + actor.role, entity=country,
                           why=actor.why + f"; country from the sentence's only country {country}")

        out = []
        for d in drafts:
            if not d.code.startswith(self.sole_country_roots):
                out.append(d)
                continue
            source, target = d.source, d.target
            if unplaced(source, target) and (plain_state_forces(source) or
                                             not d.code.startswith(self.sole_country_not_sources)):
                source = placed(source)
            if unplaced(target, d.source):
                target = placed(target)
            if source is not d.source or target is not d.target:
                d = replace(d, source=source, target=target)
            if not _same_actor(d.source, d.target):
                out.append(d)
        return out

    def _bare_demands(self, sent: Span, resolver: PhraseResolver, settled: set[int],
                      drafts: list[_Draft]) -> list[_Draft]:
        """"Russia said Sudan must return the helicopter": X demands of Y even when no pattern codes what Y
        must do -- the obligation map's bare code ("0": 100), pattern id `rules.obligation`."""
        if self.bare_demand is None:
            return []
        out: list[_Draft] = []
        for token in sent:
            holder = self.rules.obligation_holder(token) if token.pos_ == "VERB" and token.i not in settled else None
            if holder is None:
                continue
            if any(c.dep_ == "neg" for c in kids(token)) or any(
                    token.left_edge.i <= d.trigger.token.i <= token.right_edge.i for d in drafts):
                continue  # "must not ...", or an act inside it was coded
            say = self.rules.obligation(token)
            if say is None:
                continue
            speakers = self._speakers(say, resolver)
            addressees = self._actors([c for c in kids(holder) if c.dep_ == "nsubj"], resolver)
            trigger = Trigger(token, self.bare_demand)
            out += [_Draft(s, a, self.bare_demand.code, trigger, "demand", s.code)
                    for s in speakers for a in addressees if not _same_actor(s, a)]
        return out

    def _code_trigger(self, trigger: Trigger, resolver: PhraseResolver, memory: StoryMemory,
                      event_sources: set[int], purposes: set[int] | None = None,
                      as_purpose: bool = False) -> tuple[Outcome, list[_Draft]]:
        """Events of one trigger. `purposes` collects the purpose clauses a protest takes its target from;
        `as_purpose` codes such a clause as a fact (its "to" or participle governs nothing)."""
        token, pattern = trigger.token, trigger.pattern
        rules = self.rules
        if as_purpose:
            return self._code_action(trigger, resolver, memory, event_sources, purposes, token, None, None)
        if pattern.trigger_kind == "verb" and is_fronted_participle(token):
            return Outcome("participle modifying the speaker ('visiting X said'): not an event", veto=True), []
        if pattern.trigger_kind == "verb" and (
                token.dep_ in ("amod", "compound") and child(token, "nsubj") is None or misparsed_visiting(token)
                or token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("VBN", "VBD")):
            # (a participle with a subject of its own is a verb the parser mislabelled: "the Saudi-led coalition
            # bombed Yemeni rebels", parsed as "bombed rebels" with "coalition" as the subject of "bombed"; one the
            # parser made a subject is an adjective: "Libya's internationally recognised Government ... announced")
            return Outcome("participle used as an adjective ('Russia-backed', 'recognised'): not an event", veto=True), []
        if pattern.trigger_kind == "verb" and not pattern.code.startswith(self.participle_act_roots) and \
                self._describes_actor(token, resolver):
            return Outcome("participle describing an actor of another act ('the coalition fighting the Houthis "
                           "declared ...'): not an event", veto=True), []
        # a verb coordinated with an earlier one shares its governors: "agreed to meet X and sign a deal"
        head = rules.coordination_head(token) if pattern.trigger_kind == "verb" else token
        refusal = None
        if rules.negated_with(token, head):
            refusal = rules.refused(head) if pattern.trigger_kind == "verb" and not rules.hedged(
                head, besides=rules.refusal_aux) else None  # "cannot accept" refuses, "could not reach" fails
            if refusal is None:
                return Outcome("negated: not coded", veto=True), []
        if refusal is None and (rules.hedged(token) or rules.hedged(head) or rules.weighed_option(head)
                                or rules.obliging_verb(head) is not None):
            weighed = rules.considered(head)
            if weighed is not None:  # "Japan is considering sending aid to North Korea": 014
                return self._code_action(trigger, resolver, memory, event_sources, purposes, head, weighed, None)
            say = rules.obligation(head)
            if say is None:
                return Outcome("hedged (modal or conditional): not coded", veto=True), []
            return self._demand(trigger, say, self._speakers(say, resolver), resolver)
        # "condemned Israel's airstrikes on Gaza", "rejected accusations by Maduro against Brazil": what the verb
        # takes as having happened is no claim
        witnessed = pattern.trigger_kind == "noun" and rules.witnessed(token, pattern.code)
        claim = rules.claimed_by(head) if not witnessed else None
        if claim is not None:
            return self._claim(trigger, claim, resolver)
        appealed = _appealed_for(token, self.appeal_verbs) if pattern.trigger_kind == "noun" else None
        if appealed is not None:
            return self._appeal(trigger, appealed, resolver)
        demand = rules.demanded_in(head) if pattern.trigger_kind == "verb" else None
        if demand is not None:  # "the EU's demand that Russia withdraw": the EU demands the withdrawal of Russia
            return self._demand(trigger, demand, self._demanders(demand, resolver), resolver)
        claimed = rules.unasserted_by(head) if not witnessed else None
        if claimed is not None:
            return Outcome(f"only claimed under '{claimed.text}': not coded", veto=True), []
        if refusal is not None:
            modality = refusal  # "would not provide support" (121): the governors of a refusal do not matter
        elif token.i != head.i and any(c.dep_ == "aux" and c.lower_ in rules.intent_aux for c in kids(token)):
            modality = rules.modality(token)  # "launched an investigation and WILL meet Ant Group": its own future
        else:
            modality = rules.modality(head) if pattern.trigger_kind == "verb" else rules.noun_modality(token, witnessed)
        if modality is False:
            return Outcome("governed by a negated, hedged or non-factual verb: not coded", veto=True), []
        return self._code_action(trigger, resolver, memory, event_sources, purposes, head, modality, refusal)

    @staticmethod
    def _describes_actor(token: Token, resolver: PhraseResolver) -> bool:
        """"The Saudi-led coalition fighting Houthi rebels in Yemen has declared a ceasefire", "al-Shabab, a group
        seeking to overthrow the government": a present participle on an actor that takes part in another clause
        says what the actor is, not what it did (a headline's participle, on the root, is its event; a protest is
        one too: "fired into the air to disperse women protesting in Kabul")."""
        while token.dep_ == "xcomp":
            token = token.head  # "a group seeking to overthrow the government"
        actor = token.head
        if token.dep_ != "acl" or token.tag_ != "VBG" or actor.dep_ == "ROOT" or actor.pos_ not in ("NOUN", "PROPN"):
            return False
        return any(a.entity or a.role for a in resolver.resolve(actor))

    def _code_action(self, trigger: Trigger, resolver: PhraseResolver, memory: StoryMemory, event_sources: set[int],
                     purposes: set[int] | None, head: Token, modality: Modality | None,
                     refusal: Modality | None) -> tuple[Outcome, list[_Draft]]:
        """Code, actors and pairs of a trigger that no rule vetoed, under its modality."""
        token, pattern = trigger.token, trigger.pattern
        rules = self.rules
        code = pattern.code
        mod_name = ""
        if isinstance(modality, Modality):
            mapped = modality.rule.map_code(code)
            if mapped is None:
                return Outcome(f"{modality.kind} of {code}: no mapping in rules.yaml", veto=refusal is not None), []
            if modality.kind == "intent" and code[:2] == "03":
                mapped = code
            code, mod_name = mapped, modality.kind
        elif code[:2] in self.refinable:
            code = self._refined(trigger, code)
        if rules.attempted(head):  # "tried to assassinate" (185), not the assassination (186)
            code = self.book.rules.attempt.map_code(code) or code
        passive = pattern.trigger_kind == "verb" and is_passive(token)
        kind = pattern.trigger_kind
        src_slot, tgt_slot = pattern.source, pattern.target

        def act_in(roots: tuple[str, ...]) -> bool:
            # a threatened, intended or weighed act keeps its act's places and beneficiaries: "Al-Shabaab threatened
            # to carry out attacks in Kenya" (190 -> 138) is against Kenya as the attacks would be
            return code.startswith(roots) or pattern.code.startswith(roots)

        # who observes or answers a nominal event never did it: "rejected accusations that her government ..."
        source_heads = slot_tokens(token, src_slot, kind, passive, resolver.is_actor_word, rules.onlookers)
        sources = self._actors(source_heads, resolver, trigger=token)
        if not sources and kind == "noun" and source_heads == [token]:
            # a role adjective alone names no one ("a parliamentary visit", "military support"): the verb's subject
            source_heads = noun_source(token, {c.i for c in kids(token)}, resolver.is_actor_word, rules.onlookers)
            sources = self._actors(source_heads, resolver)
        if not sources:
            # "Israeli airstrikes hit Gaza": an event noun as subject names its owner through its modifiers
            for head in source_heads:
                if (head.pos_ == "NOUN" or nominal_gerund(head)) and (self.verbs.has_patterns(head) or rules.owns_infinitive(head)):
                    # ... or its possessor or by-phrase: "a car bombing by the Islamic State group killed 75"
                    sources = resolver.resolve_modifiers(head) or self._actors(
                        [c for c in kids(head) if c.dep_ == "poss"] + preposition_objects(head, "by"), resolver)
                    if sources:
                        event_sources.add(head.i)
        if not sources and isinstance(modality, Modality) and modality.kind == "consider" and \
                modality.controller.i != token.head.i:
            # "Japan is considering the possibility of sending troops": whoever weighs the option would act
            subject = effective_subject(modality.controller)
            sources = self._actors([subject], resolver) if subject is not None else []
        if not any(s.entity for s in sources):
            # "a rocket fired by Hamas hit an Israeli town", "drones launched by Yemen's Houthis hit ...": a thing
            # the subject names was made, fired or done by its by-phrase's actor, who acts
            # (a thing or weapon, never people: "soldiers trained by the United States" are not the US)
            agents = [o for head in source_heads if head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass") and (
                          not sources or head.lemma_.lower() in self.weapon_nouns) for c in kids(head)
                      if c.dep_ == "acl" and c.tag_ == "VBN" for o in preposition_objects(c, "by")]
            sources = [a for a in self._actors(agents, resolver) if a.entity] or sources
        if not sources and code.startswith(self.document_roots):
            # "a UN report accused ...", "a statement by the foreign ministry condemned ...": a text acts for its author
            sources = [a for head in source_heads if head.lemma_.lower() in self.documents
                       for a in self._authors(head, resolver)]
        if kind == "verb" and token.dep_ == "relcl" and source_heads == [token.head] and any(
                c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in kids(token)) and not any(
                s.entity for s in sources) and token.head.dep_ == "dobj" and \
                token.head.head.lemma_.lower() in SETS_OFF:
            # "planted a roadside bomb that killed five soldiers", "launched an airstrike that killed 10 civilians":
            # what was planted, fired or launched acts for whoever planted, fired or launched it
            subject = effective_subject(token.head.head)
            launchers = self._actors([subject], resolver) if subject is not None else []
            if any(a.entity for a in launchers):
                sources = launchers
        launcher = object_governor(token) if token.dep_ in ("dobj", "conj") or (
            token.dep_ == "pobj" and token.head.lower_ == "with") else None
        if kind == "noun" and not any(s.entity for s in sources) and launcher is not None:
            # "the Yemeni army launched a missile attack", "Turkey launched a military operation", "Russia responded
            # with missile strikes": a role word on the noun ("missile", "military") names no one, the subject of
            # the verb that launched it does
            subject = effective_subject(launcher)
            launchers = self._actors([subject], resolver) if subject is not None else []
            if any(a.entity for a in launchers) and launcher.lemma_.lower() not in rules.onlookers:
                sources = launchers
        code = self._weapon_code(code, token, kind, source_heads)
        target_heads = slot_tokens(token, tgt_slot, kind, passive, resolver.is_actor_word,
                                   thing_prep=bool(pattern.prep.get(tgt_slot[5:])))
        # a host or visitor meets people, never "Russia's withdrawal": no owner stands for the object
        targets = self._actors(target_heads, resolver, loose=not pattern.reverse)
        if not targets and pattern.reverse:  # ... but a place noun is its place: "arrived in the Russian port city
            # of Vladivostok"
            targets = [a for h in target_heads if h.lemma_.lower() in PLACE_NOUNS
                       for a in self._actors([h], resolver, loose=True) if a.is_place]
        if not target_heads and tgt_slot == "object" and pattern.complement:
            # "demanded that Russia withdraw": the complement clause's subject is the target
            target_heads = complement_subjects(token)
            targets = self._actors(target_heads, resolver, loose=True)
        if not target_heads and tgt_slot == "object" and kind == "verb":
            shared = shared_object(token)  # "condemned and rejected the Japanese plan"
            found = self._actors([shared], resolver, loose=not pattern.reverse) if shared is not None else []
            if found:  # (not "met and signed an agreement": the two met each other)
                target_heads, targets = [shared], found
        # what an observer condemns in an attack is its author, never its victim: "condemned the attack on
        # Turkey" names no one condemned
        authored = self.violent_nouns if token.lemma_.lower() in rules.observers else frozenset()
        if not targets and tgt_slot == "object" and not pattern.reverse:
            # "endorsed an agreement with the EU", "imposed sanctions on Iran": the object is a thing,
            # its prepositional attachment names the party (not for a host or visitor, who receives or
            # meets people: "welcomed Russia's withdrawal" is no visit)
            targets = self._actors(object_attachments(target_heads, authored), resolver, loose=True)
            if not targets and target_heads and kind == "verb" and not passive:
                # "dispersed a rally by opposition supporters": the parser hangs the object's by-phrase on the
                # active verb
                targets = self._actors(preposition_objects(token, "by"), resolver)
        if not targets and target_heads and self.crowd_role and code.startswith(self.crowd_roots) and not pattern.reverse:
            # "police broke up protests in Harare", "troops opened fire on a rally": the people taking part
            targets = [resolver.crowd(h, self.crowd_role) for h in target_heads if h.lemma_.lower() in self.crowds]
        if not targets and tgt_slot != "none" and act_in(self.beneficiary_roots) and not pattern.reverse:
            targets = self._beneficiaries(token, kind, resolver)
        if not targets and tgt_slot.startswith("prep:") and tgt_slot[5:] not in self.place_preps and not pattern.reverse:
            # "acceded to the Kurdish rebels' demands", "responded to Iran's proposal": a thing's owner
            targets = self._actors([c for h in target_heads for c in kids(h) if c.dep_ == "poss"], resolver)
        if not targets and target_heads and not pattern.reverse and (tgt_slot == "object" or (
                tgt_slot.startswith("prep:") and tgt_slot[5:] in ("on", "to", "against", "about", "over"))):
            # one thing further down: "eased restrictions on humanitarian assistance to North Korea", "signed a
            # memorandum on cooperation with Russia" -- a party named outright that the thing's thing is with, to or
            # against (not a place's: "captured part of a stronghold on the Thai border"; not for "called for
            # sanctions against Turkey", where the sanctions' own appeal codes)
            things = object_attachments(target_heads, authored) if tgt_slot == "object" else [
                (direct_object(t) or t) if t.tag_ == "VBG" and tgt_slot[5:] in ("about", "over") else t
                for t in target_heads]  # "optimistic about reaching a deal with Egypt" (not "voted against imposing")
            things = [t for t in things if t.pos_ == "NOUN" and not resolver.resolve(t, True)]
            targets = [t for t in self._actors(object_attachments(things, authored), resolver) if t.entity
                       ] if things else []
            if not targets and tgt_slot[5:] in ("about", "over"):
                # the gerund's object names its party itself ("pessimism about bringing the North Korean standoff to
                # an end"), or the gerund's own phrase does ("optimistic about reaching a deal with Egypt", the
                # with-phrase parsed on "reaching")
                gerunds = [t for t in target_heads if t.tag_ == "VBG"]
                heads = [o for g in gerunds if (o := direct_object(g)) is not None] + [
                    o for g in gerunds for prep in ("with", "against") for o in preposition_objects(g, prep)]
                targets = [t for t in self._actors(heads, resolver, loose=True) if t.entity]
        if not targets and not target_heads and tgt_slot == "object" and kind == "verb":
            # no object at all: "fired at Russia", "lashed out against Iran" -- a party-naming
            # preposition on the verb gives the target (never a place: "in", "from" are not used)
            targets = self._actors([o for prep in OBJECT_PREPS + ("at",) for o in preposition_objects(token, prep)],
                                   resolver, loose=True)
        if kind == "verb" and not sources and passive and src_slot == "subject":
            if code.startswith(self.place_roots):
                # "a mortar bomb was fired at Israel from the Gaza Strip": fired from a place, by that place
                sources = [a for o in preposition_objects(token, "from") for a in resolver.resolve(o) if a.is_place]
            if not sources and code.startswith(self.place_authority_roots):
                # "a Canadian missionary was arrested in Lebanon": by the authorities of the place
                place = self._place(token, kind, resolver)
                if place is not None:
                    sources = [place]
                elif code.startswith(self.authority_home_roots):
                    # "a prominent Saudi cleric was detained": by his own state (not the cleric's words)
                    sources = [replace(t, code=t.entity, role="", start=token.i, end=token.i + 1,
                                       why=f"{t.why}; by its own state (places: authorities_home_roles)")
                               for t in targets if t.entity and t.kind == "country" and
                               t.role in self.authority_home_roles][:1]
            thing = child(token, "nsubjpass") if not sources and act_in(self.owner_roots) else None
            if thing is not None and thing.pos_ == "NOUN" and thing.i not in resolver.at:
                # "UN sanctions against Iran were lifted", "Israel's blockade of Gaza was eased": by whoever the
                # measure is (rules.yaml owners)
                sources = [a for a in resolver.resolve(thing, True) if a.entity]
            if not sources:
                return Outcome("agentless passive: no source"), []
        if kind == "verb" and tgt_slot.startswith("prep:") and tgt_slot[5:] in self.place_preps:
            # "hit Hamas positions in Syria", "shelled rebel camps in Iraq": the owner of the place-like object
            # is the target, of the place's country when the owner names none
            obj = direct_object(token)
            if obj is not None and obj.lemma_.lower() in self.quantities:  # "struck dozens of Hamas targets"
                obj = next(iter(preposition_objects(obj, "of")), obj)
            owners = [o for o in resolver.resolve_modifiers(obj) or self._actors(holders(obj), resolver)
                      if o.entity or o.role] if obj is not None and obj.lemma_.lower() in self.stand_ins else []
            if owners:
                place = next((t for t in targets if t.is_place), None)
                targets = [self._placed(o, place) if place is not None else o for o in owners]
        if not targets and tgt_slot != "none" and (mod_name == "threat" or code[:2] == "13"):
            # "threatened to launch an offensive unless Baghdad accepted its terms": the party whose act would
            # avert the threat is its target
            targets = [t for t in self._actors(self._condition_subjects(token), resolver)
                       if not any(t.entity and t.entity == s.entity for s in sources)]
        answer = rules.answered_by(token, code) if kind == "noun" and tgt_slot != "none" else None
        if not any(t.entity for t in targets) and answer is not None and states_matter(token, answer):
            # "China rejected accusations by the US of genocide": an accusation that names no one accused
            # accuses whoever answers it (not "rejected Pakistan's accusations", which says nothing of what
            # was alleged)
            answerer = effective_subject(answer)
            targets = [t for t in self._actors([answerer] if answerer is not None else [], resolver)
                       if t.entity] or targets
        if purposes is not None and code.startswith(self.purpose_roots) and tgt_slot != "none" and not any(
                t.entity and not t.is_place for t in targets):
            aims = self._aims(token, kind, resolver, memory, event_sources)
            if aims:
                # "went on hunger strike to demand the resignation of X": against X, for a change in leadership
                targets = list({d.target.code: d.target for d in aims}.values())
                code = self._aimed(code, aims[0].code)
                purposes.update(d.trigger.token.i for d in aims)
            else:
                targets = self._protested_against(token, kind, resolver) or targets
        # what the act is about: "accusations that its army committed ethnic cleansing" 112 -> 1124 (topics); "sent
        # 200 troops to Syria to serve as a peacekeeping force" 154 -> 074 (recast, where a role word counts)
        topic, topic_rule = "", ""
        for rule, table, is_name in (("topics", self.topics, resolver.is_actor_word),
                                     ("recast", self.recast, resolver.is_name_word)):
            if code in table:
                named_code, matter = topic_code(token, object_governor(token) if kind == "noun" else None, code,
                                                table, is_name)
                if matter:
                    code, topic, topic_rule = named_code, matter, rule
        in_object = code.startswith(self.object_place_codes) and bool(target_heads)

        placed_act = act_in(self.place_roots)
        if (placed_act or in_object) and tgt_slot != "none" and (
                not targets or any(not t.entity for t in targets)) and not any(
                h.pos_ in ("PRON", "NUM") or h.lower_ in ANAPHORS for h in target_heads):
            place = self._place(token, kind, resolver, target_heads if in_object else None)
            # (a relative clause's object is the noun it describes, not the place: "the ships it seized near
            # Crimea" names what was seized)
            subject = child(token, "nsubj") if kind == "verb" and token.dep_ == "relcl" else None
            described = subject is not None and subject.tag_ not in ("WP", "WDT") and not target_heads and \
                tgt_slot == "object"
            if place is not None and not (described and not targets):
                # an attack or protest naming no party is against the place; a target of unknown country
                # (civilians, police) is the place's
                targets = [self._placed(t, place) for t in targets] if targets else [place]
        elif targets and code.startswith(self.placed_target_roots) and tgt_slot != "none" and any(
                not t.entity and t.role for t in targets):
            # "delivered food to 100,000 people in Yemen's Hodeidah province": a party of unknown country is the
            # place's, though the place is no target of an act of aid, yielding or accusation
            place = self._place(token, kind, resolver, pronouns=False)  # (not "a pause in its offensive")
            if place is not None:
                targets = [self._placed(t, place) for t in targets]
        at_home = False
        if not targets and act_in(self.home_codes) and tgt_slot != "none" and not any(
                h.pos_ == "PRON" for h in target_heads):  # ("barred her from leaving Turkey": someone, not Turkey)
            # "the Colombian president declared a state of emergency": a curfew, emergency or ban naming no
            # place is in the country of the state that imposed it
            # ("Egypt lifted the state of emergency" -> EGY EGY 0814: here a country is its own target)
            targets = [replace(s, code=s.entity, role="", start=token.i, end=token.i + 1,  # not the source's span
                               why=f"{s.why}; its own country (places: home)")
                       for s in sources if (s.role and s.entity and s.entity != s.code) or s.is_place]
            at_home = bool(targets)
        if any(not s.entity for s in sources) and (act_in(self.place_source_roots) or (
                (code.startswith(self.domestic_codes) or placed_act) and
                all(s.entity or s.role in self.state_roles for s in sources))):
            # "opposition supporters rallied in Harare": Zimbabwe's opposition; "protested outside the Chinese
            # embassy in New Delhi" (a place inside what was protested at): India's; police of no named country
            # arresting people in El Paso are American, whoever they arrest; and forces of no named country
            # fighting in a place are its state's ("where military forces are battling militants")
            place = self._place(token, kind, resolver) or self._place(token, kind, resolver, target_heads + [
                o for prep in ("outside", "at", "near", "on") for o in preposition_objects(token, prep)])
            if place is not None:
                sources = [self._placed(s, place) for s in sources]
        speaker = ""
        say = rules.speaker_verb(token)
        if say is not None:
            who = resolver.resolve(effective_subject(say))
            speaker = who[0].code if who else ""
        # the act's own root decides, not the intent it became: "Kuwait and Ireland vowed to deliver the funds"
        # (07 -> 0331) is no aid between the two
        mutual_root = code[:2] in self.mutual_roots and pattern.code[:2] in self.mutual_roots and not (
            code.startswith(self.third_party_codes) or pattern.code.startswith(self.third_party_codes))
        if tgt_slot == "none" and pattern.mutual and len(sources) == 1 and kind == "verb":
            # "Russia agreed to a ceasefire with Ukraine": one party named as subject, the other by "with"
            # (or on its complement verb: "Ukraine failed to reach a deal with Russia")
            complements = [c for c in kids(token) if c.dep_ == "xcomp"]
            bearers = [token, *complements, *(o for c in complements if (o := direct_object(c)) is not None)]
            withs = [o for bearer in bearers
                     for o in preposition_objects(bearer, "with") + nested_preposition_objects(bearer, "with")]
            targets = [t for t in self._actors(withs, resolver, loose=True) if not _same_party(t, sources[0])]
            if targets:
                sources, target_heads = sources + targets[:1], []
        pairs: list[tuple[ResolvedActor, ResolvedActor, str]] = []
        mutual_heads = [h for h in target_heads if _reciprocal(h)]
        if mutual_heads and not targets and len(sources) >= 2:
            # "India and Pakistan accused each other", "expelled each other's diplomats" (their GOV)
            held = resolver.at.get(mutual_heads[0].i)
            role = held.role if held is not None and held.kind == "agent" else ""
            for a in sources:
                for b in sources:
                    if not _same_party(a, b):
                        pairs.append((a, replace(b, code=b.entity + role, role=role) if role and b.entity and
                                      not b.role else b, code))
        elif not target_heads and len(sources) >= 2 and (pattern.mutual or (mutual_root and tgt_slot != "none")):
            for a in sources:
                for b in sources:
                    if not _same_party(a, b):
                        pairs.append((a, b, code))
        elif not sources and len(targets) >= 2 and tgt_slot == "prep:between" and (pattern.mutual or src_slot == "none"):
            # "talks between A and B": the two parties; never for a one-sided act ("mediation between")
            for a in targets:
                for b in targets:
                    if not _same_party(a, b):
                        pairs.append((a, b, code))
        else:
            for a in sources:
                for b in targets:
                    pairs.append((a, b, code))
                    if pattern.mutual and (not mod_name or code[:2] == "03" and pattern.code[:2] == CONSULT_ROOT
                                           and _arranged(modality, token, head)):
                        # a meeting is both's, and so is one arranged ("will meet", "is to hold talks with");
                        # a wish, offer or plan is one side's ("wants to meet", "offered to hold talks with")
                        pairs.append((b, a, code))
                    elif not mod_name and pattern.reverse:
                        pairs.append((b, a, pattern.reverse))
        if not sources and not targets:
            return Outcome("no source or target actor"), []
        if not pairs:
            return Outcome("missing source or target actor"), []
        pairs = [(a, b, c) for a, b, c in pairs if not (c.startswith(self.press_roots) and b.role in self.press_roles)]
        if not pairs:  # "the minister told AFP", "said in an interview with the BBC": how wire copy quotes a remark
            return Outcome("a remark to the press (rules.yaml press)"), []
        visits = [(a, b, c) for a, b, c in pairs if not self._no_visit(a, b, c, token.doc)]
        if not visits:
            return Outcome("no visit: troops, civilians or refugees arriving, or a visit home (rules.yaml visits)"), []
        visits = [(_counterpart(a, b, token.doc), _counterpart(b, a, token.doc), c) for a, b, c in visits]
        third = self.third_place.get(code)
        if third and not mod_name and visits:
            # where they met: an in-phrase on the verb, or in its at-phrase ("at a summit in Estonia"), not a
            # place inside what they discussed ("reviewed the situation in Syria with Iran")
            heads = preposition_objects(token, "in") + [h for o in preposition_objects(token, "at")
                                                        for h in [o, *preposition_objects(o, "in")]]
            obj = direct_object(token) if kind == "verb" else None
            if obj is not None and resolver.resolve(obj):  # "met FARC leader Rodrigo Londono in Havana", parsed
                heads += preposition_objects(obj, "in")  # with the place on the person met
            place = next((a for h in heads for a in resolver.resolve(h) if a.is_place), None)
            if place is not None and all(place.entity not in (a.entity, b.entity) and a.entity and b.entity
                                         for a, b, _ in visits):
                visits = [(a, b, third) for a, b, _ in visits]  # "Biden and Putin met in Geneva"
        # "ELN rebels threatened to suspend peace talks with the government": an unnamed government facing a
        # country's rebels, opposition or people is that country's
        visits = [(self._their_government(a, b), self._their_government(b, a), c) for a, b, c in visits]
        if self.institution_roots and code.startswith(self.institution_roots):
            # "the Trump administration pushed the Congress", "ended mediation with the truckers": a state's own
            visits = [(self._institution(a, b), self._institution(b, a, acting=True), c) for a, b, c in visits]
        if code.startswith(self.domestic_codes) or pattern.code.startswith(self.domestic_codes):
            # (also when threatened or refused: "Kenya's opposition threatened to hold protests against the government")
            visits = [(self._domestic(a, b),
                       self._domestic(b, a, a.is_place and code.startswith(self.bare_state_roots)), c)
                      for a, b, c in visits]
        distinct = [(a, b, c) for a, b, c in visits if not _same_actor(a, b) or (at_home and a.is_place)]
        drafts = [_Draft(a, b, c, trigger, mod_name, speaker) for a, b, c in distinct
                  if not self._toward_own_country(a, b, c)]
        if not drafts:
            return Outcome("an act toward the actor's own country (rules.yaml places: own_country_roots)" if distinct
                           else "source and target are the same actor"), []
        if len(sources) == 2 and sources[0].entity != sources[1].entity:
            memory.note_pair(sources[0], sources[1])
        return Outcome(f"coded {len(drafts)} event(s)" + (f" ({mod_name})" if mod_name else "") +
                       (f"; {'sub-code' if topic_rule == 'topics' else 'code'} {code} from the topic '{topic}' "
                        f"(rules.yaml {topic_rule})" if topic else "")), drafts

    def _condition_subjects(self, token: Token) -> list[Token]:
        """Subjects of the if/unless clauses of a threat ("... unless Baghdad accepted" -> Baghdad), on the
        trigger, the verbs above it up to the threat, or the threat's own complement."""
        verbs = [token]
        node = token
        for _ in range(3):  # offensive <- launch <- threatened
            if node.dep_ not in ("dobj", "xcomp", "ccomp", "pobj", "prep") or node.head.i == node.i:
                break
            node = node.head
            verbs.append(node)
        verbs += [c for v in list(verbs) for c in kids(v) if c.dep_ in ("xcomp", "ccomp")]
        return [subj for verb in verbs for clause in kids(verb) if clause.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in self.rules.conditionals for m in kids(clause))
                for subj in kids(clause) if subj.dep_ in ("nsubj", "nsubjpass")]

    def _weapon_code(self, code: str, token: Token, kind: str, source_heads: list[Token]) -> str:
        """Force used from the air is aerial (195), from drones remotely piloted (1952), with artillery or tanks
        194, by a suicide bomber 1831, by a car bomb 1832, by a roadside bomb 1833: "Israeli warplanes struck Gaza",
        "a US drone strike killed", "an air raid on Aleppo", "a car bomb struck a bus" (rules.yaml `suicide`,
        `vehicle_bomb`, `roadside_bomb`, `remote`, `aerial`, `artillery`, tried in that order).
        The weapon is the source's head or its modifier (alone or as a phrase with the head: "car bomb"), the event
        noun's modifier, or a with/from phrase."""
        if not code.startswith(self.weapon_roots):
            return code
        heads = source_heads + ([token] if kind == "noun" else [])
        words = {h.lemma_.lower() for h in heads}
        for h in heads:
            mods = [c for c in kids(h) if c.dep_ in ("compound", "amod", "nmod")]
            words.update(c.lemma_.lower() for c in mods)
            words.update(f"{c.lower_} {h.lemma_.lower()}" for c in mods)
            # ... and a modifier's own phrase: "a car bomb attack", whether "car" hangs on "bomb" or both on "attack"
            words.update(f"{m.lower_} {c.lemma_.lower()}" for c in mods for m in kids(c)
                         if m.dep_ in ("compound", "amod"))
            words.update(f"{m.lower_} {c.lemma_.lower()}" for m, c in zip(mods, mods[1:]) if m.i + 1 == c.i)
        if kind == "verb":
            words.update(o.lemma_.lower() for prep in ("with", "from") for o in preposition_objects(token, prep))
            fired = direct_object(token) if token.lemma_.lower() in LAUNCHES else None
            if fired is not None:  # "fired mortar bombs at Israel", "a mortar bomb was fired at Israel"
                words.update(t.lemma_.lower() for t in (fired, *kids(fired)) if t is fired or (
                    t.dep_ in ("compound", "amod") and hyphen_prefix(t) != "anti"))  # "anti-aircraft" is no aircraft
        for rule, nouns in self.weapons:
            if words & nouns:
                return rule.map_code(code) or code
        return code

    def _domestic(self, actor: ResolvedActor, state: ResolvedActor, bare_state: bool = False) -> ResolvedActor:
        """In a protest or coercion naming no place, a party of unknown country facing a state's police,
        government or army is of that state's country, and an unnamed government facing people of a known
        country is theirs (rules.yaml `places: domestic`); never a state's mission abroad. A bare country
        counts as the state when it coerces or yields (`bare_state`: "Vietnam sentenced a blogger", "Yemen let free
        three dozen activists"), and so does an armed group while it holds a state's role (the Taliban from 2021 are
        AFGGOV). Refugees or foreigners a bare country lets in or sends away are not its own ("opened its borders to
        refugees", "eased restrictions on foreign workers")."""
        if actor.entity or not actor.role or (bare_state and (actor.role == "REF" or _abroad(actor, ALIENS))) or \
                not state.entity or _abroad(actor) or (
                state.role not in self.state_roles and actor.role not in self.state_roles and not bare_state) or \
                state.kind not in ("country", "territory", "person", "institution", "") and not (
                    state.kind == "armed_group" and state.role in self.state_roles) or \
                _abroad(state):
            return actor  # "outside the Chinese embassy in New Delhi": a state's mission abroad
        return replace(actor, code=state.entity + actor.role, entity=state.entity,
                       why=actor.why + f"; country of {state.text!r} (places: domestic)")

    def _toward_own_country(self, a: ResolvedActor, b: ResolvedActor, code: str) -> bool:
        """Praise or defence of one's own country is no interaction: "Mourao defended Brazil's environmental
        policies", "the Dubai ruler praised the UAE's efforts" (rules.yaml `places: own_country_roots`)."""
        return code.startswith(self.own_country_roots) and not b.role and bool(b.entity) and b.entity == a.entity

    def _institution(self, actor: ResolvedActor, state: ResolvedActor, acting: bool = False) -> ResolvedActor:
        """A legislature, court, university or union of unknown country facing a state (its government, forces or
        an office-holder; a bare country only when it acts, `acting`: "Saudi Arabia eased restrictions on workers",
        not "the court reinstated the ban on Iranian travellers") is that state's own (rules.yaml `places:
        institutions`)."""
        holds_state = state.role in self.state_roles if state.role else acting
        if actor.entity or actor.role not in self.institution_roles or not state.entity or not holds_state or \
                state.kind not in ("country", "territory", "person", "institution", "") or _abroad(actor) or \
                _abroad(state) or _abroad(actor, FOREIGN):
            return actor  # (not "foreign workers", "international lawmakers")
        return replace(actor, code=state.entity + actor.role, entity=state.entity,
                       why=actor.why + f"; country of {state.text!r} (places: institutions)")

    def _their_government(self, actor: ResolvedActor, other: ResolvedActor) -> ResolvedActor:
        """"The government" facing a country's rebels, opposition or people (not its state, an organisation or a
        person) is that country's government."""
        if actor.entity or actor.role != "GOV" or actor.text.lower().rsplit(" ", 1)[-1] not in GOVERNMENTS or \
                not other.entity or not other.role or \
                other.role[:3] in self.state_roles or other.kind not in ("country", "territory", "armed_group", "") or \
                other.person or _abroad(actor) or _abroad(other):
            return actor
        return replace(actor, code=other.entity + actor.role, entity=other.entity,
                       why=actor.why + f"; the government of {other.text!r}")

    def _no_visit(self, source: ResolvedActor, target: ResolvedActor, code: str, doc: Doc) -> bool:
        """Troops, civilians or refugees arriving make no visit: "British troops arrived in Mali" (rules.yaml
        `visits`)."""
        if code not in (self.visit, self.host):
            return False
        visitor, host = (source, target) if code == self.visit else (target, source)
        # a general or an army chief visits; troops, people and refugees (plural, unnamed) arrive
        crowd = visitor.role[:3] in self.non_visitors and not visitor.person and \
            any(t.tag_ == "NNS" for t in doc[visitor.start:visitor.end])
        # ... and nobody visits their own country: "the Indian prime minister arrived in Mumbai"
        return crowd or bool(visitor.entity and visitor.entity == host.entity)

    def _aims(self, token: Token, kind: str, resolver: PhraseResolver, memory: StoryMemory,
              event_sources: set[int]) -> list[_Draft]:
        """What a protest is for ("to demand the resignation of X", "demanding that X step down"): the events of
        its purpose clause, coded as facts (rules.yaml `purposes`); the clause hangs on the protest verb or on
        the verb whose object the protest noun is ("staged a sit-in to demand")."""
        holders = [token]
        governor = object_governor(token) if kind == "noun" else None
        if governor is not None:
            holders.append(governor)
        words = {t.lower_ for t in token.sent}
        for holder in holders:
            for clause in kids(holder):
                if clause.dep_ not in ("advcl", "xcomp", "acl") or not (to_infinitive(clause) or clause.tag_ == "VBG"):
                    continue
                for candidate in islice(self.verbs.matches(clause, words), 4):
                    if candidate.pattern.code.startswith(self.purpose_aims):
                        _, made = self._code_trigger(candidate, resolver, memory, event_sources, as_purpose=True)
                        if made:
                            return made
        return []

    def _beneficiaries(self, token: Token, kind: str, resolver: PhraseResolver) -> list[ResolvedActor]:
        """Whom aid naming no recipient is meant to help (rules.yaml `beneficiaries`): the object of its purpose
        clause, on the verb or on what the noun is the object of ("announced assistance to help people in
        Somalia"); "help Haiti cope" and "help rebuild Iraq" name Haiti and Iraq inside the clause it governs."""
        holders = [token]
        governor = object_governor(token) if kind == "noun" else direct_object(token)
        if governor is not None:
            holders.append(governor)
        for holder in holders:
            clauses = [c for c in kids(holder) if c.dep_ in ("advcl", "xcomp", "acl", "relcl")]
            # through a verb that only carries the purpose: "a mediation effort designed to help the government and
            # the rebels reach a settlement", "an effort to try to prevent a confrontation between Turkey and Syria"
            clauses += [x for c in clauses if c.lemma_.lower() in PURPOSE_CARRIERS and (
                to_infinitive(c) or c.tag_ == "VBN") for x in kids(c) if x.dep_ == "xcomp"]
            for clause in clauses:
                if not to_infinitive(clause) or clause.lemma_.lower() not in self.beneficiary_verbs:
                    continue
                helped = direct_object(clause)
                if helped is not None and helped.lemma_.lower() in PROPOSALS:
                    continue  # "urged India to support the UN resolution": a text, not someone helped
                if helped is not None:
                    heads = [helped]
                    if not resolver.resolve(helped, True):
                        # "to address the needs of people in Yemen", "to support projects which benefit Palestinian
                        # refugees", "to resolve the rift between Qatar and Saudi Arabia": whom the thing helped is for
                        heads += [o for prep in ("of", "for", "between") for o in preposition_objects(helped, prep)]
                        heads += [o for c in kids(helped) if c.dep_ == "relcl" and
                                  c.lemma_.lower() in self.beneficiary_verbs and (o := direct_object(c)) is not None]
                else:  # "help Haiti cope" (the inner clause's subject), "help rebuild Iraq" (its object)
                    inner = (child(c, "nsubj") or direct_object(c) for c in kids(clause) if c.dep_ in ("ccomp", "xcomp"))
                    heads = [h for h in inner if h is not None]
                found = self._actors(heads, resolver, loose=True)
                if not any(f.entity for f in found):  # "to help people in Somalia", "to promote investment in Ethiopia"
                    place = self._place(clause, "verb", resolver) or next(
                        (p for h in heads[1:] if (p := self._place(h, "noun", resolver)) is not None), None)
                    found = ([self._placed(f, place) for f in found] or [place]) if place is not None else []
                if found:
                    return found
        return []

    def _protested_against(self, token: Token, kind: str, resolver: PhraseResolver) -> list[ResolvedActor]:
        """"blocked a bridge in protest against the Serbian government", "went on strike in protest at the Greek
        government's measures": who the protest is against (or the owner of what it is against)."""
        holder = (object_governor(token) if kind == "noun" else None) or token
        protests = [p for p in holder.subtree if p.lemma_.lower() == "protest" and p.dep_ == "pobj" and
                    p.head.lower_ == "in" and p.i > holder.i]
        if not protests:
            return []
        against = [o for p in protests for prep in ("against", "at", "over", "of") for o in preposition_objects(p, prep)]
        if not against:  # "in protest at X" with "at" hung on the verb
            against = [o for prep in ("against", "at", "over") for o in preposition_objects(holder, prep)]
        # the owner or author of what is protested: "the government's measures", "violations by security forces"
        owners = [c for o in against for c in kids(o) if c.dep_ == "poss"] + [
            b for o in against for b in preposition_objects(o, "by")]
        return [t for t in self._actors(against + owners, resolver, loose=True) if t.entity and not t.is_place]

    def _aimed(self, code: str, aim: str) -> str:
        """A protest's sub-code from what it demands: a demonstration (141) for a change in leadership (1041)
        is 1411."""
        digit = self.purpose_digits.get(aim, "")
        return code + digit if digit and len(code) == 3 and code + digit in self.book.events else code

    def _claim(self, trigger: Trigger, claim: Token, resolver: PhraseResolver) -> tuple[Outcome, list[_Draft]]:
        """'X claimed it attacked Y' -> X Y claim of responsibility; 'X claimed Z attacked Y' -> X Z accusation."""
        rules = self.book.rules
        token, pattern = trigger.token, trigger.pattern
        claimants = self._actors([effective_subject(claim)], resolver)
        if not claimants or self.book.events[pattern.code].quad_class < 3:
            return Outcome(f"claimed under '{claim.text}': not coded", veto=True), []
        kind = pattern.trigger_kind
        passive = kind == "verb" and is_passive(token)
        actors = self._actors(slot_tokens(token, pattern.source, kind, passive, resolver.is_actor_word), resolver)
        targets = self._actors(slot_tokens(token, pattern.target, kind, passive, resolver.is_actor_word), resolver,
                               loose=True)
        drafts: list[_Draft] = []
        for x in claimants:
            own = not actors or any(a.entity and a.entity == x.entity for a in actors)
            if own and rules.claim_own:
                drafts += [_Draft(x, t, rules.claim_own, trigger, "claim", "") for t in targets if not _same_actor(x, t)]
            elif not own and rules.claim_other:
                drafts += [_Draft(x, a, rules.claim_other, trigger, "claim", "") for a in actors if not _same_actor(x, a)]
        return Outcome(f"claimed under '{claim.text}': coded {len(drafts)} event(s)" if drafts
                       else f"claimed under '{claim.text}': no actors", veto=not drafts), drafts

    def _refined(self, trigger: Trigger, code: str) -> str:
        """'demanded that Hamas renounce violence' (1056), 'rejected a proposal for a ceasefire' (1246): the
        act inside the demand or the rejected proposal, mapped by rules.yaml, names the sub-code -- any code of
        the root for a bare 100, 120 or 020, a code below it for a more specific one ('urged Russia to lift its
        sanctions': 025 -> 0254), a sibling for a sub-code the pattern guessed ('demanded that Sudan end curbs on
        the press': 1056 -> 1051)."""
        rule = self.refinable[code[:2]]
        bare = code == rule.mapping["0"]
        token = trigger.token
        holder = direct_object(token) if trigger.pattern.trigger_kind == "verb" else token
        inner = complements(token) if trigger.pattern.trigger_kind == "verb" else []
        if holder is not None:
            # (also a to-infinitive the parser hangs on the noun as an adverbial: "rejected a call to release")
            inner += [c for c in kids(holder) if c.dep_ in ("acl", "xcomp", "ccomp") or (
                c.dep_ == "advcl" and to_infinitive(c))] + preposition_objects(holder, "for")
        for act in inner:
            found = self.verbs.match(act)
            if found is None or found.pattern.code[:2] == code[:2]:
                continue
            mapped = rule.map_code(found.pattern.code)
            if mapped is not None and mapped != code and (mapped[:2] == code[:2] if bare else
                                                          mapped.startswith(code[:3]) and len(mapped) >= len(code)):
                # (never coarser: "appealed to the UN for humanitarian aid to help millions" stays 0233)
                return mapped
        return code

    def _appeal(self, trigger: Trigger, verb: Token, resolver: PhraseResolver) -> tuple[Outcome, list[_Draft]]:
        """'X called for the resignation of President Bashir' -> X appeals to SDNGOV (0241): the act's doer is
        the appeal's target and rules.yaml `appeal` gives the code; an act naming no doer is an appeal to its
        target only for the acts `appeal_to_target` maps ('called for talks with Iran' 026, 'called for
        sanctions against Nigeria' 113, rallying opposition)."""
        book = self.book.rules
        token, pattern = trigger.token, trigger.pattern
        if self.rules.negated(verb) or self.rules.hedged(verb) or self.rules.modality(verb) is False:
            return Outcome(f"appeal under '{verb.text}' negated or hedged: not coded", veto=True), []
        callers = self._speakers(verb, resolver)
        doers = self._actors(slot_tokens(token, pattern.source, "noun", False, resolver.is_actor_word,
                                         frozenset({verb.lemma_.lower()})), resolver, trigger=token)
        act_code = book.appeal.map_code(pattern.code)
        if act_code == book.appeal.mapping.get("0"):
            act_code = None  # an act with no appeal code of its own: "called for Israel's destruction"
        code, targets = act_code, doers
        if not (doers and act_code):
            code = book.appeal_to_target.map_code(pattern.code)
            targets = self._actors(slot_tokens(token, pattern.target, "noun", False, resolver.is_actor_word),
                                   resolver, loose=True) if code else []
        if not targets and not doers and act_code:
            # "called for an immediate ceasefire in Liberia": an appeal to the place the act is in
            place = self._place(token, "noun", resolver, [token])
            code, targets = act_code, ([place] if place is not None else [])
        drafts = [_Draft(s, t, code, trigger, "appeal", "") for s in callers for t in targets
                  if code and not _same_actor(s, t)]
        return Outcome(f"appealed for under '{verb.text}': coded {len(drafts)} event(s)" if drafts
                       else f"appealed for under '{verb.text}': no caller, or no mapping or party", veto=True), drafts

    def _demand(self, trigger: Trigger, say: Token, speakers: list[ResolvedActor],
                resolver: PhraseResolver) -> tuple[Outcome, list[_Draft]]:
        """'X said Y must ACT', 'X's demand that Y ACT' -> X demands of Y: the demand code rules.yaml maps the
        action to."""
        token, pattern = trigger.token, trigger.pattern
        code = self.book.rules.obligation.map_code(pattern.code)
        if code is None:
            return Outcome(f"demand of {pattern.code}: no obligation mapping in rules.yaml", veto=True), []
        kind = pattern.trigger_kind
        passive = kind == "verb" and is_passive(token)
        addressees = self._actors(slot_tokens(token, pattern.source, kind, passive, resolver.is_actor_word,
                                              self.rules.observers), resolver)
        drafts = [_Draft(s, a, code, trigger, "demand", s.code) for s in speakers for a in addressees
                  if not _same_actor(s, a)]
        return Outcome(f"demanded under '{say.text}': coded {len(drafts)} event(s)" if drafts
                       else f"demanded under '{say.text}': no speaker or addressee", veto=True), drafts

    def _demanders(self, noun: Token, resolver: PhraseResolver) -> list[ResolvedActor]:
        """Who makes a demand: its possessor ("the EU's demand"), or for "its/their demand" the subject of the
        verb that holds it ("the ILO reiterated its demand", "the rebels insisted on their demand")."""
        owners = [c for c in kids(noun) if c.dep_ == "poss"]
        if owners and owners[0].pos_ != "PRON":
            return self._actors(owners, resolver)
        holder = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ not in ("dobj", "pobj") or holder.pos_ not in ("VERB", "AUX"):
            return []
        subject = effective_subject(holder)
        return self._actors([subject], resolver) if subject is not None else []

    def _speakers(self, verb: Token, resolver: PhraseResolver) -> list[ResolvedActor]:
        """Who says, asks or demands: the verb's subject, or the author of a text that is its subject."""
        subject = effective_subject(verb)
        if subject is None:
            return []
        return self._actors([subject], resolver) or (
            self._authors(subject, resolver) if subject.lemma_.lower() in self.documents else [])

    def _authors(self, text: Token, resolver: PhraseResolver) -> list[ResolvedActor]:
        """Who wrote a report, statement or resolution: its by- or from-phrase, its possessor or modifiers ("a
        U.S. congressional report", "Amnesty's report"), or whoever issued it ("the Senate committee issued a
        report that calls on ...")."""
        named = self._actors(preposition_objects(text, "by") + preposition_objects(text, "from") +
                             [c for c in kids(text) if c.dep_ == "poss"], resolver) or resolver.resolve_modifiers(text)
        if named:
            return named
        issuer = object_governor(text) if text.dep_ == "dobj" else None
        subject = effective_subject(issuer) if issuer is not None else None
        return self._actors([subject], resolver) if subject is not None and subject.i != text.i else []

    def _place(self, token: Token, kind: str, resolver: PhraseResolver,
               within: list[Token] | None = None, pronouns: bool = True) -> ResolvedActor | None:
        """The country or region an event happens in, from its place phrases (rules.yaml `places`)."""
        for head in place_heads(token, kind, self.place_preps, within):
            if head.pos_ == "PRON" and not pronouns:
                continue
            # a place noun stands for the place its modifiers name ("in Anbar province"), a border never ("near
            # the Kenya-Somali border")
            loose = head.lemma_.lower() in self.stand_ins and head.lemma_.lower() not in FRONTIERS
            for actor in resolver.resolve(head) or (resolver.resolve(head, True) if loose else []):
                if actor.is_place:
                    return actor
        return None

    @staticmethod
    def _placed(actor: ResolvedActor, place: ResolvedActor) -> ResolvedActor:
        if actor.entity or _abroad(actor, MISSIONS):
            return actor  # (an embassy in Tehran is some other state's)
        return replace(actor, code=place.entity + actor.role, entity=place.entity,
                       why=actor.why + f"; country from the place {place.text!r}")

    def _actors(self, tokens: list[Token], resolver: PhraseResolver, loose: bool = False,
                trigger: Token | None = None) -> list[ResolvedActor]:
        out: list[ResolvedActor] = []
        for tok in tokens:
            found = resolver.resolve_modifiers(tok) if trigger is not None and tok.i == trigger.i else resolver.resolve(tok, loose)
            if not found and loose and tok.lemma_.lower() in self.stand_ins:
                found = self._stood_for(tok, resolver)
            for actor in found:
                if all(actor.code != o.code for o in out):
                    out.append(actor)
        return out

    def _stood_for(self, tok: Token, resolver: PhraseResolver, depth: int = 0) -> list[ResolvedActor]:
        """The actor a stand-in target noun means (rules.yaml stand_ins): "the enclave of Eastern Ghouta", "the
        positions of Hamas" -- its of- or for-phrase, itself maybe a stand-in ("dozens of supporters of
        Navalny") -- or else the country its in-phrase names ("a military base in Saudi Arabia's Jizan region")."""
        found = []
        preps = ("of", "for", "with") if tok.lemma_.lower() in FRONTIERS else ("of", "for")
        for o in (o for prep in preps for o in preposition_objects(tok, prep)):
            got = resolver.resolve(o, True)
            if not got and depth < 2 and o.lemma_.lower() in self.stand_ins:
                got = self._stood_for(o, resolver, depth + 1)
            found += got
        # "in Yemen's Saada province", "in Hudaydah province", "in the province of Hudaydah"
        return found or [a for o in preposition_objects(tok, "in")
                         for h in [o, *(c for c in kids(o) if c.dep_ in ("poss", "compound")),
                                   *preposition_objects(o, "of")]
                         for a in resolver.resolve(h) if a.is_place]

    def _event(self, d: _Draft, story_id: str, sent_no: int, date_text: str, sent: Span, index: int) -> Event:
        etype = self.book.events[d.code]
        t_start, t_end = d.trigger.span
        doc = sent.doc
        trig = doc[t_start:t_end]
        return Event(
            story_id=story_id, sentence_no=sent_no, date=date_text,
            source=d.source.code, source_country=d.source.entity, source_role=d.source.role,
            target=d.target.code, target_country=d.target.entity, target_role=d.target.role,
            code=d.code, root_code=etype.root, quad_class=etype.quad_class, goldstein=etype.goldstein,
            source_text=d.source.text, source_start=d.source.start_char, source_end=d.source.end_char,
            target_text=d.target.text, target_start=d.target.start_char, target_end=d.target.end_char,
            trigger=trig.text, trigger_start=trig.start_char, trigger_end=trig.end_char,
            pattern_id=d.trigger.pattern.id, modality=d.modality, speaker=d.speaker,
            sentence=sent.text.strip(), event_index=index,
        )


# the object of these verbs is the weapon, not the target ("shot down a jet": the jet is the target)
LAUNCHES = {"fire", "launch", "lob", "drop", "hurl"}
# ... and what else sets off an attack that acts in a relative clause ("planted a bomb that killed five soldiers";
# not "arrested a man that attacked police": the arrested man acts)
SETS_OFF = LAUNCHES | {"plant", "detonate", "carry", "conduct", "unleash", "shoot", "throw", "send", "deploy", "use"}
PURPOSE_CARRIERS = {"design", "mean", "aim", "intend", "try", "seek", "attempt"}  # "an effort designed to help ..."
ANAPHORS = {"another", "others", "one", "both", "all", "some", "several", "many", "most", "few", "each", "either"}
OBJECT_PREPS = ("with", "on", "against", "to", "toward", "towards", "into", "upon")


def object_attachments(objects: list[Token], authored: frozenset[str] = frozenset()) -> list[Token]:
    """Objects of the party-naming prepositions attached to a (non-actor) direct object; for a noun in
    `authored` only its author (possessor or by-phrase)."""
    found: list[Token] = []
    for obj in objects:
        found.extend(c for c in kids(obj) if c.dep_ == "poss")  # "rejected Israel's proposal"
        found.extend(preposition_objects(obj, "by"))  # "condemned the annexation of Crimea by Russia"
        if obj.lemma_.lower() in authored:
            continue
        holders = [obj] + [c for c in kids(obj) if c.dep_ == "acl"]  # "sanctions imposed on India"
        for holder in holders:
            for prep in OBJECT_PREPS:
                found.extend(preposition_objects(holder, prep))
    return found


def _appealed_for(noun: Token, appeal_verbs: frozenset[str]) -> Token | None:
    """The verb that appeals for the act a noun names: "called / pressed / appealed FOR the release",
    "urged the release"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.dep_ == "prep":
        verb = noun.head.head
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() == "urge":
        verb = noun.head
    else:
        return None
    return verb if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in appeal_verbs else None


def complement_subjects(verb: Token) -> list[Token]:
    """Subjects of a verb's complement clauses ("demanded that Russia withdraw" -> Russia).

    The small model often tags a subjunctive verb as a noun and its subject as a compound
    modifier ("that Washington mediate"); the last such modifier before it is then the subject.
    """
    found: list[Token] = []
    for c in complements(verb):  # (an asking verb's to-clause too: "called for Russia to withdraw")
        if c.dep_ not in ("ccomp", "xcomp", "advcl"):
            continue
        if c.lemma_.lower() in ATTRIBUTIONS and c.i > verb.i and any(p.dep_ == "punct" and p.i < c.i for p in kids(c)):
            continue  # "demanded that ..., officials said": the attribution, misparsed as the complement
        # (an asking verb's passive to-clause names a thing, not whom it asks: "calling for the crossing to be opened")
        subjects = [s for s in kids(c) if s.dep_ in (("nsubj",) if c.dep_ == "advcl" else ("nsubj", "nsubjpass"))]
        if not subjects and c.pos_ == "NOUN":
            subjects = [s for s in kids(c) if s.dep_ == "compound" and s.i < c.i][-1:]
        found.extend(subjects)
    return found


def _complement_chain(verb: Token, with_object: bool = False) -> list[Token]:
    """Open/clausal complements of a verb and their coordinated verbs ("agreed to X and (to) Y"), and, for an
    intention (root 03), the to-infinitive of its object ("reached an agreement to exchange information";
    but "welcomed the decision to lift tariffs" is a welcome of its own)."""
    out = []
    obj = child(verb, "dobj") if with_object else None
    holders = list(kids(verb)) + ([c for c in kids(obj) if c.dep_ == "acl"] if obj is not None else [])
    for c in holders:
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "acl" and to_infinitive(c)):
            out.append(c)
            out.extend(x for x in c.conjuncts)
    return out


VIOLENT_ROOTS = {"18", "19", "20"}
REPRESSION = {"175"}  # "cracked down on protesters, killing dozens": the crackdown's toll


def _consequence_of(draft: _Draft, violent: dict[int, list["_Draft"]]) -> bool:
    """A participle of violence ("..., killing eight people") after a coded violent act or crackdown by the same
    source, against nobody else (victims of unknown or the same country): the act's toll, not a second event."""
    if draft.code[:2] not in VIOLENT_ROOTS:
        return False
    acts = [d for d in violent.get(_toll_of(draft.trigger.token), []) if d.source.code == draft.source.code]
    return bool(acts) and (not draft.target.entity or any(d.target.entity == draft.target.entity for d in acts))


def _act_indexes(token: Token) -> set[int]:
    """The trigger and, for an event noun, the verb it is the object of ("carried out air strikes")."""
    governor = object_governor(token)
    return {token.i} | ({governor.i} if governor is not None else set())


def _toll_of(token: Token) -> int:
    """The verb a trailing participle (", killing eight people", also its conjuncts: ", killing five officers and
    injuring 22") tells the toll of, else -1."""
    token = first_conjunct(token)
    return token.head.i if token.dep_ == "advcl" and token.tag_ == "VBG" else -1


ROUNDS = {"round", "series", "wave", "spate", "string"}  # "a round of talks", "a wave of airstrikes"


def _governing_verb(noun: Token) -> int:
    """Index of the verb a noun is an argument of (directly or through a preposition), else -1."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ROUNDS:
        noun = noun.head.head  # "will host the next round of talks": the round is the verb's argument
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head.i
    if noun.dep_ == "npadvmod" and noun.head.pos_ == "VERB" and any(c.dep_ == "det" for c in kids(noun)):
        return noun.head.i  # "met Londono in Havana, the first meeting between ...": the verb's event restated
    if circumstance(noun):
        return -1  # "During talks with Putin, Erdogan called for ...": not an argument of "called"
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in REACTIONS:
        # "imposed sanctions on Iraq in response to its invasion of Kuwait": what the verb answers is its
        # argument as "after its invasion" is -- the verb decides, the noun is no event of the verb's actors
        reaction = noun.head.head
        if reaction.dep_ == "pobj" and reaction.head.dep_ == "prep":
            holder = reaction.head.head  # the verb, or its object ("launched airstrikes ... in retaliation for")
            if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ == "dobj":
                holder = holder.head
            if holder.pos_ in ("VERB", "AUX"):
                return holder.i
    verb = object_governor(noun)
    return verb.i if verb is not None else -1


def _arranged(modality: Modality | None, token: Token, head: Token) -> bool:
    """A future act both parties are in: announced by its own auxiliary or infinitive ("will meet", "Obama to
    meet Putin", "is to hold talks with") or by a schedule ("is scheduled to meet"), not by one side's wish, plan
    or consent ("wants to meet", "offered to hold talks", "agreed to normalise relations with Israel")."""
    if not isinstance(modality, Modality) or modality.kind != "intent":
        return False
    controller = modality.controller
    return controller.i in (token.i, head.i) or controller.lemma_.lower() in SCHEDULES or (
        controller.lemma_ == "be" and any(c.dep_ == "xcomp" and c.i in (token.i, head.i) for c in kids(controller)))


SCHEDULES = {"schedule", "slate", "set", "due"}
CONSULT_ROOT = "04"  # meetings and talks: arranged ones are both parties' (036 both ways)


def _counterpart(actor: ResolvedActor, other: ResolvedActor, doc: Doc) -> ResolvedActor:
    """"Cavusoglu met his Greek counterpart": a counterpart holds the other party's role (GRCGOV)."""
    if actor.role or not actor.entity or not other.role or actor.end <= actor.start or \
            doc[actor.end - 1].lemma_.lower() not in COUNTERPARTS:
        return actor
    return replace(actor, code=actor.entity + other.role, role=other.role,
                   why=actor.why + f"; a counterpart of {other.text!r} -> {other.role}")


FOREIGN = ("foreign", "international", "overseas", "migrant", "expatriate", "visiting")
# foreign nationality only, unlike FOREIGN (China's "migrant workers" are Chinese); "expat" also matches "expatriate"
ALIENS = ("foreign", "overseas", "expat")
NON_STATE_GROUPS = {"REB", "UAF", "OPP", "PTY"}  # a country's rebels, militias, opposition and parties act in it
REACTIONS = {"response", "retaliation", "reaction", "revenge", "reprisal", "answer", "wake", "aftermath"}
FRONTIERS = {"border", "frontier", "boundary"}  # "along the border with Armenia": Armenia
COUNTERPARTS = {"counterpart"}  # "his Greek counterpart"
GOVERNMENTS = {"government", "authorities", "administration", "regime", "cabinet"}  # not a title: "President Bush"
# "urged India to support the UN resolution": a text supported, not someone helped
PROPOSALS = {"resolution", "proposal", "plan", "motion", "bill", "draft", "initiative", "amendment", "text"}
CROWD_ROOTS = ("14", "17")  # protest and coercion: a place target may stand for the crowd already named


def _abroad(actor: ResolvedActor, words: Iterable[str] = ABROAD) -> bool:
    """A state's mission or envoy abroad, by the words that name it ("the embassy in Tehran")."""
    text = actor.text.lower()
    return any(w in text for w in words)


def _reciprocal(head: Token) -> bool:
    """"each other", "one another", or a noun they own ("each other's diplomats")."""
    def pronoun(t: Token) -> bool:  # the parser hangs either word on the other
        pair = {t.lower_} | {c.lower_ for c in kids(t)}
        return pair >= {"each", "other"} or pair >= {"one", "another"}
    return pronoun(head) or any(c.dep_ == "poss" and pronoun(c) for c in kids(head))


def _same_actor(a: ResolvedActor, b: ResolvedActor) -> bool:
    """The same actor on both sides: same code, or the same words (an actor is never its own target)."""
    return a.code == b.code or ((a.start, a.end) == (b.start, b.end) and a.entity == b.entity)


def _same_party(a: ResolvedActor, b: ResolvedActor) -> bool:
    """Two members of one compound that are one party (China and its Foreign Minister)."""
    return a.code == b.code or bool(a.entity and a.entity == b.entity and (not a.role or not b.role))
