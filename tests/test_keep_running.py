"""bin/keep-running, which keeps the task worker up under `make run` and `make serve`."""

import signal
import subprocess
import time
from pathlib import Path

BIN = Path(__file__).resolve().parents[1] / "bin" / "keep-running"


def test_a_command_that_exits_is_started_again_and_stopping_stops_both(tmp_path):
    starts = tmp_path / "starts"
    command = f"echo started >> {starts}; exec sleep 0.2"
    keeper = subprocess.Popen([BIN, "sh", "-c", command], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if starts.exists() and len(starts.read_text().splitlines()) >= 3:
                break
            time.sleep(0.1)
        assert len(starts.read_text().splitlines()) >= 3
    finally:
        keeper.send_signal(signal.SIGTERM)
        assert keeper.wait(10) == 0
    assert b"exited with status 0; starting it again" in keeper.stderr.read()


def test_stopping_it_stops_a_long_running_command(tmp_path):
    pid_file = tmp_path / "pid"
    keeper = subprocess.Popen([BIN, "sh", "-c", f"echo $$ > {pid_file}; exec sleep 60"])
    deadline = time.monotonic() + 10
    while not (pid_file.exists() and pid_file.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    child = int(pid_file.read_text())
    keeper.send_signal(signal.SIGTERM)
    assert keeper.wait(10) == 0
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text()


def test_it_stops_with_its_command_when_whoever_started_it_is_killed_outright(tmp_path):
    pid_file = tmp_path / "pids"
    # A shell starts it, notes its pid and the command's, then dies by SIGKILL: no trap runs.
    starter = subprocess.Popen(
        [
            "bash",
            "-c",
            f'"{BIN}" sh -c "echo \\$\\$ >> {pid_file}; exec sleep 60" & '
            f"echo $! >> {pid_file}; sleep 60",
        ]
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if pid_file.exists() and len(pid_file.read_text().split()) == 2:
            break
        time.sleep(0.05)
    pids = [int(pid) for pid in pid_file.read_text().split()]
    starter.kill()
    starter.wait(10)

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(pid) for pid in pids):
        time.sleep(0.1)
    assert not any(_running(pid) for pid in pids)


def _running(pid):
    stat = Path(f"/proc/{pid}/stat")
    try:
        return ") Z " not in stat.read_text()
    except FileNotFoundError:
        return False
