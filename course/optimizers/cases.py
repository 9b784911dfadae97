"""The optimizer cases: torch.optim trajectories, and known mistakes from a plain-Python optimizer checked against torch first."""
import math

import torch

from cases_common import close, objective, t, uniform


def torch_optimizer(name, o, params):
    if name == "sgd":
        return torch.optim.SGD(params, lr=o["lr"])
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=o["lr"], momentum=o["momentum"], nesterov=name == "nesterov")
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=o["lr"], eps=o.get("eps", 1e-10))
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=o["lr"], alpha=o.get("alpha", 0.99), eps=o.get("eps", 1e-8))
    return torch.optim.Adam(params, lr=o["lr"], betas=tuple(o.get("betas", (0.9, 0.999))), eps=o.get("eps", 1e-8))


def torch_run(name, o, x0, steps, grads=None, problem=None):
    x = t(x0, True)
    opt = torch_optimizer(name, o, [x])
    points = [x.detach().tolist()]
    for k in range(steps):
        opt.zero_grad()
        if grads is not None:
            x.grad = t(grads[k])
        else:
            objective(problem, x).backward()
        opt.step()
        points.append(x.detach().tolist())
    return points


def plain_step(name, o, mistake=None):
    """One optimizer as a closure over its state, in plain floats, optionally with a known mistake."""
    lr = -o["lr"] if mistake == "ascent" else o["lr"]
    root = (lambda v, e: math.sqrt(v + e)) if mistake == "epsInsideSqrt" else (lambda v, e: math.sqrt(v) + e)
    state = {"b": None, "s": None, "m": None, "t": 0}

    def step(p, g):
        if name == "sgd":
            return [x - lr * gi for x, gi in zip(p, g)]
        if name in ("momentum", "nesterov"):
            mu = o["momentum"]
            ema = mistake == "momentumEma"
            prev = state["b"]
            b = [(1 - mu) * gi if ema else gi for gi in g] if prev is None else [mu * pb + ((1 - mu) if ema else 1) * gi for pb, gi in zip(prev, g)]
            state["b"] = b
            look = name == "nesterov" and mistake != "nesterovPlain"
            return [x - lr * ((gi + mu * bi) if look else bi) for x, gi, bi in zip(p, g, b)]
        if name == "adagrad":
            eps = o.get("eps", 1e-10)
            prev = state["s"] or [0.0] * len(g)
            s = [(0.0 if mistake == "adagradNoAccumulation" else ps) + gi * gi for ps, gi in zip(prev, g)]
            state["s"] = s
            return [x - lr * gi / root(si, eps) for x, gi, si in zip(p, g, s)]
        if name == "rmsprop":
            alpha, eps = o.get("alpha", 0.99), o.get("eps", 1e-8)
            prev = state["s"] or [0.0] * len(g)
            v = [(ps + gi * gi) if mistake == "rmspropNoDecay" else alpha * ps + (1 - alpha) * gi * gi for ps, gi in zip(prev, g)]
            state["s"] = v
            return [x - lr * gi / root(vi, eps) for x, gi, vi in zip(p, g, v)]
        beta1, beta2 = o.get("betas", (0.9, 0.999))
        if mistake == "adamBetasSwapped":
            beta1, beta2 = beta2, beta1
        eps = o.get("eps", 1e-8)
        state["t"] += 1
        mp = state["m"] or [0.0] * len(g)
        vp = state["s"] or [0.0] * len(g)
        m = [beta1 * a + (1 - beta1) * gi for a, gi in zip(mp, g)]
        v = [beta2 * a + (1 - beta2) * gi * gi for a, gi in zip(vp, g)]
        state["m"], state["s"] = m, v
        c1 = 1.0 if mistake == "adamNoBiasCorrection" else 1 - beta1 ** state["t"]
        c2 = 1.0 if mistake == "adamNoBiasCorrection" else 1 - beta2 ** state["t"]
        return [x - lr * (mi / c1) / root(vi / c2, eps) for x, mi, vi in zip(p, m, v)]

    return step


def plain_run(name, o, x0, steps, grads=None, problem=None, mistake=None):
    step = plain_step(name, o, mistake)
    x = list(map(float, x0))
    points = [x]
    for k in range(steps):
        g = grads[k] if grads is not None else torch.autograd.functional.jacobian(lambda z: objective(problem, z), t(x)).tolist()
        x = step(x, g)
        points.append(x)
    return points


MISTAKES = {
    "sgd": ["ascent"],
    "momentum": ["ascent", "momentumEma"],
    "nesterov": ["ascent", "momentumEma", "nesterovPlain"],
    "adagrad": ["ascent", "adagradNoAccumulation", "epsInsideSqrt"],
    "rmsprop": ["ascent", "rmspropNoDecay", "epsInsideSqrt"],
    "adam": ["ascent", "epsInsideSqrt", "adamNoBiasCorrection", "adamBetasSwapped"],
}


