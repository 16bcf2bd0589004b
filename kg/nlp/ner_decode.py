"""spaCy's greedy NER decoding, the same decisions made many at a time with numpy.

spaCy's ``ner`` (``spacy.TransitionBasedParser.v2`` over the BILUO moves) decides one token per step
and asks, for each state and each of its moves, whether the move is valid: on the CPUs kg runs on,
that check took more than half of the NER component's time and a fifth of the whole model's
(``py-spy --native``, spaCy 3.8). Every NER move consumes exactly one token, so a state is only
"where it is" and "which entity is open, since where": this module steps many states at once, one
numpy operation for all of them, and looks the valid moves up in a table built once from spaCy's
own rules (:func:`_is_valid`, a transcription of ``spacy/pipeline/_parser_internals/ner.pyx``).

To have many states even for one long article, each document is cut into segments after sentence
and clause punctuation and all segments are decoded side by side, each as if no entity were open
at its start. A segment whose predecessor in fact ends inside an entity is decoded again from that
state, in order, so the result is the one spaCy's sequential decoding gives (tests compare them).

:class:`BatchedNER` wraps a loaded ``ner`` component and uses this decoder wherever the component
fits what it implements (greedy, an upper layer, 1/3/6 state features, every class seen); anything
else goes to spaCy's own code.
"""

from __future__ import annotations

import heapq
from typing import Iterable, Iterator, List, Sequence

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, ORTH, SENT_START
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import NumpyOps

from kg.nlp import internals

BEGIN, IN, LAST, UNIT, OUT = range(5)
_MOVE_TYPES = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}
# a segment ends after one of these (any cut gives the same result; these make re-decoding rare)
_CUT_AFTER = frozenset("。！？；，、：!?;,:\n")
# what the decoder reads of each token
COLUMNS = [ORTH, ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]
# fewer streams than this and spaCy's own loop is faster than a numpy step
MIN_STREAMS = 4


def _is_valid(move: int, label: int, open_label: int, last: bool, space: bool, iob0: int, lab0: int,
              iob1: int, ss1: bool) -> bool:
    """spaCy's ``is_valid`` of one BILUO move (``ner.pyx``). ``open_label`` is -1 when no entity
    is open; ``last``: this is the document's last token (spaCy: ``buffer_length() < 2``);
    ``iob0``/``lab0``: this token's preset ``ent_iob``/label; ``iob1``/``ss1``: the next token's
    preset ``ent_iob`` and whether it starts a sentence (0/False after the last token)."""
    is_open = open_label >= 0
    if move == BEGIN:
        if is_open or last or label == 0 or iob0 == 1:
            return False
        if iob0 == 3:
            return label == lab0 and iob1 == 1
        return not (iob1 == 3 or ss1 or space)
    if move == IN:
        if not is_open or last or label == 0 or open_label != label or iob0 == 3 or iob1 == 3:
            return False
        if iob0 == 1:
            return iob1 not in (0, 2) and label == lab0
        return not ss1
    if move == LAST:
        if label == 0 or not is_open:
            return False
        if iob0 == 1 and iob1 != 1:
            return label == lab0
        return open_label == label and iob1 != 1
    if move == UNIT:
        if label == 0:
            return lab0 == 0 and iob0 == 3
        if is_open or iob1 == 1:
            return False
        if iob0 == 3:
            return label == lab0
        return not space
    return not (is_open or iob0 in (1, 3))  # OUT


