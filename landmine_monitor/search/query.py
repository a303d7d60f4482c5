"""The query language, and the one function every user string goes through: `translate`.

Syntax (case matters only for the operators):
  mines DMZ              both words (AND is implied); words are stemmed (mines finds mine, mined)
  "stake mines"          this exact phrase (no stemming); "mines" in quotes = exactly that word
  Angola OR Sudan        either;  NOT Angola / -Angola  without;  AND may be written out
  (Angola OR Sudan) mines   grouping with parentheses
  casualt*  "stake mi*"  prefix (at least 2 letters before the *; a word* stands for its 50 commonest
                         completions, ranked like words)
  mines NEAR DMZ         both within 10 words, in any order; NEAR/5 sets the distance
  NEAR(mines DMZ Korea, 5)  all of them within a span with at most 5 other words between
Anything else is read as words: stray operators, quotes and parentheses are dropped or closed, control
characters become spaces, punctuation splits words (M-57 is the phrase "m 57"). Queries over 1,000
characters or 32 terms are cut, with a note. The result is a tantivy Query built here field by field; no
user text ever reaches tantivy's own query parser.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tantivy import Occur, Query

from .index import FOLDER, SCHEMA, STEMMER

MAX_CHARS = 1000
MAX_TERMS = 32
MAX_DEPTH = 12
MAX_NEAR_ITEMS = 4
DEFAULT_NEAR = 10
MAX_NEAR = 100
MIN_PREFIX = 2

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_QUOTES = '"“”„«»'
_NEAR_GROUP = re.compile(r"NEAR\(([^()]*)\)?")
_NEAR_OP = re.compile(r"NEAR(?:/(\d+))?$")
_GROUP_DISTANCE = re.compile(r"^(.*?)(?:,\s*(\d+))?\s*$", re.S)


# --- the syntax tree -------------------------------------------------------------------------------------


@dataclass
class Word:
    text: str
    prefix: bool = False
    exact: bool = False  # from "quotes": no stemming


@dataclass
class Near:
    items: list[Word]
    distance: int


@dataclass
class Bool:
    op: str  # "AND" | "OR"
    children: list[Node]


@dataclass
class Not:
    child: Node


Node = Word | Near | Bool | Not


@dataclass
class Translated:
    """A user query made safe: the tantivy query (None: nothing to search), and what it was read as."""

    query: Query | None
    interpreted: str
    notes: list[str] = field(default_factory=list)
    highlight: list[str] = field(default_factory=list)  # stemmed terms of the `text` field to mark
    prefixes: list[str] = field(default_factory=list)  # folded prefixes (expanded for marking later)
    words: list[str] = field(default_factory=list)  # folded plain words, for "did you mean"
    term: tuple[str, str] | None = None  # (field, term) when the whole query is that one indexed term


# --- lexing ----------------------------------------------------------------------------------------------


def _clean(text: str, notes: list[str]) -> str:
    text = _CONTROL.sub(" ", text)
    if len(text) > MAX_CHARS:
        notes.append(f"the query was cut to its first {MAX_CHARS} characters")
        text = text[:MAX_CHARS]
    return text


def _lex(text: str) -> list[tuple[str, str]]:
    """Tokens as (type, value): ( ) PHRASE WORD AND OR NOT NEAR NEARGROUP."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            out.append((c, c))
            i += 1
        elif c in _QUOTES:
            j = i + 1
            while j < n and text[j] not in _QUOTES:
                j += 1
            out.append(("PHRASE", text[i + 1 : j]))
            i = j + 1
        elif m := _NEAR_GROUP.match(text, i):
            out.append(("NEARGROUP", m.group(1)))
            i = m.end()
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in "()" and text[j] not in _QUOTES:
                j += 1
            if text[i:j] == "-" and j < n and (text[j] in _QUOTES or text[j] == "("):
                out.append(("NOT", "-"))  # -"a phrase", -(a group)
            else:
                out.extend(_word_tokens(text[i:j]))
            i = j
    return out


def _word_tokens(w: str) -> list[tuple[str, str]]:
    if w in ("AND", "&&", "&"):
        return [("AND", w)]
    if w in ("OR", "||", "|"):
        return [("OR", w)]
    if w == "NOT":
        return [("NOT", w)]
    if m := _NEAR_OP.match(w):
        return [("NEAR", m.group(1) or "")]
    if w.startswith("-") and len(w) > 1:
        return [("NOT", "-"), ("WORD", w[1:])]
    return [("WORD", w.lstrip("+"))]


