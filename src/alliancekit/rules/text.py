r"""Segmenting an article: its sections, paragraphs and sentences.

News pages carry more than the story: headlines, standfirsts, photo
captions, lists of popular articles, publisher blurbs, bylines and wire
datelines. :func:`sections` tells each line's part of the page
(:class:`SectionKind`); :func:`article_sentences` gives the sentences an
extractor reads (the headline, the standfirst and the body, each tagged with
its section) and :func:`body_sentences` the body's alone. Captions, lists and
boilerplate never reach an extractor, so no later rule has to know about them.

>>> text = "Leaders meet in Tokyo\nTOKYO, May 3 (Kyodo) -- Abe met Biden. They talked.\n"
>>> [s.text for s in body_sentences(text)]
['Abe met Biden.', 'They talked.']
>>> [(s.section.value, s.text) for s in article_sentences(text)][0]
('headline', 'Leaders meet in Tokyo')
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

import ahocorasick
import attrs

__all__ = [
    "LONGEST_SENTENCE",
    "Section",
    "SectionKind",
    "Sentence",
    "article_sentences",
    "body_sentences",
    "is_headline",
    "sections",
    "split_sentences",
]


class SectionKind(enum.Enum):
    """The part of a news page a line belongs to."""

    HEADLINE = "headline"
    """The story's title: the first title-like line before the body."""
    STANDFIRST = "standfirst"
    """A summary line under the headline, before the body."""
    BODY = "body"
    """The story's paragraphs (a wire dateline opening one is cut off)."""
    CAPTION = "caption"
    """A photo caption or credit."""
    LABEL = "label"
    """Navigation, section names, bylines, dates and other short lines that are no prose."""
    BOILERPLATE = "boilerplate"
    """Publisher blurbs, subscription notices, bullet lists and "Related" or "Most read" lists."""


@attrs.frozen
class Section:
    r"""One line (or joined run of lines) of a page, with its kind and document offsets.

    >>> [(s.kind.value, s.text) for s in sections("Abe meets Biden\nAbe met Biden in Tokyo on Monday.")]
    [('headline', 'Abe meets Biden'), ('body', 'Abe met Biden in Tokyo on Monday.')]
    """

    kind: SectionKind
    start: int
    end: int
    text: str


@attrs.frozen
class Sentence:
    """A sentence of the article with its offsets in the document.

    ``paragraph`` numbers the paragraphs read from 0, so rules can tell
    whether two sentences belong to one passage; ``section`` says whether
    the sentence is the headline's, the standfirst's or the body's.
    """

    start: int
    end: int
    text: str
    paragraph: int
    index: int
    section: SectionKind = SectionKind.BODY


# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "adm",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "cdr",
        "sgt",
        "brig",
        "rear",
        "vice",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "e.u",
        "p.m",
        "a.m",
        "inc",
        "co",
        "corp",
        "ltd",
        "dept",
        "gov't",
        "est",
        "approx",
        "fig",
        "hon",
        "messrs",
        "rev",
    ]
)

