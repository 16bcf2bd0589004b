"""Running thinc models on the CPU: faster matrix products, and less memory held during a batch.

Both are set up by :func:`kg.load` (and the first by :func:`kg.nlp.train.train`), not at import:
importing kg changes nothing global.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps, get_current_ops, set_current_ops

from kg.nlp import internals


# thinc's NumpyOps multiplies matrices with its bundled blis, which on some CPUs (measured: AMD EPYC,
# one thread) runs at under half the speed of numpy's BLAS. The CNN encoder is almost all matrix
# products, so kg routes them through numpy: same results, about twice the training and tagging speed.


class KgNumpyOps(NumpyOps):
    name = "kg_numpy"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.ascontiguousarray(numpy.matmul(a, b), dtype="float32")
        numpy.matmul(a, b, out=out)
        return out

    def mish(self, X, threshold: float = 20.0, inplace: bool = False):
        """x·tanh(softplus(x)) as x·n/(n+2) with n = eˣ(eˣ+2): one vectorized exp per element where
        thinc's loop takes an exp, a log and a tanh one element at a time (in a Mish encoder, over 4×
        the time of all its matrix products). At ``threshold`` and above, x."""
        if X.dtype != numpy.float32:
            return super().mish(X, threshold=threshold, inplace=inplace)
        n = numpy.minimum(X, numpy.float32(threshold))
        numpy.exp(n, out=n)
        n *= n + numpy.float32(2.0)  # eˣ(eˣ+2); n/(n+2) rounds to 1 from x ≈ 9 on, so x ≥ threshold gives x
        numpy.divide(n, n + numpy.float32(2.0), out=n)
        return numpy.multiply(X, n, out=X if inplace else n)


def use_fast_cpu_ops() -> None:
    """Make new thinc models use :class:`KgNumpyOps` when the current ops are thinc's NumpyOps."""
    if type(get_current_ops()) is NumpyOps:
        set_current_ops(KgNumpyOps())


def _lean_chain_forward(model: Model, X, is_train: bool):
    """thinc's ``chain``, which keeps every layer's intermediate arrays for a backward pass until
    the whole chain is done, even when predicting; here, when predicting, each layer's are let go
    as soon as the next layer has its output."""
    if is_train:
        return internals.chain_forward()(model, X, is_train)
    for layer in model.layers:
        X = layer.predict(X)
    return X, _no_backprop


def _no_backprop(dY):
    raise ValueError("this output was predicted (is_train=False): there is no backward pass")


def lean_inference(nlp: Language) -> int:
    """Let the chains of ``nlp``'s models free each layer's arrays as soon as they are used when
    predicting (training is unchanged). The NER encoder's four layers each make arrays of a
    640-wide window per character: a batch of 8 articles (4,000 characters) peaks at 94 MB in the
    encoder with the arrays kept and at 27 MB with them freed, with the same output. Returns the
    number of chains changed."""
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if internals.forward_of(node) is internals.chain_forward():
                internals.set_forward(node, _lean_chain_forward)
                changed += 1
    return changed
