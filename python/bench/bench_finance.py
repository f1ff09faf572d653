"""Side-by-side timings of cleanprod.finance, numpy-financial, pyxirr and numpy.

Run (after building the wheel into the venv, e.g. with scripts/test):

    .cache/venv/bin/python python/bench/bench_finance.py

Prints a Markdown table for BENCHMARKS.md. Timings are the best of several repeats
(timeit), per call or per batch.
"""

from __future__ import annotations

import platform
import timeit
import warnings

import numpy as np
import numpy_financial as npf
import pyxirr

from cleanprod import finance


def conventional(rows: int, periods: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    outlay = rng.uniform(1_000, 100_000, (rows, 1))
    return np.hstack([-outlay, 0.3 * outlay * rng.uniform(0, 1, (rows, periods - 1))])


def best(stmt, number: int, repeat: int = 5) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


def main() -> None:
    warnings.simplefilter("ignore")
    one = conventional(1, 20, 1)[0]
    one_list = one.tolist()
    batch = conventional(100_000, 20, 7)
    rows = [r.tolist() for r in batch]
    rate = 0.08
    discount = (1 + rate) ** -np.arange(20)

    table = []

    def add(what: str, seconds: float, unit: str = "µs") -> None:
        scale = {"µs": 1e6, "ms": 1e3, "ns": 1e9}[unit]
        table.append((what, f"{seconds * scale:,.2f} {unit}"))

    add("cleanprod.finance.irr, one 20-period list", best(lambda: finance.irr(one_list), 20_000))
    add("pyxirr.irr, same list", best(lambda: pyxirr.irr(one_list), 20_000))
    add("numpy_financial.irr, same list", best(lambda: npf.irr(one_list), 500))
    add("cleanprod.finance.npv, one 20-period list", best(lambda: finance.npv(rate, one_list), 20_000))
    add("numpy_financial.npv, same list", best(lambda: npf.npv(rate, one_list), 20_000))

    t_batch = best(lambda: finance.irr(batch), 3, repeat=5)
    add("cleanprod.finance.irr, 100,000 x 20 array (batch)", t_batch, "ms")
    sub = rows[:10_000]
    t_pyxirr = best(lambda: [pyxirr.irr(r) for r in sub], 1, repeat=3) * 10
    add("pyxirr.irr looped over the 100,000 rows (10,000 timed, x10)", t_pyxirr, "ms")
    t_npv = best(lambda: finance.npv(rate, batch), 10)
    add("cleanprod.finance.npv, 100,000 x 20 array (batch)", t_npv, "ms")
    t_matmul = best(lambda: batch @ discount, 10)
    add("numpy batch @ discount_factors, same array", t_matmul, "ms")

    rates = np.linspace(0.0001, 0.02, 100_000)
    t_pmt = best(lambda: finance.pmt(rates, 120, 50_000), 5)
    add("cleanprod.finance.pmt over 100,000 rates (one batch)", t_pmt, "ms")
    t_npf_pmt = best(lambda: npf.pmt(rates, 120, 50_000), 5)
    add("numpy_financial.pmt, same rates", t_npf_pmt, "ms")

    print(f"Python {platform.python_version()}, numpy {np.__version__}, "
          f"numpy-financial {npf.__version__ if hasattr(npf, '__version__') else '?'}, "
          f"pyxirr {pyxirr.__version__ if hasattr(pyxirr, '__version__') else '?'}\n")
    print("| what | time |\n|---|---|")
    for what, t in table:
        print(f"| {what} | {t} |")
    print(f"\nbatch IRR is {t_pyxirr / t_batch:.1f}x faster than looping pyxirr; "
          f"batch NPV is {t_npv / t_matmul:.2f}x numpy's matmul")


if __name__ == "__main__":
    main()
