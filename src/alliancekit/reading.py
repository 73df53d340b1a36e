r"""The reading of an article, as a public API for extractor plugins.

An extractor that brings its own engine (a parser, a model) still needs to
read a news page the way the built-in extractor does: which lines are the
headline, the body or a caption, where sentences end, who the people and
places are, which words are times. This module gathers those stages under
names that stay stable from release to release; the modules they live in
(``alliancekit.rules.*``, ``alliancekit.temporal``) are internal and may
change. Each stage reads the text (or a sentence of it) and returns its own
layer, with document offsets:

1. :func:`sections` and :func:`article_sentences`: the page's parts and the
   sentences of its headline, standfirst and body (:class:`Sentence`);
2. :class:`PersonFinder` (people by name, title or office, resolved with the
   knowledge base and across the article), :func:`find_groups`,
   :func:`find_pronouns` and :func:`find_places`;
3. :func:`find_time_expressions` and :func:`resolve`: time expressions and
   their intervals, counted from an anchor date;
4. :func:`country_of_word` and :func:`country_pattern`: countries by name,
   demonym or possessive; :func:`is_title_word` and the word classes
   (:data:`HONORIFICS`, :data:`RANK_WORDS`, :data:`ORG_WORDS`,
   :data:`FUNCTION_WORDS`) that tell a name from the words around it;
5. :func:`find_triggers`: the words that state a meeting, visit, call or
   invitation (:class:`Trigger`), from the trigger lexicon.

An extractor with a parser hands its syntax to the built-in reading rather
than reading events on its own: it implements :class:`Syntax` (the
:class:`Arguments` of a trigger's head word, the clause round a word, in
document offsets), builds a :class:`Reading` of the document with it and
runs :func:`read_article`, the built-in pipeline, which consults the syntax
where word order is a weak guide (a passive, a subject far from its verb, a
fact reported in a quotation). Without a syntax, :func:`read_article` reads
as the ``rules`` extractor does; :func:`explanation` gives the reasons for
each event it returns.

>>> import datetime as dt
>>> from alliancekit.plugins import Plugins
>>> text = "Abe met Biden in Tokyo\nPrime Minister Shinzo Abe met Vice President Joe Biden on Tuesday."
>>> [(s.section.value, s.text[:22]) for s in article_sentences(text)]
[('headline', 'Abe met Biden in Tokyo'), ('body', 'Prime Minister Shinzo ')]
>>> finder = PersonFinder(Plugins.create(load_entrypoints=False).knowledge_base, dt.date(2013, 12, 4))
>>> [p.name for p in finder.find(text.splitlines()[1], 0)]
['Shinzo Abe', 'Joe Biden']
>>> [t.text for t in find_time_expressions(text)]
['on Tuesday']
>>> [(t.type.value, t.text) for t in find_triggers("Abe met Biden in Tokyo.", 0)]
[('meeting', 'met')]
>>> from alliancekit.model import Document
>>> document = Document("d", text, dt.date(2013, 12, 4))
>>> [event.type.value for event, _ in read_article(Reading(document, finder.knowledge_base))]
['meeting']
"""

from __future__ import annotations

from alliancekit.rules.document import Reading
from alliancekit.rules.emit import explanation
from alliancekit.rules.extractor import read_article
from alliancekit.rules.lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    ORG_WORDS,
    RANK_WORDS,
    country_of_word,
    country_pattern,
    is_title_word,
)
from alliancekit.rules.mentions import (
    GroupMention,
    PersonFinder,
    PersonMention,
    PlaceMention,
    PronounMention,
    find_groups,
    find_places,
    find_pronouns,
)
from alliancekit.rules.syntax import Arguments, Span, Syntax
from alliancekit.rules.text import (
    Section,
    SectionKind,
    Sentence,
    article_sentences,
    body_sentences,
    sections,
    split_sentences,
)
from alliancekit.rules.triggers import Trigger, find_triggers
from alliancekit.temporal import Direction, TimeMention, find_time_expressions, resolve

__all__ = [
    "FUNCTION_WORDS",
    "HONORIFICS",
    "ORG_WORDS",
    "RANK_WORDS",
    "Arguments",
    "Direction",
    "GroupMention",
    "PersonFinder",
    "PersonMention",
    "PlaceMention",
    "PronounMention",
    "Reading",
    "Section",
    "SectionKind",
    "Sentence",
    "Span",
    "Syntax",
    "TimeMention",
    "Trigger",
    "article_sentences",
    "body_sentences",
    "country_of_word",
    "country_pattern",
    "explanation",
    "find_groups",
    "find_places",
    "find_pronouns",
    "find_time_expressions",
    "find_triggers",
    "is_title_word",
    "read_article",
    "resolve",
    "sections",
    "split_sentences",
]
