#!/usr/bin/env python3
"""nnlab against the numpy oracle, side by side in one run.

Training: the seed lab's single update and four execute_ann cases (numeric gradients),
timed in process on both sides (the oracle's functions imported, nnlab's release
benchmark executable), so neither side pays for interpreter or process start-up.
Report: the whole `nnlab report` process for the seed lab, wall time and peak memory.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'reference'))
import seed_reference  # noqa: E402

SEED_CASES = [
    dict(activation='relu', batch_size=1, epochs=10, learning_rate=0.01, batch_norm=False),
    dict(activation='relu', batch_size=1, epochs=10, learning_rate=0.3, batch_norm=False),
    dict(activation='relu', batch_size=20, epochs=200, learning_rate=0.1, batch_norm=False),
    dict(activation='relu', batch_size=20, epochs=200, learning_rate=0.1, batch_norm=True),
]


def oracle_seed_lab():
    start = time.perf_counter()
    step = seed_reference.step(317, 0.2)
    finals = [seed_reference.train(317, 100, **c)['loss_train'][-1] for c in SEED_CASES]
    return time.perf_counter() - start, finals, step


def run_measured(command):
    """Wall seconds and peak resident memory (MiB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode()
    if status != 0:
        raise SystemExit(f'{command[0]} failed: {stderr}')
    return wall, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--bin', required=True, help='folder of the release build')
    parser.add_argument('--oracle-runs', type=int, default=3)
    args = parser.parse_args()

    print('Training the seed lab (single update + four cases, numeric gradients)')
    oracle_times = []
    for _ in range(args.oracle_runs):
        seconds, finals, _ = oracle_seed_lab()
        oracle_times.append(seconds)
    oracle = statistics.median(oracle_times)
    out = subprocess.run([os.path.join(args.bin, 'nnlab-bench'), '15'], check=True,
                         capture_output=True, text=True).stdout
    swift = json.loads(out)
    print(f"  numpy oracle (median of {args.oracle_runs}):      {oracle * 1000:9.1f} ms")
    print(f"  nnlab, cases on both cores (median of {swift['runs']}): {swift['parallel_median'] * 1000:9.2f} ms"
          f"   {oracle / swift['parallel_median']:7.0f}x faster")
    print(f"  nnlab, one core (median of {swift['runs']}):           {swift['one_core_median'] * 1000:9.2f} ms"
          f"   {oracle / swift['one_core_median']:7.0f}x faster")
    print(f"  nnlab, one core, analytic gradients:      {swift['analytic_one_core_median'] * 1000:9.2f} ms"
          f"   {swift['one_core_median'] / swift['analytic_one_core_median']:7.1f}x faster than numeric")
    expected = sum(finals) + seed_reference.step(317, 0.2)['params_after']['b11']
    if abs(expected - swift['checksum']) > 1e-9:
        raise SystemExit(f"checksum mismatch: oracle {expected}, nnlab {swift['checksum']}")

    nnlab = os.path.join(args.bin, 'nnlab')
    if subprocess.run([nnlab, 'report', '--print-default'], capture_output=True).returncode == 0:
        print('Whole `nnlab report` process for the seed lab')
        with tempfile.TemporaryDirectory() as folder:
            walls, peaks = [], []
            for i in range(5):
                wall, peak = run_measured([nnlab, 'report', '--quiet', '--out', os.path.join(folder, f'r{i}')])
                walls.append(wall)
                peaks.append(peak)
            size = os.path.getsize(os.path.join(folder, 'r0', 'index.html'))
        print(f"  wall time (median of 5): {statistics.median(walls) * 1000:7.1f} ms   (target < 300 ms)")
        print(f"  peak memory (largest):   {max(peaks):7.1f} MiB  (target < 40 MiB)")
        print(f"  index.html:              {size / 1024:7.1f} KiB  (target < 300 KiB)")


if __name__ == '__main__':
    main()