def optimizer_run(name, o, x0, steps, grads=None, problem=None, at=None):
    points = torch_run(name, o, x0, steps, grads, problem)
    close(plain_run(name, o, x0, steps, grads, problem), points, 1e-9 if problem is not None and problem["kind"] == "rosenbrock" else 1e-12)
    pick = (lambda ps: {str(k): ps[k] for k in at}) if at is not None else (lambda ps: ps)
    mistakes = {m: pick(plain_run(name, o, x0, steps, grads, problem, m)) for m in MISTAKES[name]}
    run = {"factory": name, "options": o, "x0": x0, "steps": steps}
    run.update({"grads": grads} if grads is not None else {"problem": problem})
    run.update({"checkpoints": pick(points)} if at is not None else {"points": points})
    run["mistakes"] = mistakes
    return run


def make():
    GRADS = [[0.5, -1.2, 2], [0.1, 0.4, -3], [-0.7, 0.3, 1], [0.2, -0.2, 0.5], [1.5, 0.9, -0.1]]
    TINY = [[1e-9, -3e-10, 2e-9], [2e-9, 1e-10, -1e-9], [-5e-10, 4e-10, 1e-9]]
    X0 = [1, -0.5, 2]
    quad = {"kind": "quadratic", "a": uniform([3], 0.5, 4), "c": uniform([3], -1, 1)}
    quad_x0 = uniform([3], -2, 2)
    rosen, rosen_x0 = {"kind": "rosenbrock"}, [-1.5, 2.0]
    problem_options = {
        "sgd": ({"lr": 0.05}, {"lr": 5e-4}), "momentum": ({"lr": 0.02, "momentum": 0.9}, {"lr": 5e-4, "momentum": 0.9}),
        "nesterov": ({"lr": 0.02, "momentum": 0.9}, {"lr": 5e-4, "momentum": 0.9}), "adagrad": ({"lr": 0.3}, {"lr": 0.1}),
        "rmsprop": ({"lr": 0.01}, {"lr": 0.01}), "adam": ({"lr": 0.05}, {"lr": 0.01}),
    }
    torch_cases = []
    for name, (oq, orb) in problem_options.items():
        torch_cases.append(optimizer_run(name, oq, quad_x0, 50, problem=quad, at=[1, 2, 3, 10, 50]))
        torch_cases.append(optimizer_run(name, orb, rosen_x0, 200, problem=rosen, at=[1, 2, 3, 10, 100, 200]))
    runs = {
        "momentum μ = 0.5": optimizer_run("momentum", {"lr": 0.1, "momentum": 0.5}, X0, 5, GRADS),
        "nesterov μ = 0.5": optimizer_run("nesterov", {"lr": 0.1, "momentum": 0.5}, X0, 5, GRADS),
        "adagrad tiny": optimizer_run("adagrad", {"lr": 0.1}, X0, 3, [[g / 10 for g in r] for r in TINY]),
        "adagrad eps": optimizer_run("adagrad", {"lr": 0.1, "eps": 0.5}, X0, 5, GRADS),
        "rmsprop options": optimizer_run("rmsprop", {"lr": 0.01, "alpha": 0.9, "eps": 0.1}, X0, 5, GRADS),
        "rmsprop tiny": optimizer_run("rmsprop", {"lr": 0.01}, X0, 3, TINY),
        "adam options": optimizer_run("adam", {"lr": 0.05, "betas": [0.8, 0.95], "eps": 1e-3}, X0, 5, GRADS),
        "adam tiny": optimizer_run("adam", {"lr": 0.01}, X0, 3, TINY),
    }
    every = [("sgd", {"lr": 0.1}), ("momentum", {"lr": 0.1, "momentum": 0.9}), ("nesterov", {"lr": 0.1, "momentum": 0.9}),
             ("adagrad", {"lr": 0.1}), ("rmsprop", {"lr": 0.01}), ("adam", {"lr": 0.01})]
    for name, o in every:
        runs[f"{name} 3 steps"] = optimizer_run(name, o, X0, 3, GRADS[:3])
    for name, o in [("momentum", {"lr": 0.1, "momentum": 0.9}), ("adam", {"lr": 0.1})]:
        runs[f"{name} first"] = optimizer_run(name, o, X0, 4, GRADS[:4])
        runs[f"{name} second"] = optimizer_run(name, o, [0, 0, 0], 4, [[-2 * g for g in r] for r in GRADS[1:5]])
    return {"about": "torch.optim trajectories (points[0] = x0) on given gradients or on a problem (checkpoints only)", "torch": torch_cases, "runs": runs}
