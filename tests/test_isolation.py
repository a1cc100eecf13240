"""The child process that reads an upload: what the person is told when it stops without an answer.

Before, any child that vanished was reported as "melebihi batas memori", also one that stopped for another
reason (seen when the source changed under a running server). Now only a child the system killed, or one
that ran out of memory, is reported as too heavy; another stop says it stopped, with its exit code."""

import os
import signal

import pytest

from kinerja.isolation import check_files_isolated
from kinerja.readers import ReadError


def _exits(paths):  # run in the child: it stops at once, as a crash at start-up would
    os._exit(3)


def _killed(paths):  # run in the child: the system's out-of-memory killer sends SIGKILL
    os.kill(os.getpid(), signal.SIGKILL)


def _runs_out(paths):  # run in the child: an allocation that fails
    raise MemoryError


def _reads(paths):  # run in the child: what it read comes back
    return [len(p) for p in paths]


def test_a_child_that_stops_is_not_reported_as_out_of_memory(tmp_path):
    with pytest.raises(ReadError) as stopped:
        check_files_isolated([tmp_path / "form.txt"], work=_exits, seconds=60)
    message = str(stopped.value)
    assert "berhenti tiba-tiba (kode keluar 3)" in message and "Tidak ada yang disimpan" in message
    assert "memori" not in message


def test_a_child_killed_by_the_system_is_reported_as_too_heavy(tmp_path):
    with pytest.raises(ReadError, match="dihentikan oleh sistem, biasanya karena kehabisan memori"):
        check_files_isolated([tmp_path / "form.txt"], work=_killed, seconds=60)


def test_a_child_out_of_memory_says_so_and_an_answer_comes_back(tmp_path):
    with pytest.raises(ReadError, match="batas memori"):
        check_files_isolated([tmp_path / "form.txt"], work=_runs_out, seconds=60)
    assert check_files_isolated(["ab", "cde"], work=_reads, seconds=60) == [2, 3]
