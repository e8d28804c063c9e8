"""Actor phrases: which mentions make up one actor, and what code that actor gets.

A noun phrase's mentions compose: a country, adjective or capital gives the entity, a role word the
role (`Russian troops` -> RUSMIL), a named person their code on the story date. Coordination splits
actors (`China and Russia`) except where titles are coordinated before one name (`Deputy Prime
Minister and Foreign Minister Mukhtar Tleuberdi`). Story memory resolves surnames, pronouns and
"the two sides" within one story, never across stories.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Iterator

from spacy.tokens import Doc, Token

from coder.codebook.schema import UNKNOWN_COUNTRY, Actor, Rules
from coder.match.actors import ActorIndex, Mention
from coder.match.syntax import (ATTRIBUTIONS, PATRONAGE, direct_object, first_conjunct, holders, hyphen_prefix,
                                hyphen_suffix, kids, preposition_objects)

# Dependencies that stay inside one actor's noun phrase.
NP_DEPS = {"compound", "amod", "nmod", "poss", "det", "flat", "case", "nummod", "quantmod", "punct",
           "appos", "npadvmod", "predet", "nn", "poss"}
OF_PREPS = {"of", "from"}
NAMED_GROUPS = ("armed_group",)  # a named armed group in the phrase outranks a country adjective
LOCAL_PREPS = {"in", "throughout", "across"}  # "police in Kenya", "students throughout Indonesia"
ABROAD = ("embassy", "consulate", "ambassador", "envoy", "diplomat", "mission")  # a state's people abroad
GATHERINGS = {"talk", "talks", "meeting", "summit", "conference", "negotiation", "forum", "ceremony", "session",
              "rally", "event", "game", "games", "festival", "congress", "convention", "assembly", "hearing", "trial"}
# "the embassy in Brasilia" is some other state's ("a diplomat in the UAE" may well be its own)
MISSIONS = {"embassy", "consulate", "mission"}
NOT_SITES = MISSIONS | GATHERINGS  # "students at a university in Tehran" is a site; talks in Geneva are not
FIGHTERS = ("MIL", "REB", "UAF")  # as often foreign as local to the place they are in ("troops in Syria")
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam"}
PLURAL_PRONOUNS = {"they", "them", "their"}  # may stand for all the actors of a compound antecedent
SEQUEL_PREPS = {"after", "following", "upon"}  # "... after accusing it of": a participle that trails its clause
# verbs whose subject an object pronoun in their complement clause may mean ("Iran said the US attacked it")
SPEECH_VERBS = {"say", "tell", "claim", "report", "announce", "state", "add", "insist", "allege", "complain", "warn",
                "confirm", "charge", "accuse", "protest"}
# heads that stand for the people of their of-phrase: "a group of Moroccan diplomats"
LEADS = {"leader", "head", "chief", "chairman", "chairwoman", "chair"}  # "the leader of X" stands for X
ANAPHORIC_STATES = {"country", "nation"}  # "the country's rebels": the country the sentence named last
GOVERNED = {"country", "nation", "state", "kingdom", "republic", "island", "emirate", "province", "region", "city",
            "capital", "government", "regime", "administration"}  # "the country's leader" is a government's
PARTITIVES = {"group", "delegation", "team", "member", "number", "dozen", "hundred", "thousand", "million", "billion",
              "some", "many", "most", "several", "all", "majority", "part", "contingent", "convoy", "unit",
              "leader", "representative", "head", "one", "two", "three", "four", "five", "each", "both",
              "band", "batch", "wave", "squad", "column", "detachment", "faction", "wing", "bloc",
              # people who come from an organisation and stand for it: "inspectors from the IAEA"
              "inspector", "expert", "negotiator", "monitor", "observer", "investigator", "specialist", "technician",
              "mediator", "delegate", "emissary", "staff", "staffer", "personnel", "adviser", "advisor"}

OFFICES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}  # roles one holds and leaves
FORMER = {"former", "ex", "ex-"}
STATE_OFFICES = {"GOV", "LEG"}  # a party's lawmakers or ministers are the legislature or government
# where a force is posted and what it moves in: a force's role word on these names the force ("a military base",
# "an army checkpoint", "a police station", "a military convoy"; not "a migrant ship")
FORCES = {"MIL", "COP", "REB", "UAF", "SPY", "INS", "SEP"}
POSTS = {"base", "airbase", "post", "outpost", "checkpoint", "camp", "barrack", "barracks", "garrison", "station",
         "position", "headquarters", "compound", "convoy", "patrol", "vehicle", "truck", "jeep", "helicopter",
         "aircraft", "jet", "plane", "drone", "ship", "vessel", "boat", "academy", "installation", "facility"}
SPEAKERS_FOR = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "negotiator", "inspector",
                "monitor", "observer", "investigator"}  # "a spokesman for X", "inspectors for the UN agency"
# people, craft and collective nouns without a role of their own: "NATO leaders", "UN experts", "Russian aircraft",
# "Russian missiles", "a Palestinian guerrilla group" are their modifiers' actor
PEOPLE = {"leader", "member", "representative", "delegate", "negotiator", "expert", "observer", "monitor",
          "inspector", "investigator", "mediator", "chief", "head", "counterpart", "partner", "ally", "officer",
          "aircraft", "submarine", "frigate", "destroyer", "missile", "rocket", "helicopter", "vessel", "ship",
          "boat", "tanker",
          # collectives named by their modifiers: "a Palestinian guerrilla group", "the al-Qaeda terror network"
          "group", "movement", "organization", "organisation", "network", "faction", "wing", "cell", "outfit",
          "offshoot", "affiliate", "contingent", "unit"}


@dataclass(frozen=True)
class ResolvedActor:
    """An actor found in text, with its code on the story date and why it got it."""

    code: str
    entity: str  # country or organisation part ("" when unknown)
    role: str  # role part ("" when none)
    start: int  # token span in the Doc
    end: int
    text: str
    start_char: int
    end_char: int
    why: str = ""
    person: bool = False
    kind: str = ""

    @property
    def is_place(self) -> bool:
        """A country or one of its regions or cities, with no role: where events happen."""
        return self.kind in ("country", "territory") and bool(self.entity) and not self.role and not self.person


@dataclass
class StoryMemory:
    """What earlier sentences of the same story said, for surnames, pronouns and 'the two sides'."""

    surnames: dict[str, ResolvedActor] = field(default_factory=dict)
    last_person: ResolvedActor | None = None
    pair: tuple[ResolvedActor, ResolvedActor] | None = None

    def note_person(self, actor: ResolvedActor, doc: Doc) -> None:
        self.last_person = actor
        for token in doc[actor.start:actor.end]:
            if token.is_alpha and token.text[:1].isupper() and len(token.text) > 1 and token.lower_ not in HONORIFICS:
                self.surnames.setdefault(token.text, actor)

    def note_pair(self, a: ResolvedActor, b: ResolvedActor) -> None:
        if a.entity and b.entity and a.entity != b.entity:
            self.pair = (_bare(a), _bare(b))


def _bare(actor: ResolvedActor) -> ResolvedActor:
    """The entity alone ('the two sides' stands for the countries, not their ministers)."""
    return ResolvedActor(actor.entity, actor.entity, "", actor.start, actor.end, actor.text,
                         actor.start_char, actor.end_char, "entity of " + actor.code, False, "")


def takes_role(kind: str, code: str, entity: str) -> bool:
    """Countries and organisations take a role word (UN peacekeepers -> IGOUNOMIL); armed groups and
    institutions already name what they are ('Taliban militants' stays the Taliban's code)."""
    if kind in ("armed_group", "institution", "person"):
        return False
    return kind in ("country", "territory", "igo", "ngo") or code == entity


def _hint(actor: Actor) -> str:
    return actor.code if actor.kind == "armed_group" else actor.entity


def split_code(code: str, entity: str) -> str:
    return code[len(entity):] if entity and code.startswith(entity) else ""


class PhraseResolver:
    """Resolves a head token to the actor(s) its noun phrase names, for one document."""

    def __init__(self, index: ActorIndex, doc: Doc, mentions: list[Mention], day: dt.date | None,
                 memory: StoryMemory, rules: Rules, unknown_country: str = UNKNOWN_COUNTRY) -> None:
        self.index = index
        self.doc = doc
        self.day = day
        self.memory = memory
        self.rules = rules
        self.unknown = unknown_country
        self.side_words = set(rules.side_words)
        self.person_pronouns = set(rules.person_pronouns)
        self.group_pronouns = set(rules.group_pronouns)
        self.quantities = frozenset(rules.people_quantities)
        self.nations = frozenset(rules.people_nations)
        self.at: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.at[i] = m
        self._cache: dict[int, list[ResolvedActor]] = {}

    # -- public ------------------------------------------------------------------------------
    def sole_country(self, start: int, end: int) -> str:
        """The one country that every country, region or city named in tokens [start, end) belongs to; "" when
        none is named or several are."""
        mentions = {id(m): m for i in range(start, end) if (m := self.at.get(i)) is not None and m.kind == "actor"}
        places = [self.index.actors[m.actor] for m in mentions.values()]
        found = {a.code[:3] for a in places if a.kind in ("country", "territory")}  # (Hong Kong is HKG)
        return found.pop() if len(found) == 1 else ""

    def resolve(self, head: Token | None, loose: bool = False) -> list[ResolvedActor]:
        """All actors named by the phrase headed by `head` (several for 'A and B').

        `loose` (used for targets) lets an actor modifier stand for a non-actor head noun:
        "an Islamic State target", "Russian positions" name their owner as the target.
        """
        if head is None:
            return []
        key = (head.i, loose)
        if key not in self._cache:
            # in progress: a pronoun inside the phrase that refers back to it ("a Taliban commander and five of
            # his men") finds nothing here instead of resolving the phrase again, endlessly
            self._cache[key] = []
            self._cache[key] = self._resolve(head, loose)
        return self._cache[key]

    def resolve_modifiers(self, noun: Token) -> list[ResolvedActor]:
        """The actor named by a noun trigger's modifiers: 'a Pakistani rebel suicide attack' -> PAKREB."""
        mods = [c for c in kids(noun) if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        core: set[int] = set()
        for m in mods:
            core |= self._core(m)
        actor_tokens = [i for i in sorted(core) if i in self.at and self.at[i].kind in ("actor", "agent")]
        if not actor_tokens:
            return []
        if all(self.at[i].kind == "agent" and self.doc[i].pos_ == "ADJ" for i in actor_tokens) and \
                noun.lemma_.lower() not in POSTS:
            # a role adjective alone names no actor: "military support", "more military aid" (but a force's post
            # is the force: "attacked military positions in Asir")
            return []
        key = (noun.i, "modifiers")
        if key not in self._cache:
            self._cache[key] = self._one(self.doc[actor_tokens[-1]], core, loose=True)
        return self._cache[key]

    def crowd(self, head: Token, role: str) -> ResolvedActor:
        """The people taking part in a protest: "broke up Iranian protests" -> IRN + role, "an opposition rally"
        -> the modifier's own role (OPP), "student protests" (EDU); of unknown country when nothing names it
        (the place or the other side may give it later)."""
        # "a rally by opposition supporters", "the demonstration staged by students"
        by = preposition_objects(head, "by") + [o for c in kids(head) if c.dep_ == "acl" for a in kids(c)
                                                 if a.dep_ == "agent" for o in kids(a) if o.dep_ == "pobj"]
        named = [a for o in by for a in self.resolve(o)] or self.resolve_modifiers(head) or [
            a for c in kids(head) if c.dep_ == "poss" for a in self.resolve(c)]
        core = {head.i}
        if named and named[0].role:
            return replace(named[0], why=f"the people at {head.text!r}: " + named[0].why)
        country = named[0] if named and named[0].entity and not named[0].person else next(
            (a for prep in ("in", "at", "across", "outside") for o in preposition_objects(head, prep)
             for a in self.resolve(o, True) if a.is_place), None)  # "Iranian protests", "a rally in Yangon"
        if country is not None:
            return self._make(country.entity + role, country.entity, role, core,
                              f"the people at {head.text!r} -> {role}; country from {country.text!r}")
        return self._make(self.unknown + role, "", role, core, f"the people at {head.text!r} -> {role}")

    def resolved_at(self, i: int) -> list[ResolvedActor]:
        return [a for (j, _), actors in self._cache.items() if j == i for a in actors]

    def is_actor_word(self, token: Token) -> bool:
        return token.i in self.at

    def is_name_word(self, token: Token) -> bool:
        """A word of a named actor (not of a role word alone)."""
        return token.i in self.at and self.at[token.i].kind == "actor"

    # -- composition -------------------------------------------------------------------------
    def _resolve(self, head: Token, loose: bool) -> list[ResolvedActor]:
        split = self._modifier_coordination(head, loose)
        if split:
            return split
        group = [head]
        if head.dep_ != "conj" and any(c.dep_ == "conj" for c in kids(head)):  # spaCy's conjuncts walk is costly
            group += [c for c in head.conjuncts if c.i > head.i]
        named = self.at.get(head.i)
        if named is not None and named.end - named.start > 1 and len(group) == 1:
            # "Barack Obama and Vladimir Putin" parsed with "Barack" as head and "Putin" hung on "Obama": a
            # conjunct of any word of the name is the name's conjunct
            group += [c for t in self.doc[named.start:named.end] if t.i != head.i
                      for c in kids(t) if c.dep_ == "conj" and c.i >= named.end]
        for member in list(group):
            for c in kids(member):  # "the US, Russia, and Switzerland": lists parsed as appositions
                if c.dep_ == "appos" and self._entity_name(member) and self._entity_name(c):
                    group += [c, *[x for x in c.conjuncts if x.i > c.i]]
        group = sorted({t.i: t for t in group}.values(), key=lambda t: t.i)
        listed = {t.i for t in group}
        cores = [self._core(t, listed) for t in group]
        merged: list[tuple[Token, set[int]]] = []
        pending: set[int] = set()
        for k, (tok, core) in enumerate(zip(group, cores)):
            if k + 1 < len(group) and self._title_only(tok, core) and self._namelike(group[k + 1]):
                pending |= core
                continue
            merged.append((tok, core | pending))
            pending = set()
        actors: list[ResolvedActor] = []
        for tok, core in merged:
            actors.extend(self._one(tok, core, loose))
        # role-only conjuncts take the entity of their neighbours ("Russian troops and police")
        entity = next((a for a in actors if a.entity and a.role), None) or next((a for a in actors if a.entity), None)
        if entity is not None:
            # "The United States, India and other governments": unnamed other states are no actor (not ---GOV);
            # "Amnesty's head and other rights activists" are someone else, not of the neighbour's country
            others = [a for a in actors if not a.entity and any(
                t.lower_ in ("other", "another") for t in self.doc[a.start:a.end])]
            actors = [self._with_entity(a, entity) if not a.entity and a.role and a not in others else a
                      for a in actors if a not in others or a.role not in STATE_OFFICES]
            actors = [replace(a, code=a.entity, role="", why=a.why + "; the nation (people: nations)")
                      if self._shared_nation(a, entity, group[0]) else a for a in actors]
        # "Sierra Leonean and Liberian refugees", parsed as two conjuncts: a country adjective standing alone
        # (not a name, not a plural "Liberians") shares the role of the conjunct after it
        # (an armed group's role is part of its name: "Ethiopia and the Tigray People's Liberation Front" share none)
        roled = next((a for a in actors if a.entity and a.role and a.kind != "armed_group"), None)
        if roled is not None and len(actors) > 1:
            actors = [replace(a, code=a.entity + roled.role, role=roled.role, why=a.why + f"; role from {roled.text!r}")
                      if (self._bare_adjective(a) or self._shares_possessor(a, roled)) and a.start < roled.start else a
                      for a in actors]
        return actors

    def _shared_nation(self, actor: ResolvedActor, entity: ResolvedActor, first: Token) -> bool:
        """"the Chinese government and people": an uncounted nation word after a conjunct whose "the" and country
        adjective it shares is the nation itself, as "the Chinese people" is (rules.yaml people: nations; not "the
        government and 100 people", nor "the government and its people")."""
        word = self.doc[actor.end - 1]
        return actor.role == self.rules.counted_people_role and bool(actor.entity) and actor.start > entity.start and \
            word.lemma_.lower() in self.nations and not self._counted(word) and \
            not any(c.dep_ == "det" for c in kids(word)) and \
            any(c.dep_ == "det" and c.lower_ == "the" for c in kids(first))

    def _shares_possessor(self, actor: ResolvedActor, roled: ResolvedActor) -> bool:
        """"Iran and Saudi Arabia's foreign ministers": a bare country right before "and" and a possessive
        country's role word reads distributively (both countries' ministers, IRNGOV and SAUGOV)."""
        if actor.role or actor.kind != "country" or actor.end + 1 != roled.start or \
                self.doc[actor.end].lower_ not in ("and", "&"):
            return False
        return any(t.dep_ == "poss" and (m := self.at.get(t.i)) is not None and m.kind == "actor"
                   for t in self.doc[roled.start:roled.end])

    def _bare_adjective(self, actor: ResolvedActor) -> bool:
        m = self.at.get(actor.end - 1)
        return (not actor.role and actor.kind == "country" and m is not None and m.kind == "actor"
                and m.form == "adjective" and self.doc[actor.end - 1].tag_ != "NNPS" and
                not self.doc[actor.end - 1].lower_.endswith("s"))

    def _modifier_coordination(self, head: Token, loose: bool) -> list[ResolvedActor]:
        """"Colombia's government and FARC rebels", parsed as one phrase headed by "rebels" whose modifier
        "government" is coordinated with "FARC": two actors, COLGOV and COLREB."""
        for mod in kids(head):
            m = self.at.get(mod.i)
            if mod.dep_ not in ("nmod", "compound") or mod.i > head.i or m is None or m.kind != "agent":
                continue
            conj = next((c for c in kids(mod) if c.dep_ == "conj" and c.i < head.i), None)
            if conj is None:
                continue
            before = {t.i for c in kids(head) if c.i < mod.i for t in c.subtree}  # "Colombia's" on the head
            first = self._one(mod, self._core(mod, {conj.i}) | before, loose)
            second = self._one(head, {head.i} | {t.i for t in conj.subtree}, loose)
            if any(a.entity for a in first) and any(a.entity for a in second):
                return first + second
        return []

    def _entity_name(self, token: Token) -> bool:
        m = self.at.get(token.i)
        return m is not None and m.kind == "actor" and m.form != "adjective" and self.index.actors[m.actor].kind != "person"

    def _core(self, head: Token, listed: set[int] = frozenset()) -> set[int]:
        out = {head.i}
        todo = [head]
        role_head = head.i in self.at and self.at[head.i].kind == "agent"
        # "the president of Russia", "officials from Iran"; "a court in Guyana", "police in Kenya" (local
        # institutions) -- but not "troops in Syria", which are as often foreign as local
        # -- nor "the embassy in Brasilia", some other state's
        preps = OF_PREPS | (LOCAL_PREPS if role_head and self.at[head.i].role not in FIGHTERS
                            and head.lemma_.lower() not in MISSIONS else set())
        while todo:
            tok = todo.pop()
            for child in kids(tok):
                if child.i in listed:
                    continue
                coordinated_modifier = tok.i != head.i and child.dep_ in ("conj", "cc")  # "Hungarian and Romanian"
                if child.dep_ == "appos" and _misparsed_speaker(child):
                    continue
                if child.dep_ in NP_DEPS or coordinated_modifier or (
                        child.dep_ == "prep" and role_head and child.lower_ in preps):
                    out.add(child.i)
                    todo.append(child)
                elif child.dep_ == "pobj" and tok.dep_ == "prep" and tok.i in out:
                    out.add(child.i)
                    todo.append(child)
        return out

    def _title_only(self, head: Token, core: set[int]) -> bool:
        m = self.at.get(head.i)
        if m is None or m.kind != "agent":
            return False
        for i in core:
            mi = self.at.get(i)
            if mi is not None and mi.kind == "actor" and mi.form not in ("adjective",):
                return False
        return True

    def _namelike(self, token: Token) -> bool:
        m = self.at.get(token.i)
        if m is not None:
            return m.kind == "actor" and self.index.actors[m.actor].kind == "person"
        return token.pos_ == "PROPN"

    def _with_entity(self, actor: ResolvedActor, entity: ResolvedActor) -> ResolvedActor:
        return ResolvedActor(entity.entity + actor.role, entity.entity, actor.role, actor.start, actor.end,
                             actor.text, actor.start_char, actor.end_char,
                             actor.why + f"; country from {entity.text!r}", False, actor.kind)

    def _make(self, code: str, entity: str, role: str, tokens: set[int], why: str, person: bool = False,
              kind: str = "") -> ResolvedActor:
        lo, hi = min(tokens), max(tokens) + 1
        span = self.doc[lo:hi]
        return ResolvedActor(code, entity, role, lo, hi, span.text, span.start_char, span.end_char, why, person, kind)

    def _one(self, head: Token, core: set[int], loose: bool = False) -> list[ResolvedActor]:
        low = head.lower_
        if low in self.person_pronouns and head.pos_ == "PRON":
            found = self._antecedent(head, person=True)
            return [found] if found else []
        if low in self.group_pronouns and head.pos_ == "PRON":
            accused = self._participle_object(head)
            if accused is not None:
                return [accused]
            if low in PLURAL_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):  # "Obama and Putin said they will": both
                return self._plural_antecedent(head) or ([found] if (found := self._antecedent(head, False)) else [])
            found = self._antecedent(head, person=False)
            return [found] if found else []
        mentions: list[Mention] = []
        seen: set[int] = set()
        for i in sorted(core):
            m = self.at.get(i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                mentions.append(m)
        both = next((m for m in mentions if m.kind == "both"), None)
        if both is not None:
            if not self.memory.pair:
                return []
            span = self.doc[both.start:both.end]
            return [ResolvedActor(a.code, a.entity, a.role, span.start, span.end, span.text, span.start_char,
                                  span.end_char, f"{span.text!r} -> the story's last two parties ({a.why})", False,
                                  a.kind) for a in self.memory.pair]
        persons = [m for m in mentions if m.kind == "actor" and self.index.actors[m.actor].kind == "person"]
        if persons:
            linked = [self._titled_person(m, persons) for m in self._coordinated([m for m in mentions
                                                                                  if m.kind == "actor"])]
            if len(linked) > 1 and any(m in persons for m in linked):
                # "President Juan Manuel Santos and FARC commander Rodrigo Londono" flattened into one phrase
                return [a for m in dict.fromkeys(linked) for a in self._entity_actor(m, "", set(range(m.start, m.end)))]
            m = min(persons, key=lambda p: abs(p.start - head.i))
            return [self._person(m, core)]
        surname = self._surname(head, core)
        if surname is not None:
            return [surname]
        head_mention = self.at.get(head.i)
        if head_mention is None and head.pos_ == "PROPN" and not any(i in self.at for i in core):
            # a name no dictionary knows is what its apposition or of-phrase says it is: "Ahmed Ali, a member of
            # the Islamic State group", "Sajid Mir, of the Lashkar-e-Taiba group" (an organisation, not a country)
            for c in kids(head):
                described = [c] if c.dep_ == "appos" else [o for o in kids(c) if o.dep_ == "pobj"] if (
                    c.dep_ == "prep" and c.lower_ == "of") else []
                for d in described:
                    found = [a for a in self.resolve(d, True) if not a.person]
                    if found and (c.dep_ == "appos" or all(a.kind not in ("country", "territory") for a in found)):
                        return found
        if head.lemma_.lower() in SPEAKERS_FOR:
            # "a spokesman for the Taliban", "a spokeswoman for the Foreign Ministry": whoever they speak for
            for_ = [a for o in preposition_objects(head, "for") for a in self.resolve(o, True)]
            if for_:
                return for_
        if head.pos_ == "NOUN" and (head_mention is None or (head_mention.kind == "agent" and not any(
                m.kind == "actor" for m in mentions))):
            named = [p for c in kids(head) if c.dep_ == "prep" and (c.lower_ in ("like", "including") or (
                c.lower_ == "as" and any(k.lower_ == "such" for k in (*kids(head), *kids(c))))) for p in kids(c)
                if p.dep_ == "pobj"]
            if named:  # "partners like Saudi Arabia", "countries such as Iran and Syria": the ones it names;
                # "detained 12 people, including two Americans": the ones named, not people of no country
                found = [a for o in named for a in self.resolve(o, loose)]
                if any(a.entity for a in found):  # (not "Russian aircraft including helicopter gunships")
                    return found
        if head_mention is None and head.lemma_.lower() in self.side_words:
            low = head.lemma_.lower()  # "the Turkish and Greek sides"
        if head_mention is None and head.lemma_.lower() in PARTITIVES and not (loose and holders(head)):
            # (a part held by someone is the holder's: "parts of Yemen controlled by Houthi rebels" -> YEMREB)
            of = [p for c in kids(head) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c) if p.dep_ == "pobj"] or [
                p for c in kids(head) if c.dep_ == "prep" and c.lower_ == "from" for p in kids(c) if p.dep_ == "pobj"]
            if of:  # "a group of Moroccan diplomats", "leaders of the opposition", "a delegation from Hamas"
                return [a for o in of for a in self.resolve(o, loose)]
        if head_mention is None and head.tag_ == "NNS" and head.lemma_.lower() in self.quantities and \
                head.dep_ in ("nsubj", "nsubjpass") and len(core) == 1 and self.unknown and \
                not any(c.dep_ == "prep" for c in kids(head)):
            # "Thousands protested in Caracas", "dozens were arrested": people counted alone as the subject
            # (the place may give their country; as an object, "killed thousands" is the toll of its subject)
            role = self.rules.counted_people_role
            return [self._make(self.unknown + role, "", role, core, f"people counted alone -> {role}")]
        if head_mention is not None and head.lemma_.lower() in LEADS:
            # "the leaders of Egypt's Muslim Brotherhood", "leader of the FDU-Inkingi party": an organisation's
            # leaders are that organisation (a country's are its government: "the leaders of Egypt" EGYGOV)
            led = [a for c in kids(head) if c.dep_ == "prep" and c.lower_ in OF_PREPS  # "leaders from the CNRP"
                   for p in kids(c) if p.dep_ == "pobj" for a in self.resolve(p, True)]
            if led and all(a.kind not in ("country", "territory") and not a.person for a in led):
                return led
        if head_mention is None and head.pos_ != "PROPN" and low not in self.side_words and not loose \
                and head.lemma_.lower() not in PEOPLE:
            return []  # "the Russian economy": a country adjective on a non-actor noun is no actor
        entities = [m for m in mentions if m.kind == "actor"]
        if head_mention is not None and head_mention.kind == "agent":
            # "pro-EU protesters", "anti-American militants": a stance, not whose they are
            entities = [m for m in entities if hyphen_prefix(self.doc[m.start]) not in ("pro", "anti")]
        entities = [m for m in entities if hyphen_suffix(self.doc[m.end - 1]) not in PATRONAGE]  # "Russian-backed"
        roles = [m for m in mentions if m.kind == "agent"]
        if loose and head_mention is None and head.pos_ != "PROPN" and not entities and not (
                head.lemma_.lower() in POSTS and any(r.role in FORCES for r in roles)):
            # "hit five bases used by the Iraqi Hezbollah": a thing held or used by an actor stands for it;
            # "condemned the terrorist attack": a role word on a thing is no target (but a post or vehicle of a
            # force is that force: "stormed a military base in Herat", "attacked a police station in Kano")
            held = [a for o in holders(head) for a in self.resolve(o)]
            if any(not a.entity for a in held):  # "rebel-held areas of Idlib province", "in Idlib": rebels there
                place = next((p for prep in ("of", "in") for o in preposition_objects(head, prep)
                              for p in self.resolve(o, loose=True) if p.is_place), None)
                held = [self._with_entity(a, place) if place is not None and not a.entity else a for a in held]
            return held
        role = ""
        if roles:
            role_m = head_mention if head_mention in roles else min(roles, key=lambda r: abs(r.start - head.i))
            role = role_m.role
            if role in OFFICES and any(self.doc[i].lower_ in FORMER for i in core):
                role = "ELI"  # "former German chancellor", "ex-army chief": out of office, an elite
            if self.doc[role_m.end - 1].lemma_.lower() in LEADS and entities and all(
                    self.index.actors[e.actor].kind not in ("country", "territory", "person") for e in entities):
                role = ""  # "NATO leaders", "Hamas leaders": an organisation's leaders are the organisation
            if role == "GOV" and entities and all(self.index.actors[e.actor].kind == "ngo" for e in entities):
                role = ""  # "Amnesty International's secretary general": an NGO has no government
            if role == self.rules.counted_people_role and role_m is head_mention and head.lemma_.lower() in \
                    self.nations and any(e.form == "adjective" and self.doc[e.end - 1].head.i == head.i
                                         for e in entities) and not self._counted(head) and \
                    any(c.dep_ == "det" and c.lower_ == "the" for c in kids(head)):
                role = ""  # "the Palestinian people": the nation, as "the Palestinians" is (not "100 people")
        coordinated = self._coordinated(entities)
        if len(coordinated) > 1:  # "Hungarian and Romanian officials": one actor per country
            out = []
            for m in coordinated:
                out.extend(self._entity_actor(m, role, {m.start, m.end - 1, head.i} | (
                    {head.i} if head_mention in roles else set())))
            return out
        if entities:
            if head_mention in entities and head_mention.form == "people" and len(entities) > 1:
                entities = [e for e in entities if e is not head_mention]  # "Bosnian Serbs" live in Bosnia
            m = min(entities, key=lambda e: (e.start > head.i, abs(e.start - head.i)))  # pre-modifiers first
            named = [e for e in entities if self.index.actors[e.actor].kind in NAMED_GROUPS]
            if named and m.form == "adjective" and m not in named:
                m = named[0]  # "the Palestinian militant group Hamas": the group, not the country it is from
            actor = self.index.actors[m.actor]
            entity_code, dated = actor.code_on(self.day)
            why = f"{m.form} {self.doc[m.start:m.end].text!r} -> {actor.code} ({m.why})"
            if not role and self._individual(m):
                role = self.rules.counted_people_role  # "arrested 100 Palestinians", "shot a Palestinian"
            if dated is not None:
                why += f"; dated code {dated.code} valid {dated.valid.start or '...'}..{dated.valid.end or '...'}"
            if role and role not in entity_code[3:] and not entity_code.startswith(role) and \
                    takes_role(actor.kind, entity_code, actor.entity):  # "the UN peacekeeping mission" stays IGOUNO
                why += f"; role word -> {role}"
                code = entity_code + role
            elif role in STATE_OFFICES and entity_code.endswith("PTY") and actor.entity:
                # "Senate Democrats", "Labour ministers": a party's members in an office hold that office
                why += f"; role word -> {role}"
                code = actor.entity + role
            elif self._people_with_role(actor, entity_code, role):
                why += f"; role word -> {role}"
                code = actor.entity + role
            else:
                code = entity_code
            entity = actor.entity or entity_code
            resolved = self._make(code, entity, split_code(code, entity), core, why, kind=actor.kind)
            return [resolved]
        if role:
            if head.lemma_.lower() in LEADS and any(c.dep_ == "poss" and c.pos_ == "NOUN" and c.lemma_.lower() not in
                                                    GOVERNED and c.i not in self.at for c in kids(head)):
                return []  # "the group's leader", "the company's chief" lead no actor ("the country's leader" may)
            owner = self._possessive_owner(head, core) or self._the_country(head)
            if owner is not None and not owner.person and not takes_role(owner.kind, owner.code, owner.entity):
                # "Hamas said its gunmen ...": an armed group's members are the group, as in "Hamas's gunmen"
                return [self._make(owner.code, owner.entity, split_code(owner.code, owner.entity), core,
                                   f"'its/their' -> {owner.text!r}", kind=owner.kind)]
            if owner is not None:  # "Russia said its troops ..." -> RUSMIL
                code = owner.entity + role
                return [self._make(code, owner.entity, role, core, f"role word -> {role}; 'its/their' -> {owner.text!r}")]
            for tied in (a for o in holders(head, ties_only=True) for a in self.resolve(o)):
                if tied.entity and (tied.role in ("GOV", "MIL") if tied.person else tied.kind in ("country", "territory")):
                    # "companies linked to the Iranian military", "forces loyal to Assad": of the country (or
                    # group) they are tied to; a person only when they hold state power
                    return [self._make(tied.entity + role, tied.entity, role, core,
                                       f"role word -> {role}; country from {tied.text!r}")]
            abroad = head.lemma_.lower() in MISSIONS  # "the embassy in Brazil" is some other state's
            # ... or where the thing they are at is: "workers at the Cerro Verde mine in Peru", "students at a
            # university in Tehran", "doctors at hospitals across Kenya"
            # (not fighters, nor anyone at a gathering: "rebel groups at peace talks in South Sudan")
            sites = [o for p in ("at", "in") for o in preposition_objects(head, p) if o.lemma_.lower() not in
                     NOT_SITES and (o.i not in self.at or self.at[o.i].kind == "agent")
                     ] if role not in FIGHTERS else []
            for place in (a for p in LOCAL_PREPS if not abroad for o in preposition_objects(head, p) + [
                    n for site in sites for n in preposition_objects(site, p)] for a in self.resolve(o, True)):
                if place.is_place:
                    # "security forces in Guinea", "rebels in Darfur", "students throughout Indonesia": the country
                    # they are in
                    return [self._make(place.entity + role, place.entity, role, core,
                                       f"role word -> {role}; country from {place.text!r}")]
            recalled = self._recall_role(head, role)
            if recalled is not None:
                return [recalled]
            if not self.unknown:
                return []
            return [self._make(self.unknown + role, "", role, core, f"role word -> {role}; country unknown")]
        return []

    def _possessive_owner(self, head: Token, core: set[int]) -> ResolvedActor | None:
        """The actor a possessive pronoun in the phrase refers to ('its troops', 'their police'; 'his government':
        the person's country)."""
        for i in sorted(core):
            tok = self.doc[i]
            if tok.dep_ == "poss" and tok.pos_ == "PRON" and tok.lower_ in ("its", "their", "his", "her"):
                found = self._antecedent(tok, person=tok.lower_ in ("his", "her"))
                if found is not None and found.entity:
                    return found
        return None

    def _the_country(self, head: Token) -> ResolvedActor | None:
        """"the country's rebels", "the nation's Supreme Court": of the country named last before them in the
        sentence ("Libyan authorities suspended aid to the country's rebels" -> LBYREB); None when none is."""
        poss = next((c for c in kids(head) if c.dep_ == "poss" and c.lemma_.lower() in ANAPHORIC_STATES and
                     c.i not in self.at and any(d.lower_ == "the" for d in kids(c))), None)
        if poss is None:
            return None
        for i in range(poss.i - 1, poss.sent.start - 1, -1):
            m = self.at.get(i)
            if m is None or m.kind != "actor":
                continue
            actor = self.index.actors[m.actor]
            if actor.kind in ("country", "territory"):
                entity = actor.code[:3]
                named = self.doc[m.start:m.end].text
                return self._make(entity, entity, "", {poss.i}, f"'the {poss.text}' -> {named!r}", kind="country")
        return None

    def _coordinated(self, entities: list[Mention]) -> list[Mention]:
        """Entity mentions joined by a conjunction inside one noun phrase."""
        by_token = {m.end - 1: m for m in entities}
        linked: list[Mention] = []
        for m in entities:
            root = self.doc[m.end - 1]
            if root.dep_ == "conj" and root.head.i in by_token:
                pair = (by_token[root.head.i], m)
            elif root.dep_ == "amod" and any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in kids(root)):
                # "Vietnamese and Cambodian armed forces", parsed as two adjectives of the noun, the first with "and"
                nxt = next((x for x in entities if x.start > m.start and self.doc[x.end - 1].dep_ == "amod"
                            and self.doc[x.end - 1].head.i == root.head.i), None)
                if nxt is None:
                    continue
                pair = (m, nxt)
            else:
                continue
            for x in pair:
                if x not in linked:
                    linked.append(x)
        ordered = sorted(entities, key=lambda x: x.start)
        for a, b in zip(ordered, ordered[1:]):
            # whatever the parse: "Thai and Cambodian military commanders" (a noun modifier and an adjective),
            # "President Juan Manuel Santos and FARC commander Rodrigo Londono" (flattened into compounds)
            # (a title of the second between them: "President Trump and President Vladimir Putin")
            between = [t for t in self.doc[a.end:b.start] if t.dep_ != "det" and not (
                t.i in self.at and self.at[t.i].kind == "agent")]
            if len(between) == 1 and between[0].dep_ == "cc" and between[0].lower_ in ("and", "&"):
                linked += [x for x in (a, b) if x not in linked]
        return sorted(linked, key=lambda x: x.start)

    def _titled_person(self, m: Mention, persons: list[Mention]) -> Mention:
        """The person a modifier belongs to: "Trump and Japanese Prime Minister Shinzo Abe" -> Abe, not Japan."""
        if m in persons:
            return m
        later = next((p for p in persons if p.start >= m.end), None)
        if later is not None and not any(t.dep_ == "cc" for t in self.doc[m.end:later.start]):
            return later
        return m

    def _entity_actor(self, m: Mention, role: str, tokens: set[int]) -> list[ResolvedActor]:
        actor = self.index.actors[m.actor]
        if actor.kind == "person":
            return [self._person(m, tokens)]
        entity_code, _ = actor.code_on(self.day)
        if not role and self._individual(m):
            role = self.rules.counted_people_role  # "deported 168 Liberians and 20 Ivorians"
        code = entity_code if (not role or entity_code.endswith(role) or
                               not takes_role(actor.kind, entity_code, actor.entity)) else entity_code + role
        if self._people_with_role(actor, entity_code, role):
            code = actor.entity + role
        entity = actor.entity or entity_code
        why = f"{m.form} {self.doc[m.start:m.end].text!r} -> {actor.code} ({m.why})" + (f"; role word -> {role}" if role else "")
        return [self._make(code, entity, split_code(code, entity), tokens, why, kind=actor.kind)]

    def _people_with_role(self, actor: Actor, entity_code: str, role: str) -> bool:
        """A people coded as civilians (`kind: group`, code country + CVL) named with a role word takes that
        role instead: "Rohingya militants" -> MMRUAF, "Rohingya refugees" -> MMRREF."""
        return bool(role) and actor.kind == "group" and \
            split_code(entity_code, actor.entity) == self.rules.counted_people_role

    def _individual(self, m: Mention) -> bool:
        """People counted ("168 Liberians", "thousands of Nigerians") or one person ("a Palestinian", an
        adjective used as a noun with an indefinite article) rather than the nation."""
        last = self.doc[m.end - 1]
        if m.form == "people":
            return self._counted(last)
        if m.form == "adjective" and last.dep_ == "amod" and last.head.tag_ == "NNPS" and self._counted(last.head):
            return True  # "thousands of Iraqi Kurds": a counted people the dictionary does not know, of that country
        return m.form == "adjective" and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") \
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in kids(last))

    def _counted(self, people: Token) -> bool:
        """A people noun with a number ("168 Liberians") or under a quantity ("thousands of Nigerians") names
        individuals, not the nation ("the Palestinians rejected the plan"); so are the peoples coordinated with a
        counted one ("thousands of Syrians, Iraqis and Afghans", "20 Syrians and Iraqis")."""
        while (first := first_conjunct(people)) is not people:
            people = first
        if any(c.dep_ == "nummod" for c in kids(people)):
            return True
        return (people.dep_ == "pobj" and people.head.lower_ == "of" and
                people.head.head.lemma_.lower() in self.quantities)

    def _person(self, m: Mention, core: set[int]) -> ResolvedActor:
        actor: Actor = self.index.actors[m.actor]
        named = {self.at[i] for i in core if i in self.at} if self.day is None else set()
        # an armed group hints at its own code ("the Taliban spokesman": the insurgency's range, not the government's)
        hints = frozenset(_hint(self.index.actors[o.actor]) for o in named if o.kind == "actor" and o is not m)
        roles = frozenset(o.role for o in named if o.kind == "agent")  # "General David Petraeus": MIL
        code, dated = actor.code_on(self.day, hints, roles)
        if self.day is None and actor.code != code and any(self.doc[i].lower_ in FORMER for i in core):
            code, dated = actor.code, None  # "Former German Chancellor Willy Brandt": out of office (DEUELI)
        entity = actor.country or actor.entity
        why = f"person {self.doc[m.start:m.end].text!r} ({m.why})"
        if dated is not None:
            why += f"; {dated.code} valid {dated.valid.start or '...'}..{dated.valid.end or '...'}"
            why += f" ({dated.note})" if dated.note else ""
        else:
            why += f"; no dated code applies on {self.day or 'an undated story'} -> {code}"
        if not entity and code.startswith("IGO"):
            entity = code
        role = split_code(code, entity)
        if self.day is not None and role in ("ELI", "") and entity and not code.startswith("IGO") and \
                not any(self.doc[i].lower_ in FORMER for i in core):
            # "Taiwan Representative Bi-khim Hsiao" on a date the dictionary knows no office of hers: the title
            # in the text names the office she holds
            titles = [self.at[i].role for i in sorted(core) if i in self.at and self.at[i].kind == "agent"
                      and self.at[i].role in OFFICES and i < m.start and self.doc[i].lemma_.lower() not in LEADS]
            # (not a party's or a region's president: "BJP president Amit Shah", "KRG President Masoud Barzani")
            if titles and all(self.index.actors[self.at[i].actor].kind == "country" for i in core
                              if i in self.at and self.at[i].kind == "actor" and self.at[i] is not m):
                role, code = titles[-1], entity + titles[-1]
                why += f"; title in the text -> {titles[-1]}"
        resolved = self._make(code, entity, role, core, why, True, "person")
        self.memory.note_person(resolved, self.doc)
        return resolved

    def _surname(self, head: Token, core: set[int]) -> ResolvedActor | None:
        for i in sorted(core, key=lambda j: abs(j - head.i)):
            tok = self.doc[i]
            if tok.pos_ == "PROPN" and i not in self.at:
                hit = self.memory.surnames.get(tok.text)
                if hit is not None and hit.start != i:
                    span = self.doc[min(core):max(core) + 1]
                    return ResolvedActor(hit.code, hit.entity, hit.role, span.start, span.end, span.text,
                                         span.start_char, span.end_char,
                                         f"surname {tok.text!r} -> {hit.text!r} earlier in the story", True, "person")
        return None

    def _recall_role(self, head: Token, role: str) -> ResolvedActor | None:
        """'the minister' -> the last person of the story with that role."""
        has_the = any(c.lower_ == "the" and c.dep_ == "det" for c in kids(head))
        last = self.memory.last_person
        if has_the and last is not None and last.role == role and head.tag_ in ("NN", "NNP"):
            span = self.doc[head.left_edge.i:head.i + 1]
            return ResolvedActor(last.code, last.entity, last.role, span.start, span.end, span.text,
                                 span.start_char, span.end_char, f"'the {head.text}' -> {last.text!r}", True, "person")
        return None

    def _governing_subjects(self, pron: Token) -> Iterator[list[ResolvedActor]]:
        """The actors of each subject above a pronoun, nearest clause first.

        An object pronoun never refers to the subject of its own clause ("Israeli tanks fired at them":
        not the tanks); it may mean only the speaker of its clause ("Iran said the US attacked it")."""
        own = _own_clause(pron)
        node = pron
        while node.head.i != node.i:
            below, node = node, node.head
            if own is None and node.pos_ == "NOUN" and below.dep_ in ("acl", "ccomp") and \
                    node.lemma_.lower() not in self.rules.obligation.nouns:
                # "a Russian announcement that it had opened corridors": whose announcement it is (but "the EU's
                # demand that it withdraw" asks someone else)
                poss = [c for c in kids(node) if c.dep_ == "poss"]
                owner = self.resolve(poss[0]) if poss else self.resolve_modifiers(node)
                if owner:
                    yield owner
            if own is not None and not (own.dep_ == "ccomp" and node.i == own.head.i
                                        and node.lemma_.lower() in SPEECH_VERBS):
                continue
            for child in kids(node):
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < pron.i and child.pos_ != "PRON":
                    yield _one_per_code(self.resolve(child))  # "the PKK (PKK)" names one antecedent

    def _plural_antecedent(self, pron: Token) -> list[ResolvedActor]:
        """'they' for a compound subject of a governing clause: every actor it names."""
        for found in self._governing_subjects(pron):
            if len(found) > 1:
                return [replace(a, why=f"'{pron.text}' -> {a.text!r}; " + a.why) for a in found]
            if found:
                return []
        return []

    def _participle_object(self, pron: Token) -> ResolvedActor | None:
        """"cut ties with Qatar, accusing IT of supporting terrorism", "filed a case against Israel at the ICJ,
        accusing IT of genocide": the object pronoun of a trailing participle is a party the main clause acted on,
        never its subject -- "it" the first, "them" the nearest ("suspended aid to parts of Yemen controlled by
        Houthi rebels, accusing THEM")."""
        verb = pron.head
        if pron.dep_ != "dobj" or verb.tag_ != "VBG":
            return None
        if verb.dep_ == "advcl":
            main = verb.head
        elif verb.dep_ == "pcomp" and verb.head.lower_ in SEQUEL_PREPS:
            main = verb.head.head  # "threatened to shell Hezbollah positions after accusing IT of firing"
        else:
            return None
        if verb.i < main.i:
            return None
        obj = direct_object(main)
        struck = [] if obj is None else [a for a in self.resolve(obj, True) if (a.entity or a.role) and not a.person]
        if struck:  # "stormed a police headquarters after striking IT with car bombs": what the main clause struck
            return _as_pronoun(struck[0], pron)
        subject = {t.i for c in kids(main) if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        parties = [found[0] for named in self._named_before(pron, after=main.i)
                   if (found := [a for a in named if a.entity and not a.person and a.start not in subject])]
        if not parties:
            return None
        return _as_pronoun(parties[0] if pron.lower_ in PLURAL_PRONOUNS else parties[-1], pron)

    def _antecedent(self, pron: Token, person: bool) -> ResolvedActor | None:
        """A pronoun refers to the subject of a governing clause, else (he/she) the story's last person."""
        passed_person = False
        for found in self._governing_subjects(pron):
            # "its" and "their" never mean one person (but "the Assad regime" is no person)
            fitting = [a for a in found if a.person] if person else [a for a in found if not self._named_person(a)]
            if len(fitting) == 1:
                return fitting[0]
            if person and len(found) == 1 and self._office(found[0]):
                return found[0]  # "Former German Chancellor Willy Brandt said he was ...": one office-holder
            passed_person = passed_person or (not person and any(self._named_person(a) for a in found))
        if passed_person:
            # "Netanyahu vowed to destroy Hamas after its gunmen stormed into Israel": the nearest group named before
            return self._earlier_group(pron)
        if person:
            earlier = self._earlier_person(pron)
            if earlier is not None:
                return earlier
        if person and self.memory.last_person is not None:
            last = self.memory.last_person
            return ResolvedActor(last.code, last.entity, last.role, pron.i, pron.i + 1, pron.text, pron.idx,
                                 pron.idx + len(pron.text), f"pronoun -> {last.text!r}", True, "person")
        return None

    def _office(self, actor: ResolvedActor) -> bool:
        """One office-holder: a phrase headed by a role noun, also where the role merged into an organisation's
        code ("The ICC prosecutor said he had opened ...": IGOJUDICC has no role of its own)."""
        last = self.doc[actor.end - 1]
        if last.tag_ not in ("NN", "NNP"):
            return False
        return bool(actor.role) or (last.i in self.at and self.at[last.i].kind == "agent")

    def _named_person(self, actor: ResolvedActor) -> bool:
        return actor.person and self.doc[actor.end - 1].pos_ == "PROPN"

    def _named_before(self, pron: Token, after: int = -1) -> Iterator[list[ResolvedActor]]:
        """The actors of each dictionary name ending before a pronoun in its sentence (and after token `after`),
        nearest first."""
        for i in range(pron.i - 1, max(pron.sent.start, after + 1) - 1, -1):
            mention = self.at.get(i)
            if mention is not None and mention.kind == "actor" and mention.end - 1 == i:
                yield self.resolve(self.doc[i])

    def _earlier_group(self, pron: Token) -> ResolvedActor | None:
        return next((a for found in self._named_before(pron) for a in found
                     if not self._named_person(a) and a.entity), None)

    def _earlier_person(self, pron: Token) -> ResolvedActor | None:
        """An object pronoun means the nearest person named before it in its sentence who is not its clause's
        subject: "Trump called Erdogan on Wednesday and urged him" -> Erdogan."""
        own = _own_clause(pron)
        if own is None:
            return None
        subject_of = own.head if own.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in kids(own)) else own
        subjects = {a.start for c in kids(subject_of) if c.dep_ in ("nsubj", "nsubjpass") for a in self.resolve(c)}
        for named in self._named_before(pron):
            found = [a for a in named if a.person and a.start not in subjects]
            if found:
                return _as_pronoun(found[0], pron)
        return None


