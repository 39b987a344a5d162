#!/usr/bin/env python3
"""Checks that the oracle (seed_reference.py) computes what DESIGN.md defines.

  check_reference.py                   every check below; exit status 1 if one fails
  check_reference.py --against COMMIT  also: every seed-lab configuration gives what the
                                       oracle of that git commit gave (e.g. the seed's)

* pinning: pinned numpy's exp, log, tanh and sin equal the C library's (Python's math),
  and an unpinned numpy's (in a child process) on this CPU, for comparison;
* the random stream: numpy's legacy rand, uniform, normal, choice and permutation equal
  the formulas DESIGN.md gives, computed on an independent MT19937 written here;
* data sets: sizes, classes by block, bounds and class balance;
* networks: the general forward pass equals the seed's 2-3-1 expression bit for bit; the
  loss equals the seed's wherever that is finite; random initial parameters and the
  regularisation penalty are drawn and summed in parameter order.
Needs only numpy.
"""
import json, math, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_reference as ref  # noqa: E402  (pins numpy, re-executing this script once)
import numpy as np  # noqa: E402

failures = []


def check(ok, text):
    print(('ok    ' if ok else 'FAIL  ') + text)
    if not ok:
        failures.append(text)


# --- pinning -------------------------------------------------------------------------

FUNCTIONS = {'exp': (-50, 50), 'log': (1e-300, 10), 'tanh': (-20, 20), 'sin': (-10, 10)}
COMPARE_WITH_MATH = '''
import math, numpy as np
rs = np.random.RandomState(1)
for name, (low, high) in %r.items():
    x = rs.uniform(low, high, 100000)
    ours = getattr(np, name)(x)
    theirs = np.array([getattr(math, name)(v) for v in x.tolist()])
    print(name, int((ours.view(np.int64) != theirs.view(np.int64)).sum()))
''' % FUNCTIONS


def differing_from_math(environment):
    """{function: how many of 100000 values differ from math's} in a child process."""
    out = subprocess.run([sys.executable, '-c', COMPARE_WITH_MATH], env=environment,
                         capture_output=True, text=True, check=True).stdout
    return {name: int(count) for name, count in (line.split() for line in out.splitlines())}


def check_pinning():
    pinned = differing_from_math(os.environ)
    unpinned = differing_from_math(dict(os.environ, NPY_DISABLE_CPU_FEATURES=''))
    for name in FUNCTIONS:
        check(pinned[name] == 0, f'pinned np.{name} equals math.{name} on 100000 values '
                                 f'(unpinned on this CPU: {unpinned[name]} differ)')


# --- the random stream ---------------------------------------------------------------

class MersenneTwister:
    """MT19937 as numpy's np.random.seed(s) sets it up (init_genrand), with the draws
    DESIGN.md describes on top of its 32-bit outputs."""

    def __init__(self, seed):
        self.state = [seed]
        for i in range(1, 624):
            previous = self.state[-1]
            self.state.append((1812433253 * (previous ^ (previous >> 30)) + i) & 0xffffffff)
        self.index = 624
        self.kept_gauss = None

    def u32(self):
        if self.index == 624:
            mt = self.state
            for i in range(624):
                y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff)
                mt[i] = mt[(i + 397) % 624] ^ (y >> 1) ^ (0x9908b0df if y & 1 else 0)
            self.index = 0
        y = self.state[self.index]
        self.index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        return y ^ (y >> 18)

    def rand(self):
        a, b = self.u32() >> 5, self.u32() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0

    def uniform(self, a, b):
        return a + (b - a) * self.rand()

    def normal(self, m, s):
        if self.kept_gauss is not None:
            g, self.kept_gauss = self.kept_gauss, None
            return m + s * g
        while True:
            x1, x2 = 2 * self.rand() - 1, 2 * self.rand() - 1
            r2 = x1 * x1 + x2 * x2
            if 0 < r2 < 1:
                break
        f = math.sqrt(-2 * math.log(r2) / r2)
        self.kept_gauss = f * x1
        return m + s * (f * x2)

    def below_or_equal(self, top):
        """A draw in [0, top]: 32-bit outputs masked to the smallest 2^m - 1 >= top until
        one is <= top (numpy's masked rejection)."""
        mask = (1 << top.bit_length()) - 1
        while True:
            value = self.u32() & mask
            if value <= top:
                return value

    def choice(self, n, k):
        return [self.below_or_equal(n - 1) for _ in range(k)]

    def permutation(self, n):
        """numpy's legacy shuffle of arange(n): for i from n-1 down to 1, swap i with a draw
        in [0, i]."""
        items = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.below_or_equal(i)
            items[i], items[j] = items[j], items[i]
        return items