# Possessive quantifiers and the look-behind keep runs of "...." linear: no backtracking into a run.
# Both forms open with the mark itself (the look-behinds then look back over it), so the search
# skips straight from one mark to the next instead of trying both forms at every character.
_SENTENCE_END = re.compile(
    r"[.!?](?:"
    r"(?<![.!?]{2})[.!?]*+[\"'”’)]*+(?=\s+[\"'“‘(]?[A-Z0-9])"  # the first mark of a run, and what closes it
    # run together, as pasted wire copy often is: "last week.The three countries", "sector.\"We regret"
    r"|(?<=[a-z]{3}[.!?])(?=[\"“]?[A-Z][a-z])"
    r")"
)
_LIST_HEADER = re.compile(
    r"^\s*(?:\"?[\w ]{0,30}\"?\s*)?(?:popular articles?|access ranking|most (?:read|popular|viewed)|"
    r"recommended(?: articles?| stories| reading)?|related(?: articles?| stories| news| coverage)?|"
    r"read (?:more|also)|also read|more from|trending(?: now)?|top stories|latest news|"
    r"you may also like)\s*:?\s*$",
    re.IGNORECASE,
)
# Every match of _LIST_HEADER holds one of these, which most lines hold none of: looked for first in an
# ASCII line in lower case (where lower case stands for every case the pattern matches).
_LIST_HEADER_HINTS = (
    "popular",
    "ranking",
    "viewed",
    "read",
    "recommended",
    "related",
    "more from",
    "trending",
    "top stories",
    "latest news",
    "you may also like",
)
_LIST_HEADER_WORDS = 20
"""Words in the longest list header: thirty characters of words (15 at most), then its name (4 at most)."""
# Searched for in the line in lower case: much faster than a case-insensitive search.
_BLURB = re.compile(
    r"all rights reserved|©|copyright|subscribe|newsletter|e-?paper|e-portal|synonym with|"
    r"follow us|click here|sign up|download (?:our|the) app|professional journalism"
)
# Every match of _BLURB holds one of these (a line seldom does): looked for before the pattern.
_BLURB_HINTS = (
    "all rights reserved",
    "©",
    "copyright",
    "subscribe",
    "newsletter",
    "paper",
    "e-portal",
    "synonym with",
    "follow us",
    "click here",
    "sign up",
    "download ",
    "professional journalism",
)
_CAPTION = re.compile(
    r"^\s*[(\[]?(?:photo|file photo|pictured|image|caption)\b|"
    r"\((?:ap|afp|reuters|kyodo|yonhap|getty|epa|xinhua)?\s*photo|"
    r"\b(?:are|is) (?:seen|pictured|shown)\b|\bposes? for (?:a )?photo|"
    r"\bin (?:this|a) (?:file )?(?:photo|picture|image)\b|"
    # who stands where: "X (R) shakes hands with Y", "X, second from left, speaks with Y"
    r"\((?:r|l|c|left|right|center|centre|(?:second|third) from (?:left|right))\)|"
    r",\s(?:left|right|center|centre|(?:second|third) from (?:left|right)),"
)
# Every match of _CAPTION holds one of these, which most lines hold none of: looking for them first
# spares those lines the search.
_CAPTION_HINTS = (
    "photo",
    "pictur",
    "image",
    "caption",
    "seen",
    "shown",
    "left",
    "right",
    "center",
    "centre",
    "(r)",
    "(l)",
    "(c)",
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?(?:/[A-Z][A-Za-z.'\- ]{1,30}?)?)"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{1,30})\))?"
    r"\s*(?:--|—|–|-|:)\s*"
    r"|^(?P<place2>[A-Z][A-Za-z.'\- ]{1,40}?),\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"\s*\([A-Za-z .&-]{1,30}\)\s*"
)
# A dateline ends in a dash or a colon, or names its agency in brackets: a line without any of
# these marks opens with no dateline.
_DATELINE_MARKS = "-—–:("
_WORD = re.compile(r"[\w’'-]+")
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*(?:\s*\([A-Z][\w .&-]{1,30}\))?\s*$|[:;]\s*$")
_BULLET = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])\s+")


def is_headline(line: str) -> bool:
    """Whether a line reads as a headline or label rather than prose.

    >>> is_headline("US, Japan underscore alliance in security, economic talks")
    True
    >>> is_headline("Abe met Biden in Tokyo on Monday.")
    False
    """
    stripped = line.strip()
    if not stripped:
        return False
    return _ends_open(stripped)


# The marks that may follow a line's closing punctuation: quotes, brackets.
_AFTER_CLOSING = "\"'”’)]"


def _ends_open(stripped: str) -> bool:
    """Whether a stripped, non-blank line ends without closing punctuation (:data:`_TERMINAL`).

    The last character mostly tells: a full stop or a colon closes the line,
    a letter or a digit leaves it open. Only a line ending in a quote or a
    bracket needs the pattern.

    >>> _ends_open("Talks in Tokyo"), _ends_open("They met."), _ends_open('"We met," he said (Kyodo)')
    (True, False, True)
    """
    last = stripped[-1]
    if last in ".!?:;":
        return False
    if last not in _AFTER_CLOSING:
        return True
    return _TERMINAL.search(stripped) is None


def _dateline_end(line: str) -> int:
    """Length of a wire dateline opening the line ("TOKYO, May 3 (Kyodo) --"), or 0."""
    if not any(mark in line for mark in _DATELINE_MARKS):
        return 0
    if "(" not in line and line[1:2].islower():
        return 0  # neither an agency in brackets nor a place in capitals can open "The talks - ..."
    match = _DATELINE.match(line)
    if match is None:
        return 0
    place = match.group("place") or match.group("place2") or ""
    words = place.split()
    if not words or len(words) > 4:
        return 0
    # A dateline needs an agency, an upper-case place or a dash right after a short place.
    if match.group("agency") is None and match.group("place2") is None and not place.isupper():
        return 0
    return match.end()