# --- parsing (recursive descent that never fails) ----------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def parse(self) -> Node | None:
        parts: list[Node] = []
        while self.peek() is not None:
            node = self.or_expr()
            if node is not None:
                parts.append(node)
            if self.peek() in (")", "OR"):  # a stray closing parenthesis or a dangling OR
                self.take()
        return _combine("AND", parts)

    def or_expr(self) -> Node | None:
        parts = [self.and_expr()]
        while self.peek() == "OR":
            self.take()
            parts.append(self.and_expr())
        return _combine("OR", [p for p in parts if p is not None])

    def and_expr(self) -> Node | None:
        parts: list[Node] = []
        while (tok := self.peek()) not in (None, ")", "OR"):
            if tok == "AND":
                self.take()
                continue
            node = self.unary()
            if node is not None:
                parts.append(node)
        return _combine("AND", parts)

    def unary(self) -> Node | None:
        negations = 0
        while self.peek() == "NOT":
            self.take()
            negations += 1
        node = self.near()
        if node is None or negations % 2 == 0:
            return node
        return Not(node)

    def near(self) -> Node | None:
        left = self.primary()
        while self.peek() == "NEAR":
            distance = _distance(self.take()[1])
            right = self.primary()
            if right is None:
                break
            left = _near(left, right, distance) if left is not None else right
        return left

    def primary(self) -> Node | None:
        kind = self.peek()
        if kind in (None, ")", "OR", "AND", "NOT"):
            return None
        typ, value = self.take()
        if typ == "(":
            return self.group()
        if typ == "WORD":
            return _word(value, exact=False)
        if typ == "PHRASE":
            return _word(value, exact=True)
        if typ == "NEARGROUP":
            return _near_group(value)
        return None  # a NEAR with nothing on its left

    def group(self) -> Node | None:
        if self.depth >= MAX_DEPTH:
            return None  # too deep: the parenthesis is ignored, its content read at this level
        self.depth += 1
        node = self.or_expr()
        self.depth -= 1
        if self.peek() == ")":
            self.take()
        return node


def _combine(op: str, parts: list[Node]) -> Node | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Bool(op, parts)


def _word(text: str, exact: bool) -> Word | None:
    text = text.strip()
    prefix = text.endswith("*")
    text = text.rstrip("*").strip()
    return Word(text, prefix=prefix, exact=exact) if text else (Word("*", prefix=True) if prefix else None)


def _distance(raw: str) -> int:
    return min(int(raw), MAX_NEAR) if raw else DEFAULT_NEAR


def _near(left: Node, right: Node, distance: int) -> Node:
    """`a NEAR b`; a chain `a NEAR b NEAR c` is one group; NEAR next to a group or a prefix reads as AND."""
    if isinstance(right, Word) and not right.prefix:
        if isinstance(left, Word) and not left.prefix:
            return Near([left, right], distance)
        if isinstance(left, Near):
            return Near(left.items + [right], min(left.distance, distance))
    return Bool("AND", [left, right])


def _near_group(value: str) -> Node | None:
    m = _GROUP_DISTANCE.match(value)
    body, raw = (m.group(1), m.group(2) or "") if m else (value, "")
    words = [
        w for w in (_word(t[1], t[0] == "PHRASE") for t in _lex(body) if t[0] in ("WORD", "PHRASE")) if w
    ]
    words = [w for w in words if not w.prefix]
    if len(words) < 2:
        return words[0] if words else None
    return Near(words, _distance(raw))


# --- building the tantivy query ----------------------------------------------------------------------------


Expander = Callable[[str], list[str]]