def check_stream():
    rs = np.random.RandomState(0)
    for seed in (0, 1, 317, 4294967295, 123456789):
        np.random.seed(seed)
        mt = MersenneTwister(seed)
        agree = True
        for step in range(3000):  # a mixed sequence, so draws interleave as in a data set
            kind = int(rs.randint(6))
            if kind == 0:
                agree &= np.random.rand() == mt.rand()
            elif kind == 1:
                a, b = sorted(rs.uniform(-7, 7, 2).tolist())
                agree &= np.random.uniform(a, b) == mt.uniform(a, b)
            elif kind == 2:
                m, s = float(rs.uniform(-3, 3)), float(rs.uniform(0, 3))
                agree &= np.random.normal(m, s) == mt.normal(m, s)
            elif kind == 3:
                n, k = int(rs.randint(2, 2000)), int(rs.randint(1, 20))
                agree &= np.random.choice(range(n), k).tolist() == mt.choice(n, k)
            elif kind == 4:
                n = int(rs.randint(1, 300))
                agree &= np.random.permutation(n).tolist() == mt.permutation(n)
            else:
                n = int(rs.randint(1, 5))
                agree &= np.random.rand(n, 2).ravel().tolist() == [mt.rand() for _ in range(2 * n)]
        check(agree, f'seed {seed}: 3000 mixed draws (rand, uniform, normal, choice, permutation, '
                     f'rand(n, 2)) equal DESIGN.md\'s formulas on an independent MT19937')
    np.random.seed(5)
    np.random.normal()
    np.random.seed(5)
    mt = MersenneTwister(5)
    check(np.random.normal() == mt.normal(0, 1), 'seeding clears the kept normal value')


# --- data sets -----------------------------------------------------------------------

def check_data_sets():
    for data in ('parabola', 'circle', 'xor', 'gauss', 'spiral'):
        for seed, noise, n, n_test in ((317, 0.0, 100, None), (0, 0.0, 301, 7), (7, 0.25, 400, 400),
                                       (4294967295, 0.5, 1, 2)):
            noise = 0.0 if data == 'parabola' else noise
            X, y, Xt, yt = ref.make_data(seed, n, data, noise, n_test)
            sizes_ok = len(X) == len(y) == n and len(Xt) == len(yt) == (n if n_test is None else n_test)
            extent = float(np.abs(np.vstack([X, Xt])).max())
            bound = 2.2 if data != 'gauss' or noise == 0 else 4.0  # Gaussians have no bound
            blocks_ok = True
            if data in ('gauss', 'spiral') or (data == 'circle' and noise == 0):
                for labels in (y, yt):
                    first = len(labels) - len(labels) // 2
                    blocks_ok &= bool((labels[:first] == 1).all() and (labels[first:] == 0).all())
            check(sizes_ok and blocks_ok and extent <= bound,
                  f'{data:8} seed {seed:10} noise {noise:4} n {n:3}: class 1 {int(y.sum())}/{len(y)} '
                  f'train, {int(yt.sum())}/{len(yt)} test, |coordinate| <= {extent:.3f}')


# --- networks ------------------------------------------------------------------------

def seed_forward(x1, x2, p, activation, batch_norm):
    """The seed oracle's 2-3-1 forward pass, written out."""
    a = [p[f'b1{j}'] + p[f'w1{j}'] * x1 + p[f'w2{j}'] * x2 for j in (1, 2, 3)]
    if batch_norm:
        a = [(v - v.mean()) / v.std() for v in a]
    z = [ref.act(activation, v) for v in a]
    ay = p['b21'] + p['w31'] * z[0] + p['w32'] * z[1] + p['w33'] * z[2]
    return 1 / (1 + np.exp(-ay))


def seed_loss(yhat, y):
    with np.errstate(divide='ignore', invalid='ignore'):
        return float(-(y * np.log(yhat) + (1 - y) * np.log(1 - yhat)).mean())


