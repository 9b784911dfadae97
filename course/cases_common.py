"""Shared by make-cases.py and the exercises' cases.py: float64 tensors, the one seeded generator
(every part draws from it in chapter order, so the files are reproducible bit for bit), the
problems of the gradient-descent and optimizer cases, and writing JSON without overflowing values."""
import json
import math

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
GEN = torch.Generator().manual_seed(20240611)


def uniform(shape, lo, hi):
    return (lo + (hi - lo) * torch.rand(shape, generator=GEN)).tolist()


def t(x, grad=False):
    return torch.tensor(x, dtype=torch.float64, requires_grad=grad)


def finite(x):
    if isinstance(x, (list, tuple)):
        return all(finite(v) for v in x)
    if isinstance(x, dict):
        return all(finite(v) for v in x.values())
    return not isinstance(x, float) or math.isfinite(x)


def hints_only_finite(data):
    """Drops the known mistakes whose values overflow (a diverging mistake needs no hint, and JSON has no Infinity)."""
    if isinstance(data, list):
        return [hints_only_finite(v) for v in data]
    if isinstance(data, dict):
        out = {k: hints_only_finite(v) for k, v in data.items()}
        if isinstance(out.get("mistakes"), dict):
            out["mistakes"] = {k: v for k, v in out["mistakes"].items() if finite(v)}
        return out
    return data


def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(hints_only_finite(data), f, ensure_ascii=False, allow_nan=False)
        f.write("\n")


def close(a, b, tol=1e-12):
    fa, fb = torch.tensor(a).flatten().tolist(), torch.tensor(b).flatten().tolist()
    assert len(fa) == len(fb), (a, b)
    for x, y in zip(fa, fb):
        assert abs(x - y) <= tol * max(1.0, abs(y)), (x, y)


def objective(problem, x):
    if problem["kind"] == "quadratic":
        a, c = t(problem["a"]), t(problem["c"])
        return (0.5 * a * x * x).sum() + (c * x).sum()
    u, v = x[0], x[1]
    return (1 - u) ** 2 + 100 * (v - u * u) ** 2