class Decoder:
    """The move table of one ``ner`` component and the decoding of a batch of its documents."""

    def __init__(self, ner):
        self.ner = ner
        self._tables()

    def _tables(self) -> None:
        ner = self.ner
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.labels: List[int] = [0]  # label ids (string hashes) by index; index 0: no label
        types, labels = [], []
        for name in names:
            kind, _, label = name.partition("-")
            label_id = ner.vocab.strings.add(label) if label else 0
            if label_id not in self.labels:
                self.labels.append(label_id)
            types.append(_MOVE_TYPES[kind])
            labels.append(self.labels.index(label_id))
        self.move_type = numpy.array(types, dtype="int8")
        self.move_label = numpy.array(labels, dtype="int32")
        self.label_index = {label_id: i for i, label_id in enumerate(self.labels)}
        self.cut_orths = numpy.array([ner.vocab.strings.add(c) for c in sorted(_CUT_AFTER)], dtype="uint64")
        self._valid_table()

    # token codes: last(2) × space(2) × iob0(4) × lab0(nL+1) × iob1(4) × ss1(2); lab0 == nL: a
    # preset label the model does not have
    def _valid_table(self) -> None:
        nL = len(self.labels)
        shape = (2, 2, 4, nL + 1, 4, 2)
        n_codes = int(numpy.prod(shape))
        n_states = nL  # state 0: nothing open; state i: an entity of label index i is open
        table = numpy.zeros((n_states, n_codes, len(self.move_type)), dtype=bool)
        for code, (last, space, iob0, lab0, iob1, ss1) in enumerate(numpy.ndindex(*shape)):
            for state in range(n_states):
                for m, (move, label) in enumerate(zip(self.move_type, self.move_label)):
                    table[state, code, m] = _is_valid(
                        int(move), int(label), state if state else -1, bool(last), bool(space),
                        iob0, lab0 if lab0 < nL else -2, iob1, bool(ss1))
        self.code_shape = shape
        self.valid = table.reshape(n_states * n_codes, len(self.move_type))
        self.n_codes = n_codes

    def token_codes(self, columns: numpy.ndarray, lengths: numpy.ndarray) -> numpy.ndarray:
        """Each token's code into the validity table, from the documents' :data:`COLUMNS` one
        after another (``lengths``: tokens per document)."""
        etype = columns[:, 2]  # label hashes: uint64
        signed = columns.astype("int64")  # SENT_START is -1, 0 or 1
        iob0, sstart, space = signed[:, 1], signed[:, 3], signed[:, 4]
        nL = len(self.labels)
        lab0 = numpy.array([self.label_index.get(int(t), nL) if t else 0 for t in etype], dtype="int64") \
            if etype.any() else numpy.zeros_like(iob0)
        last = numpy.zeros(len(columns), dtype="int64")
        last[(numpy.cumsum(lengths) - 1)[lengths > 0]] = 1
        iob1 = numpy.zeros_like(iob0)
        ss1 = numpy.zeros_like(iob0)
        iob1[:-1] = iob0[1:]
        ss1[:-1] = sstart[1:] == 1
        iob1[last == 1] = 0
        ss1[last == 1] = 0
        return numpy.ravel_multi_index((last, space, iob0, lab0, iob1, ss1), self.code_shape)

    def decode(self, docs: Sequence[Doc]) -> list | None:
        """The entities spaCy's greedy decoding gives each document (for :func:`set_entities`),
        or None where this decoder should not be used: fewer than :data:`MIN_STREAMS` segments,
        classes spaCy scores apart, or a state with no valid move (spaCy then stops that
        document early)."""
        lengths = numpy.array([len(doc) for doc in docs], dtype="int64")
        offsets = numpy.concatenate([[0], numpy.cumsum(lengths)]).astype("int64")
        if offsets[-1] == 0:
            return [[] for _ in docs]
        columns = numpy.concatenate([doc.to_array(COLUMNS) for doc in docs if len(doc)])
        starts, stops = self._segments(columns[:, 0], offsets)
        if len(starts) < MIN_STREAMS:
            return None
        presets = bool(columns[:, 1].any())
        # spaCy adds the moves of an entity label it meets preset in a document (and grows the
        # model's output layer for them) before decoding
        if presets and internals.ensure_labels(self.ner, docs):
            self._tables()
        if self.ner.model.attrs.get("unseen_classes"):  # spaCy scores these with the batch's minimum
            return None
        batch = _Batch(self, docs, self.token_codes(columns, lengths), presets)
        if not batch.run(starts, stops, numpy.zeros(len(starts), "int32"), numpy.zeros(len(starts), "int64")):
            return None
        # a segment after one that ends inside an entity: decode it again from that state, in
        # order (which may make the next segment end inside one)
        doc_of = numpy.searchsorted(offsets, starts, side="right") - 1
        same_doc = numpy.zeros(len(starts), dtype=bool)
        same_doc[1:] = doc_of[1:] == doc_of[:-1]
        open_kinds = numpy.isin(self.move_type[batch.act[stops - 1]], (BEGIN, IN))
        queue = (numpy.flatnonzero(same_doc[1:] & open_kinds[:-1]) + 1).tolist()
        queued = set(queue)
        while queue:
            i = heapq.heappop(queue)
            state, start = batch.end_state(int(stops[i - 1]) - 1)
            if not state:
                continue
            if not batch.run(starts[i:i + 1], stops[i:i + 1], numpy.array([state], "int32"),
                             numpy.array([start], "int64")):
                return None
            nxt = i + 1
            if nxt < len(starts) and same_doc[nxt] and nxt not in queued:
                queued.add(nxt)
                heapq.heappush(queue, nxt)
        return batch.entities(docs, offsets)

    def _segments(self, orths: numpy.ndarray, offsets: numpy.ndarray):
        cut = numpy.isin(orths, self.cut_orths)
        cut[offsets[1:][offsets[1:] > offsets[:-1]] - 1] = True  # every document ends a segment
        stops = numpy.flatnonzero(cut) + 1
        starts = numpy.concatenate([[0], stops[:-1]])
        return starts.astype("int64"), stops.astype("int64")