def split_sentences(text: str, offset: int = 0) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` offsets of the sentences of one paragraph.

    Periods after abbreviations ("Adm.", "Jan.", "U.S.") and initials do not
    end a sentence.

    >>> text = "Rear Adm. Karl Thomas met him on Jan. 16. It went well."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Rear Adm. Karl Thomas met him on Jan. 16.', 'It went well.']
    """
    start = 0
    length = len(text)
    while start < length and text[start].isspace():
        start += 1
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if end <= start:
            continue
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        if match.group() == "?" and _is_damaged_letter(text, match.start()):
            continue
        yield offset + start, offset + end
        start = end
        while start < length and text[start].isspace():
            start += 1
    tail = text[start:].rstrip()
    if tail:
        yield offset + start, offset + start + len(tail)


def _is_damaged_letter(text: str, mark: int) -> bool:
    """Whether a "?" stands for a letter lost to bad encoding ("Kazuhir? Brandt").

    It does when it closes a capitalized word inside a run of capitalized
    words: a name, not the end of a question.
    """
    before = text[max(0, mark - 40) : mark].split()
    after = text[mark + 1 : mark + 40].split()
    if len(before) < 2 or not after:
        return False
    return before[-1][:1].isupper() and before[-2][:1].isupper() and after[0][:1].isupper()


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in '("“':
        word_start -= 1
    word = text[word_start:dot].lower().rsplit("-", 1)[-1]
    if word in _ABBREVIATIONS:
        return True
    # A list number opening a paragraph ("1. At the outset, ...").
    if word.isdigit() and len(word) <= 2 and not text[:word_start].strip():
        return True
    # Single initials ("James B. Hecker") and dotted acronyms ("D.C").
    if len(word) == 1 and word.isalpha():
        return True
    return (
        "." in word and len(word) <= 6 and word.replace(".", "").isalpha() and len(word.replace(".", "")) <= 3
    )


# A credit closing a caption: "(Xinhua/Lan Hongguang)", "ST PHOTO: ONG WEE JIN", "[YONHAP]", "Jane Doe/AP".
_CREDIT = re.compile(
    r"(?:\([^()]{0,40}/[^()]{0,40}\)|\bPHOTO\b[^.]{0,40}|\[[A-Z][A-Z ]{1,20}\]"
    r"|/\s*(?:Courtesy of\s+)?[A-Z][\w ]{1,30}"
    r"|\b(?:Getty Images|AFP|AP|Reuters|Yonhap|Kyodo|EPA|Bloomberg))\s*$"
)
# A photo caption in its usual form: one present-tense sentence, then the credit in brackets.
_CAPTION_SENTENCE = re.compile(
    r"^[^.]{0,240}?\b(?:speaks|shakes\s+hands|poses|waves|listens|looks\s+on|gestures|is\s+greeted|greets|"
    r"walks|talks|meets|arrives|attends|delivers|holds|smiles|salutes|bows|reviews)\b[^.]{0,200}\."
    r"\s*\([A-Z][\w /&.-]{1,40}\)"
)
# Words in the longest caption: a longer paragraph that ends with an agency's name is body that lost
# its last full stop (a wire story's paragraphs run together, signed "Yonhap").
_CAPTION_WORDS = 80
# Who stands where in a photo, or a pose for it: "X (L) and Y (C)", "pose for a photo".
_POSITIONS = re.compile(
    r"\((?:r|l|c|left|right|center|centre|(?:second|third) from (?:left|right))\)"
    r"|\bposes? for (?:a )?photos?\b"
)
# A credit in brackets closing a paragraph's last sentence: "... on Feb. 15. (Yonhap)".
_CLOSING_CREDIT = re.compile(r"[.!?]\s*\([A-Z][\w /&.-]{1,40}\)\s*$")
# A line that is nothing but a photo credit in brackets: "(Jane Doe / Associated Press)".
_CREDIT_LINE = re.compile(r"^[(\[][^()\[\]]{2,80}[)\]]$")
# Words in the longest caption that only the credit line under it tells from body.
_CREDITED_CAPTION_WORDS = 60
_BYLINE = re.compile(r"^\s*(?:by\s+[A-Z]|(?:posted|updated|published)\s*:?\s)", re.IGNORECASE)
# Prose cut off mid-sentence (page text often is): long, and mostly lower-case words.
_PROSE_WORDS = 15
_TITLE_WORDS = (3, 25)


# Which hint lists hold a phrase of a line, as bits: one pass over the line finds the phrases of all three.
_LIST_HEADER_HINT, _BLURB_HINT, _CAPTION_HINT = 1, 2, 4


def _hint_finder() -> ahocorasick.Automaton:
    """An automaton finding every hint of the three lists, each with the bits of the lists it is in."""
    bits: dict[str, int] = {}
    for bit, hints in (
        (_LIST_HEADER_HINT, _LIST_HEADER_HINTS),
        (_BLURB_HINT, _BLURB_HINTS),
        (_CAPTION_HINT, _CAPTION_HINTS),
    ):
        for hint in hints:
            bits[hint] = bits.get(hint, 0) | bit
    finder = ahocorasick.Automaton()
    for hint, bit in bits.items():
        finder.add_word(hint, bit)
    finder.make_automaton()
    return finder


_HINTS = _hint_finder()


def _hints_in(lowered: str) -> int:
    """Which of the list header's, the blurb's and the caption's hints a line in lower case holds, as bits.

    >>> _hints_in("a file photo") == _CAPTION_HINT
    True
    >>> _hints_in("read the newsletter") == _LIST_HEADER_HINT | _BLURB_HINT
    True
    >>> _hints_in("talks in tokyo")
    0
    """
    found = 0
    for _, bits in _HINTS.iter(lowered):
        found |= bits
    return found


def _lower_share(line: str) -> float:
    words = [w for w in _WORD.findall(line) if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[:1].islower()) / len(words)


def sections(text: str) -> list[Section]:
    """Every non-blank line of the page, with the part of the page it is.

    A line ending without closing punctuation is a headline (the first
    title-like line before the body), a standfirst (prose-like lines between
    the headline and the body) or a label, unless it is long prose cut off
    mid-sentence, which is body. Captions, bylines, publisher blurbs, bullet
    items and the items of "Related"-style lists are never body.
    """
    found: list[Section] = []
    in_list = False
    body_seen = False
    headline_seen = False
    for line_start, line in _paragraph_lines(text):
        stripped = line.strip()
        words = len(_WORD.findall(stripped))
        lowered = stripped.lower()
        hints = _hints_in(lowered)
        headline = _ends_open(stripped)  # is_headline(stripped), as stripped is not blank
        kind: SectionKind
        # The cheap tests first: a list header has few words, a caption sentence its credit in brackets.
        if (
            words <= _LIST_HEADER_WORDS
            and (not stripped.isascii() or hints & _LIST_HEADER_HINT)
            and _LIST_HEADER.match(stripped)
        ):
            in_list, kind = True, SectionKind.BOILERPLATE
        elif (
            (in_list and (words < 25 or headline))
            or (_BULLET.match(line) is not None and words < 12)
            or (hints & _BLURB_HINT and _BLURB.search(lowered))
        ):
            kind = SectionKind.BOILERPLATE
        elif _BYLINE.match(stripped):
            kind = SectionKind.LABEL
        elif (
            (words < 40 and hints & _CAPTION_HINT and _CAPTION.search(lowered))
            or (headline and words < _CAPTION_WORDS and _CREDIT.search(stripped))
            or ("(" in stripped and _CAPTION_SENTENCE.match(stripped))
            or (
                words < _CAPTION_WORDS
                and _CLOSING_CREDIT.search(stripped) is not None  # rare, and found at once: first
                and _POSITIONS.search(lowered) is not None
            )
        ):
            kind = SectionKind.CAPTION
        elif (
            not body_seen
            and not headline_seen
            and headline
            and _TITLE_WORDS[0] <= words <= _TITLE_WORDS[1]
            and not (words <= 4 and _lower_share(stripped) == 0)  # a banner: "The Korea Herald"
        ):
            kind = SectionKind.HEADLINE
        elif words < 4:
            kind = SectionKind.LABEL
        elif not headline:
            kind = SectionKind.BODY
        elif not body_seen and headline_seen and 8 <= words <= 40 and _lower_share(stripped) >= 0.5:
            kind = SectionKind.STANDFIRST
        elif words >= _PROSE_WORDS and _lower_share(stripped) >= 0.5 and (body_seen or headline_seen):
            kind = SectionKind.BODY  # a paragraph cut off mid-sentence
        else:
            kind = SectionKind.LABEL
        if kind is SectionKind.CAPTION and found and _is_credit_line(stripped):
            # The credit printed under a photo closes its caption: the short paragraph right above.
            above = found[-1]
            if above.kind is SectionKind.BODY and len(_WORD.findall(above.text)) <= _CREDITED_CAPTION_WORDS:
                found[-1] = attrs.evolve(above, kind=SectionKind.CAPTION)
        if kind is SectionKind.BODY:
            in_list = False
            body_seen = True
        headline_seen = headline_seen or kind is SectionKind.HEADLINE
        found.append(Section(kind, line_start, line_start + len(line), line))
    return found


def _is_credit_line(line: str) -> bool:
    """Whether a line is a photo credit alone: "(Jane Doe / Associated Press)", "(Ann Lee/AFP)"."""
    return _CREDIT_LINE.match(line) is not None and _CREDIT.search(line) is not None


_READ = (SectionKind.HEADLINE, SectionKind.STANDFIRST, SectionKind.BODY)


def article_sentences(text: str, parts: list[Section] | None = None) -> list[Sentence]:
    """The sentences of the headline, the standfirst and the body, in text order.

    A headline in title case ("Sandoval Meets Mireles In Tokyo") is left out: its
    capitals hide which words are names.

    :param parts: the page's :func:`sections`, when the caller has them already.
    """
    sentences: list[Sentence] = []
    paragraph = 0
    for section in sections(text) if parts is None else parts:
        if section.kind not in _READ:
            continue
        line = section.text
        if section.kind is not SectionKind.BODY and _lower_share(line) < 0.4:
            continue
        lead = len(line) - len(line.lstrip())
        cut = _dateline_end(line[lead:])
        body_start = section.start + lead + cut
        for start, end in split_sentences(text[body_start : section.end], body_start):
            for piece_start, piece_end in _pieces(text, start, end):
                sentences.append(
                    Sentence(
                        piece_start,
                        piece_end,
                        text[piece_start:piece_end],
                        paragraph,
                        len(sentences),
                        section.kind,
                    )
                )
        paragraph += 1
    return sentences


def body_sentences(text: str) -> list[Sentence]:
    """The sentences of the article body, with everything else left out (see :func:`sections`).

    A wire dateline opening a paragraph is cut off the first sentence.
    """
    body = [sentence for sentence in article_sentences(text) if sentence.section is SectionKind.BODY]
    return [attrs.evolve(sentence, index=index) for index, sentence in enumerate(body)]


LONGEST_SENTENCE = 1000
"""Characters in the longest sentence read whole; a longer run is read in pieces.

News sentences stay far below this; a longer "sentence" is a table, a list
or hostile input, and reading it in pieces keeps the time spent on each
piece, hence on the document, bounded by its length.
"""
_PIECE_END = re.compile(r"[;,]\s+|\s+")


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`LONGEST_SENTENCE` characters.

    Each piece ends after the last semicolon or comma in its second half,
    else at the last space, else at the limit.

    >>> run = "they met, " * 150
    >>> [(a, b) for a, b in _pieces(run, 0, len(run) - 2)]
    [(0, 999), (1000, 1498)]
    """
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        best_clause = best_space = None
        for match in _PIECE_END.finditer(text, start + LONGEST_SENTENCE // 2, limit):
            if match.group()[0] in ";,":
                best_clause = match.end()
            else:
                best_space = match.end()
        cut = best_clause or best_space or limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
    yield start, end


def _paragraph_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, line)`` for each non-blank logical line.

    A line that stops mid-sentence (no closing punctuation) and is followed
    directly by a line starting in lower case is joined with it: the hard
    line break is kept in the text, so offsets stay those of the document.

    Whether a joined line ends mid-sentence is whether its last line does
    (closing punctuation never spans a line break into a lower-case line),
    so each line is looked at once, and joining many lines takes time
    linear in their length.
    """
    lines = _lines(text)
    upcoming = next(lines, None)
    while upcoming is not None:
        start, line = upcoming
        upcoming = next(lines, None)
        if not line.strip():
            continue
        last, end = line, start + len(line)
        while upcoming is not None and is_headline(last) and upcoming[1][:1].islower():
            last, end = upcoming[1], upcoming[0] + len(upcoming[1])
            upcoming = next(lines, None)
        yield start, (line if end == start + len(line) else text[start:end])


# The line boundaries of ``str.splitlines``, matched one line at a time so that no list of copies is made.
_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(rf"([^{_BREAKS}]*)(\r\n|[{_BREAKS}]|$)")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` of each line, its line break left out, as ``str.splitlines`` splits them."""
    for match in _LINE.finditer(text):
        if not match.group(2) and match.start() == len(text):
            return  # the empty match at the very end (after a final line break, or of an empty text)
        yield match.start(), match.group(1)
