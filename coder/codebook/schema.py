"""The codebook's data model: plain, typed records the later stages compile into matchers.

These classes hold already-validated data. Checking YAML against them (and reporting
`file:line: entry: message`) is the loader's job; nothing here reads files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

ActorKind = str  # country | territory | igo | ngo | armed_group | person | group

ACTOR_KINDS = ("country", "territory", "igo", "ngo", "armed_group", "person", "group", "institution")
UNKNOWN_COUNTRY = "---"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in a codebook, with where it is."""

    path: str
    line: int
    entry: str
    message: str
    severity: str = "error"  # "error" stops loading; "warning" is printed only

    def __str__(self) -> str:
        kind = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}: {self.entry}: {kind}{self.message}"


@dataclass(frozen=True)
class DateRange:
    """An inclusive date range; either end may be open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def width_days(self) -> float:
        """Range width; open ends count as very wide so bounded ranges are more specific."""
        if self.start is None or self.end is None:
            return float("inf") if (self.start is None and self.end is None) else 1e9
        return (self.end - self.start).days

    @property
    def recency(self) -> dt.date:
        """Sort key for 'most recent range' when a story has no date."""
        return self.end or dt.date.max


ALWAYS = DateRange()


@dataclass(frozen=True)
class EventType:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True)
class DatedCode:
    code: str
    valid: DateRange = ALWAYS
    note: str = ""


@dataclass(frozen=True)
class ActorName:
    """A surface form of an actor. `form` says how it composes: name, adjective or capital."""

    text: str
    form: str  # "name" | "adjective" | "capital" | "alias"
    valid: DateRange = ALWAYS


@dataclass
class Actor:
    code: str
    kind: ActorKind
    names: list[ActorName]
    country: str = ""
    iso3: str = ""
    cow: int | None = None
    codes: list[DatedCode] = field(default_factory=list)
    note: str = ""
    source: str = ""  # file:line, for `coder explain`

    def code_on(self, day: dt.date | None, hints: frozenset[str] = frozenset(),
                roles: frozenset[str] = frozenset()) -> tuple[str, DatedCode | None]:
        """The code valid on `day`: narrowest containing range. No date: a range of an organisation or country
        the text names with the person (`hints`: "NATO Secretary-General Jens Stoltenberg") or of the role it
        names (`roles`: "the US commander in Iraq, General David Petraeus" -> his MIL range, not his later
        SPY one), else the entry's own code when one of its ranges has it (the Taliban are AFGREB, their code
        for most of the news), else the most recent range."""
        if not self.codes:
            return self.code, None
        if day is None:
            hinted = [c for c in self.codes if any(c.code.startswith(h) for h in hints)] or self.codes
            own = [c for c in hinted if any(c.code.endswith(r) for r in roles)] or \
                [c for c in self.codes if any(c.code.startswith(h) for h in hints)] or \
                [c for c in self.codes if c.code == self.code]
            best = max(own or self.codes, key=lambda c: (c.valid.recency, -c.valid.width_days))
            return best.code, best
        hits = [c for c in self.codes if c.valid.contains(day)]
        if not hits:
            return self.code, None
        best = min(hits, key=lambda c: c.valid.width_days)
        return best.code, best

    @property
    def entity(self) -> str:
        """The country (or organisation) part used when a role word composes with this actor."""
        if self.kind in ("person", "institution") or (self.kind in ("group", "armed_group") and self.country
                                                                    and self.code.startswith(self.country)):
            return self.country  # the Kremlin (RUSGOV) is Russia's; its role part is GOV
        return self.code


@dataclass(frozen=True)
class AgentWord:
    phrase: str
    role: str
    plural: str | None
    source: str = ""


@dataclass
class VerbPattern:
    """One verb or noun pattern; see docs/CODEBOOK_FORMAT.md for the meaning of each field."""

    id: str
    code: str
    trigger_kind: str  # "verb" | "noun"
    lemmas: frozenset[str]
    particle: frozenset[str] = frozenset()
    object: frozenset[str] | None = None  # None = unconstrained
    object_none: bool = False
    not_object: frozenset[str] = frozenset()
    prep: dict[str, frozenset[str] | None] = field(default_factory=dict)
    not_prep: frozenset[str] = frozenset()  # prepositions/particles that must not be attached ("call on")
    complement: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()  # lemma(s) the grammatical subject's head must have ("troops left")
    source: str = "subject"
    target: str = "object"
    voice: str = "any"
    reverse: str | None = None
    mutual: bool = False
    examples: list[Example] = field(default_factory=list)
    note: str = ""
    order: int = 0
    origin: str = ""  # file:line

    @property
    def specificity(self) -> int:
        score = 0
        if self.object is not None or self.object_none:
            score += 2
        score += len(self.prep) * 2
        if self.particle:
            score += 2
        if self.complement:
            score += 1 if self.complement == frozenset({"any"}) else 2
        if self.not_object or self.not_prep:
            score += 1
        if self.subject:
            score += 2
        if self.target.startswith("prep:"):
            score += 1
        if self.voice != "any":
            score += 1
        return score


@dataclass(frozen=True)
class ExpectedEvent:
    source: str
    target: str
    code: str

    def __str__(self) -> str:
        return f"{self.source} {self.target} {self.code}"


@dataclass
class Example:
    text: str
    events: list[ExpectedEvent]
    date: dt.date | None = None
    pattern_id: str = ""
    origin: str = ""


@dataclass(frozen=True)
class Discard:
    phrase: str
    scope: str  # "sentence" | "story"


@dataclass(frozen=True)
class IssuePhrase:
    phrase: str
    theme: str
    negative: bool = False


@dataclass
class ModalityRule:
    verbs: list[str]
    mapping: dict[str, str]
    auxiliaries: list[str] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)  # "a plan to", "the refusal to", "a threat to"

    def map_code(self, code: str) -> str | None:
        """Longest key of `mapping` that is a prefix of `code`, or None."""
        for cut in range(len(code), 0, -1):
            hit = self.mapping.get(code[:cut])
            if hit is not None:
                return code if hit == "same" else hit
        return None


@dataclass
class Rules:
    negation_words: list[str] = field(default_factory=list)
    denial_verbs: list[str] = field(default_factory=list)
    hedge_modals: list[str] = field(default_factory=list)
    hedge_verbs: list[str] = field(default_factory=list)
    hedge_words: list[str] = field(default_factory=list)  # "allegedly attacked", "the alleged airstrike"
    conditionals: list[str] = field(default_factory=list)
    hopes: list[str] = field(default_factory=list)
    unasserted_verbs: list[str] = field(default_factory=list)
    reason_verbs: list[str] = field(default_factory=list)
    observer_verbs: list[str] = field(default_factory=list)
    factive_verbs: list[str] = field(default_factory=list)  # an event noun they take as object happened
    answer_verbs: list[str] = field(default_factory=list)  # ... and these, for the answered codes (accusations)
    answered_codes: list[str] = field(default_factory=list)
    intent: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))
    threat: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))
    refusal: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))
    obligation: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))
    appeal: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))
    offer: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # intent map + its own keys
    appeal_to_target: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))
    attempt: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))
    aerial: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # by aircraft: 195
    third_place: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # met in Geneva: 044
    remote: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # by drones: 1952
    artillery: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # by artillery, tanks: 194
    suicide: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # by suicide bombers: 1831
    vehicle_bomb: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # car bombs: 1832
    roadside_bomb: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # roadside bombs, IEDs: 1833
    consider: ModalityRule = field(default_factory=lambda: ModalityRule([], {}))  # considering sending aid: 014
    both_parties: list[str] = field(default_factory=list)
    side_words: list[str] = field(default_factory=list)
    person_pronouns: list[str] = field(default_factory=list)
    group_pronouns: list[str] = field(default_factory=list)
    mutual_roots: list[str] = field(default_factory=list)
    third_party_codes: list[str] = field(default_factory=list)  # mediation: never between its own mediators
    sole_country_roots: list[str] = field(default_factory=list)  # a party of unknown country: the sentence's one
    sole_country_not_sources: list[str] = field(default_factory=list)  # ... but never an attacker's
    claim_verbs: list[str] = field(default_factory=list)
    claim_own: str = ""
    claim_other: str = ""
    place_roots: list[str] = field(default_factory=list)
    place_preps: list[str] = field(default_factory=list)
    place_object_codes: list[str] = field(default_factory=list)
    place_source_roots: list[str] = field(default_factory=list)
    place_target_roots: list[str] = field(default_factory=list)  # a target of unknown country is the place's
    home_codes: list[str] = field(default_factory=list)
    domestic_codes: list[str] = field(default_factory=list)  # role-only party: the other side's country
    bare_state_roots: list[str] = field(default_factory=list)  # ... where a bare country is that side's state
    own_country_roots: list[str] = field(default_factory=list)  # no act of these roots toward one's own country
    participle_act_roots: list[str] = field(default_factory=list)  # a describing participle still acts in these
    state_roles: list[str] = field(default_factory=list)
    institution_roles: list[str] = field(default_factory=list)  # a country's own legislature, courts, unions ...
    institution_roots: list[str] = field(default_factory=list)  # ... facing its state in these roots
    place_authority_roots: list[str] = field(default_factory=list)
    authority_home_roots: list[str] = field(default_factory=list)  # ... and in these, naming no place, by the state
    authority_home_roles: list[str] = field(default_factory=list)  # ... of a target in one of these roles
    stand_ins: list[str] = field(default_factory=list)
    crowds: list[str] = field(default_factory=list)  # "broke up protests": the people taking part ...
    crowd_role: str = ""  # ... in this role (OPP) ...
    crowd_roots: list[str] = field(default_factory=list)  # ... when coercion or violence is done to them
    documents: list[str] = field(default_factory=list)  # "a UN report accused ...": a text acts for its author
    document_roots: list[str] = field(default_factory=list)  # ... in what a text can do: say, ask, accuse, reject
    visit_codes: list[str] = field(default_factory=list)
    non_visitor_roles: list[str] = field(default_factory=list)
    press_roots: list[str] = field(default_factory=list)  # "told AFP": a remark to the press is no statement to it
    press_roles: list[str] = field(default_factory=list)
    purpose_roots: list[str] = field(default_factory=list)
    purpose_aims: list[str] = field(default_factory=list)
    purpose_digits: dict[str, str] = field(default_factory=dict)
    purpose_acts: list[str] = field(default_factory=list)
    beneficiary_roots: list[str] = field(default_factory=list)  # aid naming no recipient: whom its purpose helps
    beneficiary_verbs: list[str] = field(default_factory=list)
    owner_roots: list[str] = field(default_factory=list)  # "UN sanctions were lifted": by the UN
    counted_people_role: str = ""  # "arrested 100 Palestinians": individuals, not the nation
    people_quantities: list[str] = field(default_factory=list)  # "thousands of Nigerians"
    people_nations: list[str] = field(default_factory=list)  # "the Palestinian people": the nation
    # generic code -> [(sub-code, topic words)]: what the act is about names its sub-code (112 -> 1124)
    topics: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    recast: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)  # code -> [(other code, words)]


@dataclass
class Codebook:
    name: str
    version: str
    description: str
    directory: Path
    events: dict[str, EventType]
    roles: dict[str, str]
    agents: list[AgentWord]
    actors: list[Actor]
    wordsets: dict[str, frozenset[str]]
    patterns: list[VerbPattern]
    rules: Rules
    discards: list[Discard]
    issues: list[IssuePhrase]
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """Counts printed by `coder validate`."""
        roots = sum(1 for c in self.events if len(c) == 2)
        return {
            "event codes": len(self.events),
            "root codes": roots,
            "actors": len(self.actors),
            "actor names": sum(len(a.names) for a in self.actors),
            "persons": sum(1 for a in self.actors if a.kind == "person"),
            "roles": len(self.roles),
            "agent phrases": len(self.agents),
            "word sets": len(self.wordsets),
            "patterns": len(self.patterns),
            "examples": sum(len(p.examples) for p in self.patterns),
            "codes with patterns": len({p.code for p in self.patterns}),
            "discards": len(self.discards),
            "issue phrases": len(self.issues),
        }
