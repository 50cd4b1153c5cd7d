"""read_limited reads what ``open(path, "rb").read(limit)`` reads, without allocating the
limit up front: whole files, truncation at the limit, pipes and /proc-like files that
report no size, files that grow after their size was taken, and the same errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ldpress.fsutil import read_fd, read_limited


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200_000), st.integers(0, 250_000))
def test_reads_what_a_limited_read_reads(data: bytes, limit: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f"
        path.write_bytes(data)
        with path.open("rb") as fh:
            expected = fh.read(limit)
        assert read_limited(path, limit) == expected
        assert read_limited(str(path), limit) == expected


def test_empty_file_and_zero_limit(tmp_path: Path) -> None:
    (tmp_path / "e").write_bytes(b"")
    (tmp_path / "f").write_bytes(b"abc")
    assert read_limited(tmp_path / "e", 10) == b""
    assert read_limited(tmp_path / "f", 0) == b""


def test_reads_on_past_a_stale_size(tmp_path: Path) -> None:
    path = tmp_path / "grown"
    path.write_bytes(b"x" * 200_000)
    fd = os.open(path, os.O_RDONLY)
    try:  # the size taken before the file grew to 200,000 bytes
        assert read_fd(fd, 10**9, 3) == b"x" * 200_000
    finally:
        os.close(fd)


def test_reads_a_pipe_that_reports_no_size() -> None:
    r, w = os.pipe()
    os.write(w, b"abc" * 1000)
    os.close(w)
    try:
        assert os.fstat(r).st_size == 0
        assert read_fd(r, 10**9, 0) == b"abc" * 1000
    finally:
        os.close(r)


def test_errors_are_those_of_open(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "missing", 10)
    with pytest.raises(IsADirectoryError):
        read_limited(tmp_path, 10)
