"""kg's CPU ops give thinc's results: matrix products through numpy's BLAS, Mish in one exp."""

import numpy
from thinc.api import NumpyOps

from kg.nlp.inference import KgNumpyOps


def test_mish_matches_thincs():
    x = numpy.random.RandomState(0).randn(500, 64).astype("float32") * 8
    x[0, :6] = [20.0, 25.0, -200.0, 0.0, 19.99, 1e4]  # the threshold, past it, underflow, huge
    ours, thincs = KgNumpyOps().mish(x), NumpyOps().mish(x)
    assert ours.dtype == numpy.float32 and ours.shape == x.shape
    assert numpy.abs(ours - thincs).max() < 2e-6
    assert numpy.allclose(ours, thincs, rtol=1e-5, atol=1e-6)
    assert numpy.array_equal(ours[x >= 20], x[x >= 20])


def test_mish_in_place_and_float64():
    x = numpy.linspace(-30, 30, 600, dtype="float32").reshape(3, -1)
    expected = NumpyOps().mish(x)
    y = KgNumpyOps().mish(x, inplace=True)
    assert y is x and numpy.allclose(x, expected, atol=1e-6)
    x64 = numpy.linspace(-5, 5, 11)
    assert numpy.allclose(KgNumpyOps().mish(x64), NumpyOps().mish(x64))


def test_gemm_matches_thincs():
    rng = numpy.random.RandomState(1)
    a, b = rng.randn(7, 5).astype("float32"), rng.randn(3, 5).astype("float32")
    assert numpy.allclose(KgNumpyOps().gemm(a, b, trans2=True), NumpyOps().gemm(a, b, trans2=True), atol=1e-5)
