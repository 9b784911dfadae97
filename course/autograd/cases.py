"""The autograd cases: every scenario of drivers.ts beside this file, ported to torch."""
import torch

from cases_common import t


sigmoid_v = lambda u: (1 + (-u).exp()) ** -1
relu = torch.relu


def more_ops(a, b):
    c = a + b
    d = a * b + b ** 3
    c = c + c + 1
    c = c + 1 + c + (-a)
    d = d + d * 2 + relu(b + a)
    d = d + 3 * d + relu(b - a)
    e = c - d
    f = e ** 2
    g = f / 2
    return g + 10 * f ** -1


def deep_shared(x, y):
    h = x * y
    for _ in range(4):
        h = (torch.tanh(h) + x) * (h + y)
    return h


def diamond(x):
    a = x * x
    b = a + x
    c = a * b
    return torch.tanh(c) + a


def long_short(x):
    a = torch.tanh(x)
    return a.exp() * a + a


def sanity(x):
    z = x * 2 + 2 + x
    q = relu(z) + z * x
    h = relu(z * z)
    return h + q + q * x


def transcendental(a, b):
    c = torch.tanh(a * b) + torch.log(a + 2) * b.exp() - sigmoid_v(a - b) / (b * b)
    return c ** 2


# Mirrors SCENARIOS in drivers.ts (test/grading/oracles.test.ts checks
# that forward-mode dual numbers on the TypeScript scenarios give these values).
SCENARIOS = {
    "add": ([2, -3], lambda a, b: a + b), "addNumber": ([2], lambda a: a + 5),
    "sub": ([2, -3], lambda a, b: a - b), "subNumber": ([2], lambda a: a - 0.5), "neg": ([1.5], lambda a: -a),
    "mul": ([2, -3], lambda a, b: a * b), "mulNumber": ([1.5], lambda a: a * -4),
    "div": ([3, -4], lambda a, b: a / b), "divNumber": ([3], lambda a: a / 8),
    "pow3": ([1.5], lambda a: a ** 3), "powMinus1": ([-2], lambda a: a ** -1), "powHalf": ([2.25], lambda a: a ** 0.5),
    "exp": ([0.7], torch.exp), "log": ([2.5], torch.log), "tanh": ([0.8], torch.tanh),
    "reluPositive": ([1.7], relu), "reluNegative": ([-1.7], relu),
    "reluOfProduct": ([-2, 3], lambda a, b: relu(a * b) + relu(-(b * a))),
    "square": ([3], lambda a: a * a), "double": ([3], lambda a: a + a),
    "reuse": ([-1.5, 0.5], lambda a, b: (a * b + a) * (a * b)),
    "seeded": ([2, -3], lambda a, b: a * b + a),
    "diamond": ([0.5], diamond), "longAndShortPaths": ([0.3], long_short), "deepShared": ([0.9, -0.4], deep_shared),
    "sanity_check": ([-4], sanity), "more_ops": ([-4, 2], more_ops), "transcendental": ([0.7, -1.3], transcendental),
}


def make():
    out = {}
    for name, (inputs, build) in SCENARIOS.items():
        leaves = [t(float(x), True) for x in inputs]
        value = build(*leaves)
        value.backward()
        out[name] = {"inputs": inputs, "data": value.item(), "grads": [l.grad.item() for l in leaves]}
    return {"about": "value and gradients of each scenario of course/autograd/drivers.ts, by torch autograd", "scenarios": out}