def _misparsed_speaker(appos: Token) -> bool:
    """"... withdrawing troops from Syria, Defence Minister Sergei Shoigu said": the parser hangs the speaker
    of a trailing attribution on the last noun as an apposition; a speech verb right after it with no subject
    of its own shows it is that verb's subject, not a second name of the noun."""
    doc = appos.doc
    after = appos.right_edge.i + 1
    if after >= len(doc):
        return False
    verb = doc[after]
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ATTRIBUTIONS and verb.i != appos.head.i and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb))


def _as_pronoun(actor: ResolvedActor, pron: Token) -> ResolvedActor:
    """The antecedent's actor, placed at the pronoun that refers to it."""
    return replace(actor, start=pron.i, end=pron.i + 1, text=pron.text, start_char=pron.idx,
                   end_char=pron.idx + len(pron.text), why=f"pronoun -> {actor.text!r}; " + actor.why)


def _one_per_code(actors: list[ResolvedActor]) -> list[ResolvedActor]:
    """The first actor of each code: a name and its acronym in brackets are one actor."""
    first: dict[str, ResolvedActor] = {}
    for actor in actors:
        first.setdefault(actor.code, actor)
    return list(first.values())


def _own_clause(pron: Token) -> Token | None:
    """The verb of an object pronoun's own clause ("fired at THEM" -> fired); None for a subject or possessor."""
    if pron.dep_ in ("nsubj", "nsubjpass", "poss") or pron.lower_.endswith(("self", "selves")):
        return None
    node = pron
    for _ in range(3):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            break
    return None

