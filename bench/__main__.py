"""`python -m bench` (`make bench`): every benchmark in turn, one table.

Sub-benchmarks run alone too: python -m bench.extraction | bench.ingest | bench.reads | bench.scale |
bench.memory | bench.queue, each with --quick for a fast smoke run. See bench/README.md for what each measures.
"""

from __future__ import annotations

import importlib
import time
import traceback

from bench.common import Row, finish, log, parser

BENCHMARKS = ("extraction", "costly", "ingest", "queue", "reads", "scale", "memory")


def main() -> None:
    """Run the selected benchmarks and print one table."""
    p = parser(__doc__ or "")
    p.add_argument("--only", help=f"comma-separated subset of {','.join(BENCHMARKS)}")
    args = p.parse_args()
    chosen = [b.strip() for b in args.only.split(",")] if args.only else list(BENCHMARKS)
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        p.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    rows: list[Row] = []
    started = time.perf_counter()
    for name in chosen:
        log(f"== {name}")
        t = time.perf_counter()
        try:
            rows += importlib.import_module(f"bench.{name}").run(args)
        except Exception as exc:  # one broken benchmark must not hide the others' numbers
            traceback.print_exc()
            rows.append(Row(name, "ERROR", f"{type(exc).__name__}: {exc}"[:200], "", False))
        log(f"== {name} took {time.perf_counter() - t:.0f}s")
    rows.append(Row("total", "wall time", f"{time.perf_counter() - started:.0f} s"))
    finish(rows, args.strict)


if __name__ == "__main__":
    main()