class _Builder:
    def __init__(self, out: Translated, expand: Expander | None) -> None:
        self.out = out
        self.expand = expand
        self.leaves = 0
        self.terms: list[tuple[str, str]] = []  # the single-term queries made, in order

    def build(self, node: Node, negated: bool = False) -> Query | None:
        if isinstance(node, Word):
            return self.word(node, negated)
        if isinstance(node, Near):
            return self.near(node, negated)
        if isinstance(node, Not):
            q = self.build(node.child, not negated)
            return _all_but(q) if q is not None else None
        return self.boolean(node, negated)

    def boolean(self, node: Bool, negated: bool) -> Query | None:
        must: list[Query] = []
        must_not: list[Query] = []
        for child in node.children:
            inner = child.child if isinstance(child, Not) else child
            q = self.build(inner, negated ^ isinstance(child, Not))
            if q is None:
                continue
            (must_not if isinstance(child, Not) else must).append(q)
        if node.op == "OR":
            should = must + [_all_but(q) for q in must_not]
            return should[0] if len(should) == 1 else _bool([(Occur.Should, q) for q in should])
        if not must and not must_not:
            return None
        if not must_not and len(must) == 1:
            return must[0]
        if not must:
            must = [Query.all_query()]
        return _bool([(Occur.Must, q) for q in must] + [(Occur.MustNot, q) for q in must_not])

    def counted(self) -> bool:
        self.leaves += 1
        if self.leaves > MAX_TERMS:
            if self.leaves == MAX_TERMS + 1:
                self.out.notes.append(f"only the first {MAX_TERMS} terms were used")
            return False
        return True

    def word(self, w: Word, negated: bool) -> Query | None:
        plain = FOLDER.analyze(w.text)
        if not plain:
            if w.text == "*":
                self.out.notes.append("a * on its own matches nothing: put at least 2 letters before it")
            else:
                self.out.notes.append(f"ignored {w.text[:40]!r}: no word in it (letters or digits, up to 40)")
            return None
        if not self.counted():
            return None
        if w.prefix:
            return self.prefix(w, plain, negated)
        if w.exact:
            if not negated:
                self.out.highlight.extend(STEMMER.analyze(w.text))
                self.out.words.extend(plain)
            if len(plain) == 1:
                return self.term("exact", plain[0])
            if len(plain) == 2:
                return self.term("pairs", f"{plain[0]}_{plain[1]}")
            return _exact_phrase(plain)
        stems = STEMMER.analyze(w.text)
        if not negated:
            self.out.highlight.extend(stems)
            self.out.words.extend(plain)
        if len(stems) == 1:
            return self.term("text", stems[0])
        return _phrase("text", stems)

    def term(self, field_name: str, term: str) -> Query:
        self.terms.append((field_name, term))
        return Query.term_query(SCHEMA, field_name, term)

    def prefix(self, w: Word, plain: list[str], negated: bool) -> Query | None:
        if len(plain[-1]) < MIN_PREFIX and len(plain) == 1:
            self.out.notes.append(f"ignored {w.text[:40]}*: a prefix needs at least {MIN_PREFIX} letters")
            return None
        if len(plain) == 1 and self.expand is not None:
            words = self.expand(plain[0])  # ranked by BM25 like any word: an OR of the commonest completions
            if not negated:
                self.out.highlight.extend(t for w in words for t in STEMMER.analyze(w))
            if words:
                return _bool([(Occur.Should, Query.term_query(SCHEMA, "exact", w)) for w in words])
        if not negated:
            self.out.highlight.extend(STEMMER.analyze(" ".join(plain[:-1])))
            self.out.prefixes.append(plain[-1])
        return Query.phrase_prefix_query(SCHEMA, "exact", _words(plain))

    def near(self, node: Near, negated: bool) -> Query | None:
        groups = [STEMMER.analyze(w.text) for w in node.items]
        groups = [g for g in groups if g]
        if len(groups) < 2 or len(groups) > MAX_NEAR_ITEMS:
            if len(groups) > MAX_NEAR_ITEMS:
                self.out.notes.append(f"NEAR takes at most {MAX_NEAR_ITEMS} words: read as AND")
            return self.boolean(Bool("AND", list(node.items)), negated)
        if not self.counted():
            return None
        if not negated:
            self.out.highlight.extend(t for g in groups for t in g)
        phrases = [
            _phrase("text", [t for g in perm for t in g], node.distance)
            for perm in itertools.permutations(groups)
        ]
        return _bool([(Occur.Should, q) for q in phrases])


def _words(tokens: list[str]) -> list[str | tuple[int, str]]:
    return list(tokens)


def _exact_phrase(words: list[str]) -> Query:
    """Three or more words as written, next to each other: a document must contain all their pairs (cheap
    to intersect) before the phrase's positions are checked. (Two words are one term of `pairs`.)"""
    pair_terms = [
        Query.term_query(SCHEMA, "pairs", f"{a}_{b}") for a, b in zip(words, words[1:], strict=False)
    ]
    narrowed = [(Occur.Must, Query.const_score_query(q, 0.0)) for q in pair_terms]
    return _bool([(Occur.Must, _phrase("exact", words)), *narrowed])


def _phrase(field_name: str, tokens: list[str], slop: int = 0) -> Query:
    return Query.phrase_query(SCHEMA, field_name, _words(tokens), slop=slop)


def _bool(clauses: list[tuple[Occur, Query]]) -> Query:
    return Query.boolean_query(clauses)


def _all_but(q: Query) -> Query:
    return _bool([(Occur.Must, Query.all_query()), (Occur.MustNot, q)])


def describe(node: Node | None) -> str:
    """The query as it was understood, in the same syntax (shown to users and in --json)."""
    if node is None:
        return ""
    if isinstance(node, Word):
        if node.text == "*":
            return "*"
        text = f'"{node.text}"' if node.exact else node.text
        return text[:-1] + '*"' if node.exact and node.prefix else text + ("*" if node.prefix else "")
    if isinstance(node, Near):
        return f"NEAR({' '.join(describe(w) for w in node.items)}, {node.distance})"
    if isinstance(node, Not):
        return f"NOT {describe(node.child)}"
    inner = f" {node.op} ".join(describe(c) for c in node.children)
    return f"({inner})"


def translate(text: str, expand: Expander | None = None) -> Translated:
    """Any user string -> a safe tantivy query plus notes; never raises for any input.

    `expand(prefix)` lists the indexed words a one-word prefix* stands for (the engine asks the index);
    without it a prefix becomes tantivy's unranked phrase-prefix query.
    """
    notes: list[str] = []
    tree = _Parser(_lex(_clean(str(text), notes))).parse()
    interpreted = describe(tree)
    if interpreted.startswith("(") and interpreted.endswith(")") and isinstance(tree, Bool):
        interpreted = interpreted[1:-1]
    out = Translated(None, interpreted, notes)
    builder = _Builder(out, expand)
    out.query = builder.build(tree) if tree is not None else None
    if isinstance(tree, Word) and out.query is not None and len(builder.terms) == 1:
        out.term = builder.terms[0]
    out.highlight = list(dict.fromkeys(out.highlight))
    return out
