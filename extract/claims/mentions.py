"""How a capitalised word of a sentence is read before it is taken for a person: an ordinary word that opens the
sentence ("Kini, ..."), or a name inside a description of a person ("Pemilik usaha kopi Lereng Merapi itu ...")."""
from __future__ import annotations

import re

from extract.claims.lexicon import alternation


# a description of a person opening the sentence ("Pemilik usaha kopi ...", "Perempuan yang ..."), not naming him
_DESCRIPTION_OPENING = re.compile(rf"^\W*(?:{alternation('speech', 'person_description_heads')})\b(?![^,]*\b(?:bernama|yakni|yaitu)\b)")


def name_inside_description(text: str, start: int, end: int) -> bool:
    """"Pemilik usaha kopi Lereng Merapi itu mengaku ...": a capitalised name inside a description subject that ends
    with itu/tersebut is the business's or the place's, not the speaker (the description refers to a person named
    before or after: anaphora or cataphora)."""
    return bool(re.match(r"\s+(?:itu|tersebut|ini)\b", text[end:])) and bool(_DESCRIPTION_OPENING.match(text[:start]))


_CONNECTIVE_WORD = re.compile(rf"(?:{alternation('clauses', 'connectives')}|{alternation('speech', 'subject_adverbs')})",
                              re.IGNORECASE)


def common_word(word: str, text: str) -> bool:
    """A capitalised word that is an ordinary word, not a name: a connective or an adverb ("Kini", "Namun"), or a word
    the article also writes in lowercase."""
    return bool(_CONNECTIVE_WORD.fullmatch(word)) or \
        re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None
