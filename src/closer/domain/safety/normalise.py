"""Turning what people type into one plain form the rules can read.

Handles Unicode look-alikes (curly quotes, full-width letters, accents), case,
missing apostrophes, common contractions, spelling variants and a few
euphemisms, so that a curly apostrophe, a missing apostrophe and full-width
letters all read the same as plain "I'm" (which becomes "i am").

Speed matters (every saved text passes through here), so single words are
looked up in a table, a few spelling families are checked only on words that
could belong to them, and only a handful of phrases need a regex pass.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u02b9": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u2032": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)


def _contractions() -> dict[str, str]:
    table: dict[str, str] = {}
    for aux in "do does did is are was were would could should have has had".split():
        table[f"{aux}n't"] = table[f"{aux}nt"] = f"{aux} not"
    for who in "he she it that there what who".split():
        table[f"{who}'s"] = table[f"{who}s"] = f"{who} is"
    for who in "you we they he she it".split():
        table[f"{who}'ll"] = f"{who} will"
    for who in "you we they he she".split():
        table[f"{who}'d"] = f"{who} would"
    table.update({"you're": "you are", "youre": "you are", "they're": "they are"})
    table.update({"theyre": "they are", "we're": "we are"})
    # "its", "hes", "shes" read as words too; "his", "whos" and "its" stay safe
    table.pop("its")
    return table


# One word in, its plain form out.
WORDS: dict[str, str] = {
    **_contractions(),
    "i'm": "i am", "im": "i am", "i've": "i have", "ive": "i have",
    "i'd": "i would", "i'll": "i will",
    "can't": "can not", "cant": "can not", "cannot": "can not",
    "won't": "will not", "wont": "will not", "ain't": "am not", "aint": "am not",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "tryna": "trying to",
    "u": "you", "ur": "your", "rn": "right now", "tn": "tonight",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tomorow": "tomorrow",
    "tommorow": "tomorrow", "tommorrow": "tomorrow", "2nite": "tonight",
    "tonite": "tonight", "kms": "kill myself", "ded": "dead", "lyf": "life",
    "lief": "life", "wnat": "want", "wnt": "want", "dy": "die", "noone": "no one",
    "no1": "no one", "every1": "everyone", "anymore": "anymore",
    "myslef": "myself", "mysefl": "myself", "myslf": "myself", "mself": "myself",
    "sucide": "suicide", "suicde": "suicide", "suiside": "suicide",
    "suecide": "suicide", "siucide": "suicide", "sewerslide": "suicide",
    "sucidal": "suicidal", "suicidle": "suicidal", "suisidal": "suicidal",
    "suicidial": "suicidal", "selfharm": "self harm", "selfharming": "self harm",
    "unalive": "unalive", "unaliving": "unalive",
}  # fmt: skip

# Spelling families, checked only on words that start the right way.
_FAMILIES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("s", re.compile(r"s[uo*]+[i1!*]?[cs]+[i1!*]+d[e3]?"), "suicide"),
    ("s", re.compile(r"s[uo*]+[i1!*]?[cs]+[i1!*]+d[ie]?[ae]?l+"), "suicidal"),
    ("m", re.compile(r"mys[ea]?l[fv]e?"), "myself"),
    ("k", re.compile(r"kil+"), "kill"),
    ("k", re.compile(r"kil+ing"), "killing"),
    ("o", re.compile(r"o\.?d'd|o\.?d'?ed"), "overdosed"),
)

# Phrases that span words or depend on the next word.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bill(?= (?:kill|end|do|hurt|take|jump|just|never|be|go|finally|cut|overdose)\b)"), "i will"),
    (re.compile(r"\bid(?= (?:rather|be|just|kill|end|never|do)\b)"), "i would"),
    (re.compile(r"\bmy s[ea]?l[fv]e?\b"), "myself"),
    (re.compile(r"\bself[ -]harm(?:ing)?\b|\bsh(?= (?:again|urges?|relapse)\b)"), "self harm"),
    (re.compile(r"\bun[ -]aliv(?:e|ing)\b"), "unalive"),
    (re.compile(r"\bsewer slide\b"), "suicide"),
    (re.compile(r"\bno-one\b"), "no one"),
    (re.compile(r"\bevery one(?= (?:would|will|is|hates)\b)"), "everyone"),
    (re.compile(r"\bany more\b"), "anymore"),
)  # fmt: skip


Trie = dict[str, "Trie"]


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many literal words, shared prefixes factored
    out, so the regex engine does not try every word at every position."""
    tree: Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: Trie) -> str:
        branches = [
            re.escape(c) + render(child) for c, child in sorted(node.items()) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(tree)


# Only tokens that might change are handed to Python: known words and the
# spelling families, found in one pass.
_CANDIDATES = re.compile(
    r"(?<![a-z0-9'])(?:"
    + trie_pattern(sorted(WORDS))
    + "|"
    + "|".join(family.pattern for _, family, _ in _FAMILIES)
    + r")(?![a-z0-9'])"
)
_REPEATS = re.compile(r"([a-z])\1{2,}")
_NON_TEXT = re.compile(r"[^a-z0-9'\s.,;:!?*\n-]")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def strip_accents(text: str) -> str:
    """Remove combining marks: "é" becomes "e"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _word(match: re.Match[str]) -> str:
    """The plain form of one word."""
    word = match.group(0)
    plain = WORDS.get(word)
    if plain is not None:
        return plain
    for first, family, replacement in _FAMILIES:
        if word[0] == first and family.fullmatch(word):
            return replacement
    return word


def normalise(text: str) -> str:
    """The plain, lower-case form of ``text`` that the rules match against."""
    plain = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    plain = strip_accents(plain).lower()
    plain = _REPEATS.sub(r"\1\1", plain)
    plain = _NON_TEXT.sub(" ", plain)
    plain = _CANDIDATES.sub(_word, plain)
    for pattern, replacement in _PHRASES:
        plain = pattern.sub(replacement, plain)
    plain = plain.replace("'", "").replace("*", "")
    return _SPACES.sub(" ", plain).strip()
