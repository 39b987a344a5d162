#!/usr/bin/env python3
"""Draws many data sets at once with seed_reference.make_data, for differential tests.

Reads a JSON list of objects with make_data's keys (seed, n_obs, data, noise, n_test, csv,
test_fraction; all optional but seed and n_obs) on stdin and prints a JSON list of
{"train": [[x1, x2, class], ...], "test": [...]}, one per object.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_reference  # noqa: E402


def points(X, y):
    return [[float(a), float(b), int(c)] for (a, b), c in zip(X, y)]


def run(config):
    X, y, Xt, yt = seed_reference.make_data(**config)
    return {'train': points(X, y), 'test': points(Xt, yt)}


if __name__ == '__main__':
    print(json.dumps([run(c) for c in json.load(sys.stdin)]))