def check_forward_and_loss():
    rs = np.random.RandomState(3)
    same = True
    for trial in range(400):
        activation = ('relu', 'tanh', 'sigmoid')[trial % 3]
        net = ref.Network(activation=activation, batch_norm=trial % 2 == 1)
        p = {k: float(v) for k, v in zip(net.initial_parameters(), rs.normal(0, 2, 13))}
        X = rs.uniform(-2, 2, (int(rs.randint(2, 200)), 2))
        same &= np.array_equal(ref.forward(net.inputs(X), p, net),
                               seed_forward(X[:, 0], X[:, 1], p, activation, trial % 2 == 1),
                               equal_nan=True)
    check(same, '400 random 2-3-1 networks: the general forward pass is the seed\'s, bit for bit')

    finite = nan_in_seed = 0
    same = True
    for trial in range(3000):
        n = int(rs.randint(1, 50))
        y = rs.randint(0, 2, n)
        yhat = 1 / (1 + np.exp(-rs.normal(0, [1, 10, 40][trial % 3], n)))  # often exactly 0 or 1
        ours, seeds = ref.loss(yhat, y), seed_loss(yhat, y)
        if math.isfinite(seeds):
            finite += 1
            same &= ours.hex() == seeds.hex()
        elif math.isnan(seeds):
            nan_in_seed += 1
            right = np.where(y == 1, yhat == 1, yhat == 0)  # certain and right: term 0
            wrong = np.where(y == 1, yhat == 0, yhat == 1)  # certain and wrong: term inf
            same &= (ours == math.inf) if wrong.any() else (math.isfinite(ours) and right.any())
    check(same, f'loss: {finite} finite seed losses equal bit for bit; on {nan_in_seed} '
                f'NaN ones (0*log 0), certain right points give 0, certain wrong ones inf')

    # the notebook's xor with the x1_x2 feature saturates the sigmoid: compare there too
    X, y, _, _ = ref.make_data(317, 200, 'xor')
    net = ref.Network(features=['x1_x2'], hidden=[])
    finite = saturated = 0
    same = True
    for w in np.linspace(0.5, 60, 600).tolist():
        p = {'b1_1': 0.0, 'w1_1_1': w}
        yhat = ref.forward(net.inputs(X), p, net)
        ours, seeds = ref.loss(yhat, y), seed_loss(yhat, y)
        finite += math.isfinite(seeds)
        saturated += not math.isfinite(seeds)
        same &= ours.hex() == seeds.hex() if math.isfinite(seeds) else math.isfinite(ours)
    check(same, f'xor on x1_x2, 600 weights: {finite} seed losses equal bit for bit, '
                f'{saturated} saturated ones (seed NaN) finite here')


def check_parameters():
    net = ref.Network(features=['x1', 'x2'], hidden=[3])
    check(list(net.initial_parameters()) ==
          'b11 w11 w21 b12 w12 w22 b13 w13 w23 b21 w31 w32 w33'.split()
          and net.initial_parameters() == ref.INIT, 'the notebook\'s names, order and values for 2-3-1')
    net = ref.Network(features=['x1', 'sin_x2', 'x1_x2'], hidden=[2, 1])
    p = net.initial_parameters('notebook', 42)
    names = ('b1_1 w1_1_1 w1_2_1 w1_3_1 b1_2 w1_1_2 w1_2_2 w1_3_2 '
             'b2_1 w2_1_1 w2_2_1 b3_1 w3_1_1').split()
    draws = np.random.RandomState(42).uniform(-0.5, 0.5, 9).tolist()
    expected = {k: 0.1 if k[0] == 'b' else draws.pop(0) for k in names}
    check(p == expected, 'another shape: b{l}_{j}, w{l}_{i}_{j} in parameter order, biases 0.1, '
                         'weights drawn in order from the init seed')
    draws = np.random.RandomState(42).uniform(-0.5, 0.5, 9).tolist()
    expected = {k: 0.1 if k[0] == 'b' else draws.pop(0) for k in ref.INIT}
    check(ref.Network().initial_parameters('random', 42) == expected,
          'random init of 2-3-1 on x1, x2: the notebook\'s names, in parameter order')

    X, y, _, _ = ref.make_data(1, 50, 'circle', 0.1)
    rate = 0.003
    grads = {}
    for regularization in ('none', 'l1', 'l2'):
        net = ref.Network(features=['x1', 'x2'], hidden=[4, 2], activation='tanh',
                          regularization=regularization, regularization_rate=rate)
        p = net.initial_parameters('random', 5)
        grads[regularization] = ref.gradient(net.inputs(X), y, p, net)
    added = {'l1': lambda w: rate * math.copysign(1, w), 'l2': lambda w: rate * w}
    for regularization in ('l1', 'l2'):
        error = max(abs(grads[regularization][k] - grads['none'][k]
                        - (added[regularization](p[k]) if k[0] == 'w' else 0)) for k in p)
        check(error < 1e-7, f'{regularization}: the numeric gradient adds r*{"sign(w)" if regularization == "l1" else "w"} '
                            f'to the weights only (largest difference {error:.1e})')
    net = ref.Network(regularization='l2', regularization_rate=0.0)
    p = net.initial_parameters()
    check(ref.objective(net.inputs(X), y, p, net) == ref.loss(ref.forward(net.inputs(X), p, net), y),
          'rate 0: the objective is the loss')


