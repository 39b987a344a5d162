#!/usr/bin/env python3
"""Runs seed_reference.train on many configurations at once, for differential tests.

Reads a JSON list of objects with the keys of `seed_reference.train` on stdin and prints a
JSON list of results; NaN and infinite numbers are printed as null so any JSON parser reads
them. Every key is optional; the defaults are the seed lab's:
  seed 317, n_obs 100, activation "relu", batch_size 1, epochs 1, learning_rate 0.01,
  batch_norm false, data "parabola" ("csv" when csv is given), noise 0, n_test (n_obs),
  csv (a file name, relative to the working directory), test_fraction 0.5, hidden [3],
  features ["x1", "x2"], regularization "none", regularization_rate 0, init "notebook",
  init_seed (the seed).
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_reference  # noqa: E402


def finite_or_none(value):
    return value if isinstance(value, float) and math.isfinite(value) else None


def run(config):
    result = seed_reference.train(**config)
    result['loss_train'] = [finite_or_none(v) for v in result['loss_train']]
    result['loss_test'] = [finite_or_none(v) for v in result['loss_test']]
    result['final'] = {k: finite_or_none(v) for k, v in result['final'].items()}
    result['params'] = {k: finite_or_none(v) for k, v in result['params'].items()}
    return result


if __name__ == '__main__':
    print(json.dumps([run(c) for c in json.load(sys.stdin)]))
