"""The built-in rule-based extractor, ``rules``.

Pure Python and fast: no model to download. It builds one layered reading
of an article (:mod:`~alliancekit.rules.document`) and runs stages over it,
each a module with one job; :func:`~alliancekit.rules.extractor.read_article`
lists them in order:

1. segment: :mod:`~alliancekit.rules.text` tells the parts of the page apart
   and keeps the sentences of the headline, the standfirst and the body (no
   captions, lists of popular articles or publisher blurbs);
2. find mentions: :mod:`~alliancekit.rules.mentions` finds people (from
   titles, ranks, appositions, the knowledge base and earlier mentions),
   groups, places and pronouns;
3. find triggers: :mod:`~alliancekit.rules.triggers` finds the words that
   state a meeting, visit, call or invitation, with the phrasings of the
   trigger lexicon, data that :mod:`~alliancekit.rules.patterns` compiles
   (``rules/data/triggers.toml``);
4. attach arguments: :mod:`~alliancekit.rules.attach` drafts an engagement
   per trigger with its parties, read from the trigger's clause
   (:mod:`~alliancekit.rules.clauses`), with pronouns resolved
   (:mod:`~alliancekit.rules.coreference`);
5. decide: :mod:`~alliancekit.rules.status`, :mod:`~alliancekit.rules.timing`
   and :mod:`~alliancekit.rules.places` give each draft its status, time and
   place, from the word classes of :mod:`~alliancekit.rules.cues`;
6. corefer: "his Japanese counterpart" and offices named without a name
   become people (:mod:`~alliancekit.rules.coreference`, the offices data),
   and :mod:`~alliancekit.rules.clusters` merges the drafts of one
   engagement and lets related ones fill each other's time and place;
7. emit: :mod:`~alliancekit.rules.emit` turns each draft into an event, with
   the explanation ``alliancekit explain`` shows.

What keeps it fast, and its time linear in the length of any input:

* most work is done only where it can matter: a sentence's times, places,
  pronouns and groups are read only when one of its triggers asks, a time
  pattern runs only where its cues occur (a month name and a digit for
  "Jan. 15"), and a trigger pattern only where a word begins as the pattern
  does (:func:`~alliancekit.rules.triggers.leading_words`), both read off
  the patterns themselves and checked by tests against running every one;
* a sentence longer than :data:`~alliancekit.rules.text.LONGEST_SENTENCE`
  characters (a table, a list, hostile input) is read in pieces, a
  trigger's clause reaches at most 400 characters either side, clause
  breaks are found once per sentence, and merging compares an engagement
  with the latest 64 only, so no step does more than a bounded amount of
  work per character; ``nox -s adversarial`` measures this on hostile
  documents up to 1 MB.

>>> RulesExtractor.name
'rules'
"""

from alliancekit.rules.extractor import RulesExtractor

__all__ = ["RulesExtractor"]
