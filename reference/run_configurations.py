#!/usr/bin/env python3
"""Runs seed_reference.train on many configurations at once, for differential tests.

Reads a JSON list of objects with the keys of `seed_reference.train` (seed, n_obs,
activation, batch_size, epochs, learning_rate, batch_norm) on stdin and prints a JSON list
of results; NaN and infinite losses are printed as null so any JSON parser reads them.
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
