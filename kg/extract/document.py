"""One paper as text with sentence boundaries: the unit every extraction step reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.markup import strip_markup
from kg.extract.nlp import english
from kg.records import Paper


@dataclass
class PaperText:
    paper: Paper
    text: str  # title + "\n" + abstract
    title_end: int
    doc: Doc
    sentences: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, paper: Paper) -> PaperText:
        nlp = english()
        title = strip_markup(paper.title.strip())
        text = f"{title}\n{strip_markup(paper.abstract.strip())}"
        doc = nlp(text)
        sentences = [(0, len(title))]
        for sent in doc.sents:
            # the title has no full stop, so its sentence may run into the abstract's first one
            start = max(sent.start_char, len(title) + 1)
            if start < sent.end_char:
                sentences.append((start, sent.end_char))
        return cls(paper=paper, text=text, title_end=len(title), doc=doc, sentences=sentences)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return self.sentences[-1]

    @property
    def sentence_starts(self) -> set[int]:
        starts = set()
        for start, _ in self.sentences:
            while start < len(self.text) and self.text[start] in " \"'(":
                start += 1
            starts.add(start)
        return starts