class _Batch:
    """One batch being decoded: the model's precomputed lower layer for its tokens, each token's
    validity code, and the move taken at each token (``act``)."""

    def __init__(self, decoder: Decoder, docs: Sequence[Doc], codes: numpy.ndarray, presets: bool):
        self.d = decoder
        model = decoder.ner.model
        n = len(codes)
        lower, upper = model.layers[1], model.layers[2]
        cached = lower.predict(model.layers[0].predict(list(docs)))  # (n + 1, nF, nH, nP); row 0: padding
        self.nF, self.nH, self.nP = cached.shape[1:]
        self.cached = cached.reshape((n + 1) * self.nF, self.nH * self.nP)
        self.bias = lower.get_param("b").reshape(-1)
        self.W = upper.get_param("W").T.copy()
        self.b = upper.get_param("b")
        self.codes = codes
        self.presets = presets
        self.act = numpy.full(n, -1, dtype="int32")
        self.closed_moves = self._closed_moves(n)

    def end_state(self, g: int) -> tuple[int, int]:
        """(state, start of the open entity) after the move at token ``g``."""
        move_type = self.d.move_type
        move = self.act[g]
        if move_type[move] not in (BEGIN, IN):
            return 0, 0
        start = g
        while move_type[self.act[start]] != BEGIN:
            start -= 1
        return int(self.d.move_label[move]), start

    def _scores(self, rows: numpy.ndarray) -> numpy.ndarray:
        """The upper layer's scores for states whose features are the rows ``rows`` (k, nF) of
        the precomputed lower layer: summed feature by feature and then the bias, as spaCy's
        ``sum_state_features`` adds them, then maxout."""
        unmaxed = self.cached[rows[:, 0]]
        for f in range(1, self.nF):
            unmaxed += self.cached[rows[:, f]]
        unmaxed += self.bias
        pieces = unmaxed.reshape(len(rows), self.nH, self.nP)
        hidden = pieces[:, :, 0].copy()
        for p in range(1, self.nP):
            numpy.maximum(hidden, pieces[:, :, p], out=hidden)
        scores = hidden @ self.W
        scores += self.b
        return scores

    def _best(self, scores: numpy.ndarray, state: numpy.ndarray, g: numpy.ndarray) -> numpy.ndarray:
        """The best valid move of each state (-1 where none is valid)."""
        valid = self.d.valid[state * self.d.n_codes + self.codes[g]]
        scores[~valid] = -numpy.inf
        move = scores.argmax(axis=1)
        if self.presets:  # without preset tags, O (nothing open) or L (open) is always valid
            move[~valid[numpy.arange(len(move)), move]] = -1
        return move

    def _closed_moves(self, n: int) -> numpy.ndarray:
        """The move at every token when no entity is open: the state's features are then the
        token and padding only, so this is computed for all tokens at once."""
        feature = numpy.arange(self.nF, dtype="int64")
        rows = numpy.empty((n, self.nF), dtype="int64")
        rows[:] = feature  # padding rows
        rows[:, 0] = (numpy.arange(n) + 1) * self.nF
        g = numpy.arange(n)
        return self._best(self._scores(rows), numpy.zeros(n, dtype="int64"), g)

    def run(self, starts, stops, state, open_start) -> bool:
        """Decode the streams [starts, stops) side by side, each from its ``state`` (0 or the
        open entity's label index) and ``open_start`` (the open entity's first token); False
        where a stream reached a state with no valid move."""
        order = numpy.argsort(-(stops - starts), kind="stable")
        pos = starts[order].copy()
        length = (stops - starts)[order]
        state = state[order].copy()
        open_start = open_start[order].copy()
        nF = self.nF
        back = numpy.arange(1, nF, dtype="int64")  # the open entity's first nF - 1 tokens
        feature = numpy.arange(nF, dtype="int64")
        move_label = self.d.move_label
        is_begin = self.d.move_type == BEGIN
        keeps = self.d.move_type == IN
        active = len(pos)
        for t in range(int(length[0]) if len(length) else 0):
            while active and length[active - 1] <= t:
                active -= 1
            g = pos[:active]
            st = state[:active]
            move = self.closed_moves[g]
            inside = numpy.flatnonzero(st)
            if len(inside):
                gi = g[inside]
                ids = numpy.full((len(inside), nF), -1, dtype="int64")
                ids[:, 0] = gi
                first = open_start[inside]
                if nF == 3:
                    ids[:, 1] = first
                    ids[:, 2] = gi - 1
                elif nF == 6:
                    span = first[:, None] + back - 1
                    ids[:, 1:] = numpy.where(span < gi[:, None], span, -1)
                rows = (ids + 1) * nF + feature
                move[inside] = self._best(self._scores(rows), st[inside].astype("int64"), gi)
            if self.presets and (move < 0).any():
                return False
            self.act[g] = move
            begins = is_begin[move]
            open_start[:active] = numpy.where(begins, g, open_start[:active])
            state[:active] = numpy.where(begins, move_label[move], numpy.where(keeps[move], st, 0))
            pos[:active] += 1
        return True

    def entities(self, docs: Sequence[Doc], offsets: numpy.ndarray) -> list:
        """Each document's entities: where no token had a preset tag, its ``ENT_IOB`` and
        ``ENT_TYPE`` columns (B/U: 3, I/L: 1, O: 2); else its entity spans, as spaCy makes them."""
        kind = self.d.move_type[self.act]
        label = self.d.move_label[self.act]
        if not self.presets:
            columns = numpy.empty((len(self.act), 2), dtype="uint64")
            columns[:, 0] = _IOB[kind]
            columns[:, 1] = numpy.array(self.d.labels, dtype="uint64")[label]
            return [columns[offsets[d]:offsets[d + 1]] for d in range(len(docs))]
        begins = numpy.flatnonzero(kind == BEGIN)
        lasts = numpy.flatnonzero(kind == LAST)
        units = numpy.flatnonzero(kind == UNIT)
        starts = numpy.concatenate([begins[numpy.searchsorted(begins, lasts) - 1], units])
        ends = numpy.concatenate([lasts, units]) + 1
        labels = label[numpy.concatenate([lasts, units])]
        order = numpy.argsort(starts, kind="stable")
        starts, ends, labels = starts[order], ends[order], labels[order]
        doc_of = numpy.searchsorted(offsets, starts, side="right") - 1
        result: List[List[Span]] = [[] for _ in docs]
        for d, s, e, lab in zip(doc_of.tolist(), starts.tolist(), ends.tolist(), labels.tolist()):
            doc, base = docs[d], int(offsets[d])
            result[d].append(Span(doc, s - base, e - base, label=self.d.labels[lab],
                                  kb_id=doc[s - base].ent_kb_id))
        return result


