"""`make bench SIZES=1k,100k,1m` names its archives, databases and results files alike."""

import importlib.util
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location(
    "bench_run", Path(__file__).resolve().parent.parent / "bench" / "run.py"
)
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_sizes_are_read_as_the_makefile_writes_them():
    assert bench.sizes_from({"SIZES": "1k,100k,1m"}) == [1000, 100_000, 1_000_000]
    assert bench.sizes_from({"SIZES": " 1M "}) == [1_000_000]


def test_the_older_variable_and_the_default_still_work():
    assert bench.sizes_from({"BENCH_SIZES": "1000,100000"}) == [1000, 100_000]
    assert bench.sizes_from({"SIZES": "", "BENCH_SIZES": "1000"}) == [1000]
    assert bench.sizes_from({}) == [1000, 100_000]


def test_labels_name_results_and_databases_in_the_same_units():
    assert [bench.label_for(n) for n in (1000, 100_000, 1_000_000, 2500)] == [
        "1k",
        "100k",
        "1m",
        "2500",
    ]
    assert bench.database_url(1_000_000).endswith("/opinion_blog_bench_1m")


def test_a_size_it_cannot_read_stops_the_run_with_a_message():
    with pytest.raises(SystemExit, match="Not an archive size"):
        bench.sizes_from({"SIZES": "a million"})
