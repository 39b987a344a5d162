#!/usr/bin/env python3
"""nnlab against the numpy oracle, side by side in one run.

Training, timed in process on both sides (the oracle's functions imported, nnlab's release
benchmark executable), so neither side pays for interpreter or process start-up:
  * the seed lab's single update and four execute_ann cases (numeric gradients);
  * a 2-8-8-1 tanh network on 1000 spiral points, 10 epochs of batches of 10 (numeric
    gradients in both; nnlab also with backpropagation).
Start-up: the whole `nnlab train --epochs 1` process (100 updates of the notebook's network),
median wall time of 40 runs and peak memory.
Reports: the whole `nnlab report` process for the seed lab (SVG only, and with PNG and PDF
figures: `--formats svg,png,pdf`), for examples/playground.json, and for a CSV file of a
million points (one epoch of batches of 100, analytic gradients), wall time and peak memory.
Sweeps: bench/sweep-100.json (100 seed-lab cases of 1000 iterations) with --jobs 1 and 2,
and bench/sweep-1000.json (1000 such cases) on every core.
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
# GNU time, which measures a child's peak memory from a small process of its own.
TIME = '/usr/bin/time'
sys.path.insert(0, os.path.join(ROOT, 'reference'))
import seed_reference  # noqa: E402

SEED_CASES = [
    dict(activation='relu', batch_size=1, epochs=10, learning_rate=0.01, batch_norm=False),
    dict(activation='relu', batch_size=1, epochs=10, learning_rate=0.3, batch_norm=False),
    dict(activation='relu', batch_size=20, epochs=200, learning_rate=0.1, batch_norm=False),
    dict(activation='relu', batch_size=20, epochs=200, learning_rate=0.1, batch_norm=True),
]
# The same run as nnlab-bench's spiral benchmark.
SPIRAL = dict(seed=317, n_obs=1000, activation='tanh', batch_size=10, epochs=10, learning_rate=0.03,
              data='spiral', hidden=[8, 8], init='random')


def oracle_seed_lab():
    start = time.perf_counter()
    step = seed_reference.step(317, 0.2)
    finals = [seed_reference.train(317, 100, **c)['loss_train'][-1] for c in SEED_CASES]
    return time.perf_counter() - start, finals, step


def oracle_spiral():
    start = time.perf_counter()
    result = seed_reference.train(**SPIRAL)
    return time.perf_counter() - start, result['loss_train'][-1]


def run_measured(command):
    """Wall seconds and peak resident memory (MiB) of one child process.

    The wall time is that of the child started directly. Its peak memory is read by
    GNU time in a second run: Linux keeps a process's peak across exec, so a child forked
    from this Python process (numpy loaded) would report at least Python's own size."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode()
    if status != 0:
        raise SystemExit(f'{command[0]} failed: {stderr}')
    if not os.path.exists(TIME):
        return wall, usage.ru_maxrss / 1024
    with tempfile.NamedTemporaryFile('r') as report:
        subprocess.run([TIME, '-f', '%M', '-o', report.name, *command], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        return wall, int(report.read().split()[-1]) / 1024


def measure_startup(nnlab, runs=40):
    print('Start-up: the whole `nnlab train --epochs 1` process')
    walls, peaks = zip(*(run_measured([nnlab, 'train', '--epochs', '1']) for _ in range(runs)))
    print(f"  wall time (median of {runs}): {statistics.median(walls) * 1000:6.1f} ms   (target < 8 ms)")
    print(f"  peak memory (largest):     {max(peaks):6.1f} MiB  (target < 15 MiB)")


MILLION_LAB = {
    'name': 'million', 'title': 'A million points from a file', 'data': {'csv': 'points.csv'},
    'cases': [{'name': 'one epoch', 'activation': 'relu', 'batch_size': 100, 'epochs': 1,
               'learning_rate': 0.1, 'gradient': 'analytic'}],
}


def write_million_points(folder):
    """A CSV file of 1,000,000 points (two noisy rings, in random order, numbers in their
    shortest form) and an experiment that learns from it, in `folder`; returns the
    experiment's path. The file holds no set column: half the rows are drawn for testing."""
    import numpy as np
    rs = np.random.RandomState(7)
    n = 1_000_000
    r = np.concatenate([rs.uniform(0, 1.0, n // 2), rs.uniform(1.4, 2.0, n - n // 2)])
    t = rs.uniform(0, 2 * np.pi, n)
    x1 = (r * np.sin(t) + rs.normal(0, 0.1, n)).tolist()
    x2 = (r * np.cos(t) + rs.normal(0, 0.1, n)).tolist()
    label = (r < 1.2).astype(int).tolist()
    with open(os.path.join(folder, 'points.csv'), 'w') as f:
        f.write('x1,x2,label\n')
        f.write(''.join(f'{x1[i]!r},{x2[i]!r},{label[i]}\n' for i in rs.permutation(n).tolist()))
    path = os.path.join(folder, 'million.json')
    with open(path, 'w') as f:
        json.dump(MILLION_LAB, f)
    return path


def measure_report(nnlab, arguments, label, targets, runs=5):
    """Median wall time and largest peak memory of `runs` runs; `targets` may be None.
    Returns the median wall time."""
    print(f'Whole `nnlab report` process for {label}')
    with tempfile.TemporaryDirectory() as folder:
        walls, peaks = [], []
        for i in range(runs):
            wall, peak = run_measured([nnlab, 'report', *arguments, '--quiet', '--out', os.path.join(folder, f'r{i}')])
            walls.append(wall)
            peaks.append(peak)
        size = os.path.getsize(os.path.join(folder, 'r0', 'index.html'))
    wall_target, memory_target, size_target = (f'   (target < {t} {unit})' for t, unit in zip(targets, ('ms', 'MiB', 'KiB'))) \
        if targets else ('', '', '')
    print(f"  wall time (median of {runs}): {statistics.median(walls) * 1000:7.1f} ms{wall_target}")
    print(f"  peak memory (largest):   {max(peaks):7.1f} MiB{memory_target}")
    print(f"  index.html:              {size / 1024:7.1f} KiB{size_target}")
    return statistics.median(walls)


def measure_sweeps(nnlab):
    one = measure_report(nnlab, [os.path.join(ROOT, 'bench', 'sweep-100.json'), '--jobs', '1'],
                         'a sweep of 100 cases, --jobs 1', None, runs=3)
    two = measure_report(nnlab, [os.path.join(ROOT, 'bench', 'sweep-100.json'), '--jobs', '2'],
                         'a sweep of 100 cases, --jobs 2', (3000, 300, 1000), runs=3)
    print(f"  --jobs 2 over --jobs 1: {one / two:.2f}x faster")
    measure_report(nnlab, [os.path.join(ROOT, 'bench', 'sweep-1000.json')], 'a sweep of 1000 cases',
                   (30000, 300, 1000), runs=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--bin', required=True, help='folder of the release build')
    parser.add_argument('--oracle-runs', type=int, default=3)
    parser.add_argument('--startup-only', action='store_true',
                        help='measure only the start-up of nnlab train and the report processes')
    parser.add_argument('--sweeps-only', action='store_true', help='measure only the sweeps')
    args = parser.parse_args()
    nnlab = os.path.join(args.bin, 'nnlab')
    if args.sweeps_only:
        measure_sweeps(nnlab)
        return
    if args.startup_only:
        measure_startup(nnlab)
        measure_report(nnlab, [], 'the seed lab', (90, 40, 500))
        return

    out = subprocess.run([os.path.join(args.bin, 'nnlab-bench'), '15'], check=True,
                         capture_output=True, text=True).stdout
    swift = json.loads(out)

    print('Training the seed lab (single update + four cases, numeric gradients)')
    oracle_times = []
    for _ in range(args.oracle_runs):
        seconds, finals, _ = oracle_seed_lab()
        oracle_times.append(seconds)
    oracle = statistics.median(oracle_times)
    print(f"  numpy oracle (median of {args.oracle_runs}):      {oracle * 1000:9.1f} ms")
    print(f"  nnlab, cases on both cores (median of {swift['runs']}): {swift['parallel_median'] * 1000:9.2f} ms"
          f"   {oracle / swift['parallel_median']:7.0f}x faster")
    print(f"  nnlab, one core (median of {swift['runs']}):           {swift['one_core_median'] * 1000:9.2f} ms"
          f"   {oracle / swift['one_core_median']:7.0f}x faster")
    print(f"  nnlab, one core, analytic gradients:      {swift['analytic_one_core_median'] * 1000:9.2f} ms"
          f"   {swift['one_core_median'] / swift['analytic_one_core_median']:7.1f}x faster than numeric")
    expected = sum(finals) + seed_reference.step(317, 0.2)['params_after']['b11']
    if expected != swift['checksum']:
        raise SystemExit(f"checksum mismatch: oracle {expected!r}, nnlab {swift['checksum']!r}")

    print('Training 2-8-8-1 (tanh) on 1000 spiral points, 10 epochs of batches of 10 (1000 iterations)')
    seconds, final = oracle_spiral()
    print(f"  numpy oracle, numeric gradients (one run): {seconds * 1000:9.1f} ms")
    numeric = swift['spiral_numeric_median']
    print(f"  nnlab, numeric gradients (median of {swift['spiral_runs']}):    {numeric * 1000:9.1f} ms"
          f"   {seconds / numeric:7.0f}x faster  (target >= 100x)")
    print(f"  nnlab, analytic gradients (median of {swift['spiral_runs']}):   {swift['spiral_analytic_median'] * 1000:9.1f} ms"
          f"   {numeric / swift['spiral_analytic_median']:7.1f}x faster than numeric")
    if final != swift['spiral_loss']:
        raise SystemExit(f"spiral loss mismatch: oracle {final!r}, nnlab {swift['spiral_loss']!r}")

    measure_startup(nnlab)
    measure_report(nnlab, [], 'the seed lab', (90, 40, 500))
    measure_report(nnlab, ['--formats', 'svg,png,pdf'], 'the seed lab with PNG and PDF figures', None)
    measure_report(nnlab, [os.path.join(ROOT, 'examples', 'playground.json')], 'examples/playground.json',
                   (1000, 100, 1000))
    with tempfile.TemporaryDirectory() as folder:
        measure_report(nnlab, [write_million_points(folder)], 'a CSV file of 1,000,000 points',
                       (60000, 1024, 1000), runs=3)
    measure_sweeps(nnlab)


if __name__ == '__main__':
    main()