_IOB = numpy.array([3, 1, 1, 3, 2], dtype="uint64")  # ENT_IOB by move type: B, I, L, U, O


def set_entities(doc: Doc, entities) -> None:
    """Set what :meth:`Decoder.decode` found on ``doc``: its ``ENT_IOB``/``ENT_TYPE`` columns, or
    its spans as spaCy's ``BiluoPushDown.set_annotations`` does (the entities, and every token
    left without an entity tag marked outside)."""
    if isinstance(entities, numpy.ndarray):
        if len(doc):
            doc.from_array([ENT_IOB, ENT_TYPE], entities)
        return
    doc.set_ents(entities, default="unmodified")
    unset = numpy.zeros(len(doc) + 2, dtype="int8")
    unset[1:-1] = doc.to_array(ENT_IOB) == 0
    edges = numpy.flatnonzero(numpy.diff(unset))  # run i: [edges[2i], edges[2i + 1])
    if len(edges):
        doc.set_ents([], outside=[doc[a:b] for a, b in zip(edges[::2].tolist(), edges[1::2].tolist())],
                     default="unmodified")


def fits(ner) -> bool:
    """Whether :class:`Decoder` implements what this ``ner`` component does."""
    try:
        model = ner.model
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        return (
            type(ner).__name__ == "EntityRecognizer"
            and ner.cfg.get("beam_width", 1) == 1
            and model.name == "parser_model"
            and model.attrs.get("has_upper")
            and not model.attrs.get("unseen_classes")
            and model.layers[1].get_dim("nF") in (1, 3, 6)
            and model.layers[1].get_dim("nP") >= 2
            and all(name == "O" or name[:2] in ("B-", "I-", "L-", "U-") for name in names)
            and isinstance(model.ops, NumpyOps)
        )
    except Exception:  # noqa: BLE001  (anything unexpected: leave the component to spaCy)
        return False