# --- against an earlier oracle -------------------------------------------------------

def seed_lab_configurations(count):
    rs = np.random.RandomState(2024)
    pick = lambda values: values[int(rs.randint(len(values)))]
    configurations = [  # the notebook's cases and the chaotic and diverging ones first
        dict(epochs=10), dict(epochs=10, learning_rate=0.3),
        dict(batch_size=20, epochs=200, learning_rate=0.1),
        dict(batch_size=20, epochs=200, learning_rate=0.1, batch_norm=True),
        dict(activation='tanh', epochs=10, learning_rate=1.0),
        dict(activation='sigmoid', learning_rate=20),
    ]
    while len(configurations) < count:
        configurations.append(dict(
            seed=pick([0, 1, 7, 317, 2 ** 31, 4294967295, int(rs.randint(2 ** 31))]),
            n_obs=pick([1, 2, 3, 10, 37, 100, 150]), activation=pick(['relu', 'tanh', 'sigmoid']),
            batch_size=pick([1, 2, 5, 10, 20, 1000]), epochs=pick([1, 2, 5, 10]),
            learning_rate=pick([0.01, 0.1, 0.3, 1.0, 3.0, 20.0]), batch_norm=bool(rs.randint(2))))
    return configurations


def check_against(commit):
    """Every result the earlier oracle gives, this one gives: byte-identical JSON (keys
    sorted), or identical up to the earlier oracle's first non-finite loss, where the
    seed's formula gave NaN (0*log 0) and this loss does not."""
    import importlib.util, tempfile
    source = subprocess.run(['git', 'show', f'{commit}:reference/seed_reference.py'],
                            cwd=os.path.dirname(os.path.abspath(__file__)),
                            capture_output=True, text=True, check=True).stdout
    with tempfile.NamedTemporaryFile('w', suffix='.py') as f:
        f.write(source)
        f.flush()
        spec = importlib.util.spec_from_file_location('earlier_reference', f.name)
        earlier = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(earlier)
    defaults = dict(seed=317, n_obs=100, activation='relu', batch_size=1, epochs=1,
                    learning_rate=0.01, batch_norm=False)
    identical = up_to_nan = 0
    for configuration in seed_lab_configurations(200):
        configuration = dict(defaults, **configuration)
        with np.errstate(all='ignore'):
            a, b = earlier.train(**configuration), ref.train(**configuration)
        if json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True):
            identical += 1
            continue
        finite = [math.isfinite(u) and math.isfinite(v) for u, v in zip(a['loss_train'], a['loss_test'])]
        first = finite.index(False) if False in finite else len(finite)
        agree = first < len(finite) and all(
            a[k][i].hex() == b[k][i].hex() for k in ('loss_train', 'loss_test') for i in range(first))
        up_to_nan += agree
        check(agree, f'{configuration}: the same as {commit} up to its first non-finite loss '
                     f'(iteration {first + 1})')
    steps = all(json.dumps(earlier.step(seed, rate), sort_keys=True) == json.dumps(ref.step(seed, rate), sort_keys=True)
                for seed in (317, 0, 1, 4294967295) for rate in (0.2, 0.1, 1.0))
    check(identical + up_to_nan == 200 and steps,
          f'against {commit}: 200 seed-lab trainings, {identical} byte-identical, {up_to_nan} identical '
          f'up to the earlier NaN loss; 12 steps identical: {steps}')


if __name__ == '__main__':
    np.seterr(all='ignore')
    check_pinning()
    check_stream()
    check_data_sets()
    check_forward_and_loss()
    check_parameters()
    if '--against' in sys.argv:
        check_against(sys.argv[sys.argv.index('--against') + 1])
    print(f'{len(failures)} failed' if failures else 'all checks passed')
    sys.exit(1 if failures else 0)