class BatchedNER:
    """A loaded spaCy ``ner`` component whose ``__call__`` and ``pipe`` decode with
    :class:`Decoder`; everything else is the component's own."""

    def __init__(self, ner):
        self._ner = ner
        self._decoder = Decoder(ner)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._ner, name)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        handler = self._ner.get_error_handler()
        for docs in minibatch(stream, size=batch_size):
            try:
                yield from self._batch(docs)
            except Exception as e:  # noqa: BLE001  (spaCy's error-handler contract)
                handler(self._ner.name, self._ner, docs, e)

    def _batch(self, docs: List[Doc]) -> List[Doc]:
        decoded = self._decoder.decode(docs)
        if decoded is None:
            return list(self._ner.pipe(docs, batch_size=len(docs)))
        for doc, spans in zip(docs, decoded):
            set_entities(doc, spans)
        return docs


def use_batched_ner(nlp) -> bool:
    """Put :class:`BatchedNER` in place of ``nlp``'s ``ner`` component where it fits; True if it
    did. The pipeline's output is unchanged (only faster)."""
    pipeline = internals.components(nlp)
    for i, (name, component) in enumerate(pipeline):
        if name == "ner" and not isinstance(component, BatchedNER) and fits(component):
            pipeline[i] = (name, BatchedNER(component))
            return True
    return False


def use_spacy_ner(nlp) -> None:
    """Undo :func:`use_batched_ner`: ``nlp`` decodes with spaCy's own loop again."""
    pipeline = internals.components(nlp)
    pipeline[:] = [(name, c._ner if isinstance(c, BatchedNER) else c) for name, c in pipeline]
